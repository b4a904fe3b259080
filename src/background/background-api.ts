import browser from 'webextension-polyfill';
import type {BackgroundApi} from '@/shared/messages.js';
import {
	addReminder,
	deleteReminder,
	editReminder,
	ReminderNotFoundError,
	sendLocalOnly,
	undoDelete,
} from '@/shared/store/local-edits.js';
import {pendingCount, remindersInError} from '@/shared/store/queries.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {SyncReason, SyncStatus} from '@/shared/types.js';
import {disablePartition, enableForCurrentSession, enablePartition, forgetPartition} from './accounts/sync-switch.js';
import {type BadgeCaller, NotThisTabsTaskError} from './task-page/badge-caller.js';
import {takeBadgeSpend} from './task-page/badge-allowance.js';
import {connectionSettings, connectWithOAuth, saveClientId} from './accounts/connect-oauth.js';
import {db} from './worker-db.js';
import {patchWorkerState, readWorkerState} from './runner/worker-state.js';
import {disconnectOAuth} from './oauth/disconnect.js';
import {glanceShouldSync, pageGlanceShouldSync, PENDING_SYNC_MIN_GAP_MS} from './runner/schedule-policy.js';
import {onSalesforceSaveSeen} from './runner/save-signal.js';
import {shareNamesNow} from './name-sync/name-sync-triggers.js';
import {libraryVersions} from './messaging/library-versions.js';
import {startCycle, triggerFor} from './runner/cycle-runner.js';
import {pushHeldDeletesWhenReady} from './runner/held-delete-push.js';
import {remindAboutRecord} from './remind-me/remind-about-record.js';
import {checkReminders} from './alerts/alert-alarm.js';
import {getTaskBadge, taskReadyToSync} from './task-page/badge-answer.js';
import {updateToolbarCount} from './alerts/toolbar-count.js';

/** R13/R22: a sync soon when asked; `queued` is false when sync is off or a glance comes right after a cycle. */
async function requestSync(reason: SyncReason): Promise<{queued: boolean}> {
	const now = Date.now();
	const state = await readWorkerState();
	if (reason === 'popup-opened') await patchWorkerState({popupOpenedAt: now});
	// R22: the toolbar count follows a local change at once, whether or not sync is on.
	if (reason === 'local-change') await updateToolbarCount(db);
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return {queued: false};
	// Opening the popup (or a page) right after a cycle shows fresh data already (R13) and costs no request (R21).
	if (reason === 'popup-opened' && !glanceShouldSync(state.cycleStartedAt, now)) return {queued: false};
	if (reason === 'page-visit' && !pageGlanceShouldSync(state.cycleStartedAt, now)) return {queued: false};
	startCycle(triggerFor(reason));
	return {queued: true};
}

/**
 * After a write the rep made: push it within seconds (R13). The change is already durable, so the reply
 * says it succeeded whatever happens here — a failure reported now would invite the rep to make it twice.
 */
async function afterLocalChange(id: string): Promise<{id: string}> {
	try {
		await requestSync('local-change');
	} catch (error) {
		reportError(error); // the next alarm pushes it instead
	}

	// R31: a reminder time set, moved or removed, or a reminder completed: the reminder alarm follows.
	await checkReminders().catch((error: unknown) => {
		reportError(error);
	});
	return {id};
}

/**
 * R2: the popup only ever shows the active partition, so a write naming a reminder of another partition
 * (another org or user) is refused as if it did not exist.
 */
async function inActivePartition(id: string): Promise<string> {
	const reminder = await db.reminders.get(id);
	if (reminder !== undefined && reminder.partition !== (await activePartition(db))) {
		throw new ReminderNotFoundError(id);
	}

	return id;
}

