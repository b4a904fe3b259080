import browser from 'webextension-polyfill';
import {activePartition, setSubjectTemplate, setWhoAlerts} from '@/shared/store/local-edits.js';
import {pendingCount, remindersInError} from '@/shared/store/queries.js';
import type {SyncReason, SyncStatus} from '@/shared/types.js';
import {disablePartition, enableForCurrentSession, enablePartition, forgetPartition} from './accounts/sync-switch.js';
import {takeBadgeSpend} from './task-page/badge-allowance.js';
import {connectionSettings, connectWithOAuth, saveClientId} from './accounts/connect-oauth.js';
import {toolbarHandlers} from './side-panel/toolbar-handlers.js';
import {alertHandlers} from './alerts/alert-handlers.js';
import type {WorkerDbs} from './worker-db.js';
import {heldAndOverruledHandlers, reminderHandlers} from './reminder-handlers.js';
import type {BackgroundHandlers} from './messaging/message-rules.js';
import {patchWorkerState, readWorkerState} from './runner/worker-state.js';
import {disconnectOAuth} from './oauth/disconnect.js';
import {glanceShouldSync, pageGlanceShouldSync, PENDING_SYNC_MIN_GAP_MS} from './runner/schedule-policy.js';
import {onSalesforceSaveSeen} from './runner/save-signal.js';
import {libraryVersions} from './messaging/library-versions.js';
import {startCycle, triggerFor} from './runner/cycle-runner.js';
import {afterLocalChange} from './runner/after-local-change.js';
import {getTaskBadge, taskReadyToSync} from './task-page/badge-answer.js';
import {addTaskToTickler} from './task-page/add-to-tickler.js';
import {chargeTab} from './remind-me/remind-about-record.js';
import {checkReminders} from './alerts/alert-alarm.js';
import {updateToolbarCount} from './alerts/toolbar-count.js';

/** R13/R22: a sync soon when asked; `queued` is false when sync is off or a glance comes right after a cycle. */
async function requestSync(dbs: WorkerDbs, reason: SyncReason): Promise<{queued: boolean}> {
	// A page's own write (the settings page's retry): the count, the push and the reminder alarm, as for ours.
	if (reason === 'local-change') return afterLocalChange(dbs);
	const {db} = dbs;
	const now = Date.now();
	const state = await readWorkerState();
	if (reason === 'popup-opened') await patchWorkerState({popupOpenedAt: now});
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return {queued: false};
	// Opening the popup (or a page) right after a cycle shows fresh data already (R13) and costs no request (R21).
	if (reason === 'popup-opened' && !glanceShouldSync(state.cycleStartedAt, now)) return {queued: false};
	if (reason === 'page-visit' && !pageGlanceShouldSync(state.cycleStartedAt, now)) return {queued: false};
	startCycle(dbs, triggerFor(reason));
	return {queued: true};
}

/** What the pages and the content script ask of the worker: its state, a sync, a Task page's badge (R24, R38). */
function pageHandlers(
	dbs: WorkerDbs,
): Pick<
	BackgroundHandlers,
	'ping' | 'getSyncStatus' | 'requestSync' | 'getTaskBadge' | 'addTaskToTickler' | 'salesforceSaveSeen'