/** The background's answers. Thin: inputs are already validated; real work is delegated. */
export const backgroundApi: Readonly<BackgroundApi> = {
	async ping() {
		return {
			pong: true,
			version: browser.runtime.getManifest().version,
			context: 'background',
			libraries: libraryVersions(),
		};
	},
	async getSyncStatus() {
		const partitionId = await activePartition(db);
		const partition = await db.partitions.get(partitionId);
		const status: SyncStatus = {
			phase: partition?.enabled ? partition.status.phase : 'off',
			pendingCount: await pendingCount(db, partitionId),
			errorCount: (await remindersInError(db, partitionId)).length,
		};
		if (partition?.status.pauseReason !== undefined) status.pauseReason = partition.status.pauseReason;
		if (partition?.status.message !== undefined) status.message = partition.status.message;
		if (partition?.status.lastSyncAt !== undefined)
			status.lastSyncAt = new Date(partition.status.lastSyncAt).toISOString();
		if (partition?.apiUsage !== undefined)
			status.apiUsage = {used: partition.apiUsage.used, limit: partition.apiUsage.limit};
		return status;
	},
	async requestSync({reason}) {
		return requestSync(reason);
	},
	async addReminder({id, reminder}) {
		return afterLocalChange((await addReminder(db, reminder, {id})).id);
	},
	async editReminder({id, patch}) {
		const reply = await afterLocalChange((await editReminder(db, await inActivePartition(id), patch)).id);
		// R45: a rename travels to the rep's other computers (never throws; retried at the next pass).
		if (patch.name !== undefined) await shareNamesNow();
		return reply;
	},
	async deleteReminder({id}) {
		// R43: the popup offers Undo for every delete, so the delete waits out the offer before it is pushed.
		await deleteReminder(db, await inActivePartition(id), {heldForUndo: true});
		// R57: and sent within seconds of the offer passing, while this worker is still awake. Not awaited: the
		// reply (and with it the popup's Undo) must not wait for the timer to be set.
		pushHeldDeletesWhenReady().catch((error: unknown) => {
			reportError(error); // the alarm sends it instead
		});
		return afterLocalChange(id);
	},
	async undoDelete({id}) {
		return afterLocalChange((await undoDelete(db, await inActivePartition(id))).id);
	},
	async sendLocalOnly({ids}) {
		// R44/R5: only on the rep's word; sendLocalOnly itself keeps to the active partition (R2).
		const sent = await sendLocalOnly(db, ids);
		if (sent > 0) await afterLocalChange('');
		return {sent};
	},
	async remindAboutRecord(input) {
		return afterLocalChange((await remindAboutRecord(db, input)).id);
	},
	async getTaskBadge(input, caller?: BadgeCaller) {
		// router.ts always says who asked; a call without it is not from a checked sender (R38).
		if (caller === undefined) throw new NotThisTabsTaskError();
		const now = Date.now();
		const state = await readWorkerState();
		await patchWorkerState({salesforceTabSeenAt: now});
		const badge = await getTaskBadge(input, {caller, now});
		// R13: visiting a Task page syncs if the last cycle is older than GLANCE_SYNC_MIN_GAP_MS — or sooner
		// (PENDING_SYNC_MIN_GAP_MS) when this Task has something ready to sync. The badge re-asks every 15 s, so
		// both are bounded: a reminder in retry backoff or parked never counts as ready (R19, R21). The sooner
		// start is the page's doing, so it draws on the tab's badge allowance like a lookup (R38).
		const sinceLast = state.cycleStartedAt === undefined ? Number.POSITIVE_INFINITY : now - state.cycleStartedAt;
		const readyPending =
			badge.state === 'pending' &&
			sinceLast > PENDING_SYNC_MIN_GAP_MS &&
			(await taskReadyToSync(input.taskId, now)) &&
			(caller.kind !== 'tab' || (await takeBadgeSpend(`tab:${caller.tabId}`, now)));
		if (readyPending || pageGlanceShouldSync(state.cycleStartedAt, now)) startCycle('page-visit');
		return badge;
	},
	async salesforceSaveSeen({host}) {
		return onSalesforceSaveSeen(host);
	},
	async enableSync() {
		return enableForCurrentSession();
	},
	async disableSync({partition}) {
		return disablePartition(partition);
	},
	async forgetPartition({partition}) {
		return forgetPartition(partition);
	},
	async enablePartition({partition}) {
		return enablePartition(partition);
	},
	async getConnectionSettings() {
		return connectionSettings();
	},
	async saveOAuthClientId({clientId}) {
		return saveClientId(clientId);
	},
	async connectSalesforce(input) {
		return connectWithOAuth(input);
	},
	async disconnectOAuth({partition}) {
		const result = await disconnectOAuth(partition);
		// Back on the browser session: a cycle now says at once whether the org accepts it (R28).
		startCycle('manual');
		return result;
	},
};