> {
	const {db} = dbs;
	return {
		async ping() {
			return {
				pong: true,
				version: browser.runtime.getManifest().version,
				context: 'background',
				libraries: await libraryVersions(),
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
			return requestSync(dbs, reason);
		},
		async getTaskBadge(input, caller) {
			const now = Date.now();
			const state = await readWorkerState();
			await patchWorkerState({salesforceTabSeenAt: now});
			const badge = await getTaskBadge(dbs, input, {caller, now});
			// R13: visiting a Task page syncs if the last cycle is older than GLANCE_SYNC_MIN_GAP_MS — or sooner
			// (PENDING_SYNC_MIN_GAP_MS) when this Task has something ready to sync. The badge re-asks every 15 s, so
			// both are bounded: a reminder in retry backoff or parked never counts as ready (R19, R21). The sooner
			// start is the page's doing, so it draws on the tab's badge allowance like a lookup (R38).
			const sinceLast = state.cycleStartedAt === undefined ? Number.POSITIVE_INFINITY : now - state.cycleStartedAt;
			const readyPending =
				badge.state === 'pending' &&
				sinceLast > PENDING_SYNC_MIN_GAP_MS &&
				(await taskReadyToSync(db, input.taskId, now)) &&
				(caller.kind !== 'tab' || (await takeBadgeSpend(`tab:${caller.tabId}`, now)));
			if (readyPending || pageGlanceShouldSync(state.cycleStartedAt, now)) startCycle(dbs, 'page-visit');
			return badge;
		},
		async addTaskToTickler(input, caller) {
			// R52: the tab pays as for a "Remind me", once the Task is known not to be linked yet.
			const added = await addTaskToTickler(dbs, input, {charge: async () => chargeTab(caller, Date.now())});
			// As after a pull: the toolbar count and the reminder alarm follow what was imported (R22, R31). The Task is
			// already linked, so a failure here is reported, not answered: the next alarm or cycle catches up.
			await Promise.all([updateToolbarCount(db), checkReminders(db)]).catch((error: unknown) => {
				reportError(error);
			});
			return added;
		},
		async salesforceSaveSeen({host}) {
			return onSalesforceSaveSeen(dbs, host);
		},
	};
}

/** The settings page's account and sync choices: sync on and off, Disconnect, OAuth, the Subject template and reminder alerts (R3, R10, R28, R30, R32). */
function accountHandlers(
	dbs: WorkerDbs,
): Pick<
	BackgroundHandlers,
	| 'enableSync'
	| 'disableSync'
	| 'forgetPartition'
	| 'enablePartition'
	| 'getConnectionSettings'
	| 'saveOAuthClientId'
	| 'connectSalesforce'
	| 'saveWhoAlerts'
	| 'saveSubjectTemplate'
	| 'disconnectOAuth'
> {
	const {db, credentials} = dbs;
	return {
		async enableSync() {
			return enableForCurrentSession(dbs);
		},
		async disableSync({partition}) {
			return disablePartition(dbs, partition);
		},
		async forgetPartition({partition}) {
			return forgetPartition(dbs, partition);
		},
		async enablePartition({partition}) {
			return enablePartition(dbs, partition);
		},
		async getConnectionSettings() {
			return connectionSettings(dbs);
		},
		async saveOAuthClientId({clientId}) {
			return saveClientId(clientId);
		},
		async connectSalesforce(input) {
			return connectWithOAuth(dbs, input);
		},
		async saveWhoAlerts({partition, whoAlerts}) {
			await setWhoAlerts(db, partition, whoAlerts);
			return {whoAlerts};
		},
		async saveSubjectTemplate({partition, template}) {
			// R10: the settings page writes through the worker like every page; the store keeps its own rule.
			await setSubjectTemplate(db, partition, template);
			return {subjectTemplate: template};
		},
		async disconnectOAuth({partition}) {
			const result = await disconnectOAuth(credentials, partition);
			// Back on the browser session: a cycle now says at once whether the org accepts it (R28).
			startCycle(dbs, 'manual');
			return result;
		},
	};
}

/**
 * The background's answers, on the worker's databases. Thin: inputs and callers are already checked
 * (message-rules.ts); real work is delegated. A write the rep made is durable before the answer (R17), and
 * then afterLocalChange asks for its push (R13) and re-arms the reminder alarm (R31).
 */
export function createBackgroundApi(dbs: WorkerDbs): BackgroundHandlers {
	return {
		...pageHandlers(dbs),
		...reminderHandlers(dbs),
		...heldAndOverruledHandlers(dbs),
		...accountHandlers(dbs),
		...toolbarHandlers(),
		...alertHandlers(),
	};
}
