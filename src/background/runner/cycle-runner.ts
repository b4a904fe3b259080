/**
 * Runs sync cycles for the active partition (R13). Requests coalesce: each waits for the worker's cycle
 * lock and is skipped when a cycle started after it was made (that cycle already saw its change) — a
 * debounce without timers, which a stopped worker would lose (engineering guide §2.3).
 */
import {disableSync} from '@/background/sync/enable.js';
import {runSyncCycle, type SyncCycleResult} from '@/background/sync/engine.js';
import {consoleLog} from '@/background/sync/log.js';
import {heldDeleteReadyAt, readyToPushCount} from '@/shared/store/queries.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {Partition, SyncTrigger} from '@/shared/store/schema.js';
import {localFailureKind} from '@/shared/store/storage-errors.js';
import {reopenIfFailed} from '@/shared/store/store-health.js';
import type {PauseReason, SyncReason} from '@/shared/types.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {WorkerDbs} from '../worker-db.js';
import {credentialsForPartition, engineDeps} from '../engine-deps.js';
import {patchWorkerState, readWorkerState} from './worker-state.js';
import {noteLocalFailure, retryAfterLocalFailure} from './local-failure.js';
import {scheduleNextSync} from './sync-alarm.js';
import {pruneSyncLogs} from './history-retention.js';
import {apiShare} from './api-share.js';
import {shareNamesAfterCycle} from '../name-sync/name-sync-triggers.js';
import {isHostAllowed, readPresets} from '../oauth/presets.js';
import {checkReminders} from '../alerts/alert-alarm.js';
import {updateToolbarCount} from '../alerts/toolbar-count.js';
import {reconnectMessage} from '@/shared/copy.js';

const REQUEST_LOCK = 'tickler-worker-cycle';

/** The history's name for what a message asked for. */
export function triggerFor(reason: SyncReason): SyncTrigger {
	switch (reason) {
		case 'user':
			return 'manual';
		case 'popup-opened':
			return 'popup';
		case 'page-visit':
			return 'page-visit';
		case 'local-change':
			return 'local-change';
	}
}

/** One cycle now, for the active partition; then — whatever happened — the toolbar count and the next alarm. */
export async function runCycleNow(dbs: WorkerDbs, trigger: SyncTrigger): Promise<SyncCycleResult | undefined> {
	const {db} = dbs;
	let result: SyncCycleResult | undefined;
	try {
		// R40: an IndexedDB that refused to open once is tried again, so sync resumes once it is healthy.
		await reopenIfFailed(db);
		const partitionId = await activePartition(db);
		const partition = await db.partitions.get(partitionId);
		if (!partition?.enabled) return undefined;
		const presets = await readPresets();
		if (!isHostAllowed(presets, partition.instanceHost) || presets.syncEnabled === false) {
			// R30: the admin's presets win: no traffic to a host they did not allow, none when they turned sync off.
			await disableSync({db, log: consoleLog()}, partitionId);
			return undefined;
		}

		if (presets.subjectTemplate !== undefined && presets.subjectTemplate !== partition.subjectTemplate)
			await db.partitions.update(partitionId, {subjectTemplate: presets.subjectTemplate});
		const credentials = await credentialsForPartition(dbs.credentials, partition);
		if (credentials.kind === 'reconnect') {
			// R28: a refused refresh waits for the rep's "Reconnect": no request could succeed until then.
			await pauseWithoutTraffic(db, partition, {
				pauseReason: 'reconnect',
				message: reconnectMessage(credentials.reason),
			});
			return undefined;
		}

		// R28: an org that refused the browser session for the API will not accept it on the next alarm either;
		// only a new sign-in (cookie change) or the rep's "Sync now" tries it again.
		const retriesRefusal = trigger === 'manual' || trigger === 'session';
		if (credentials.kind === 'session' && partition.status.pauseReason === 'api-access-refused' && !retriesRefusal)
			return undefined;
		result = await runSyncCycle(engineDeps(db, credentials.port), {partition: partitionId, trigger});
		await noteLocalFailure(result, Date.now());
		// R23: history and the conflict log keep what a rep would look at, not every poll since installation.
		await pruneSyncLogs(db, partitionId, Date.now());
		// R45: a pulled Task may have a name waiting for it; a linked one may have a rename to share.
		await shareNamesAfterCycle(db, result);
		// R31: a pull may have brought a reminder time, moved one or completed a reminder: alert and re-arm. A cycle
		// an edit asked for re-arms only for what it brought from Salesforce: the edit re-armed the alarm already,
		// once, in after-local-change.ts (before the worker answered, sync on or off), and its push moves no time.
		if (trigger !== 'local-change' || result.pulled + result.deleted + result.conflicts > 0)
			await checkReminders(db).catch((error: unknown) => {
				reportError(error);
			});
		return result;
	} catch (error) {
		// R40: the store failed outside the cycle (opening it, reading the active partition, pruning): said
		// through storage.session, since IndexedDB cannot hold it.
		const kind = localFailureKind(error);
		if (kind === undefined) throw error;
		await noteLocalFailure({localFailure: kind}, Date.now());
		return result;
	} finally {
		// Even after an unexpected error the next alarm is set: sync never silently stops (R13). A cycle that
		// was skipped (busy, backing off, over the allowance) did nothing, so it must not push the alarm back —
		// otherwise the half-hourly probe above 95 % would slide with every tab switch (R21). If the store cannot
		// be read to decide when, a fixed retry stands in (R40).
		await refreshSchedule(db, result?.outcome === 'skipped' ? 'keep-earlier' : 'replace').catch(retryAfterLocalFailure);
	}
}

/** Says why sync waits when no cycle runs to say it (the engine writes the status of cycles it runs). */
async function pauseWithoutTraffic(
	db: TicklerDb,
	partition: Partition,
	pause: {pauseReason: PauseReason; message: string},
) {
	if (partition.status.phase === 'paused' && partition.status.pauseReason === pause.pauseReason) return;
	await db.partitions.update(partition.id, {status: {...partition.status, phase: 'paused', ...pause}});
}

/** Re-reads the active partition and sets (or clears) the sync alarm and the toolbar count. */
export async function refreshSchedule(db: TicklerDb, mode: 'replace' | 'keep-earlier' = 'replace'): Promise<void> {
	const partitionId = await activePartition(db);
	await updateToolbarCount(db);
	const now = Date.now();
	// Only changes the next cycle would push now: a record waiting out its retry backoff must not turn the
	// schedule into a poll every few seconds (R19, R21).
	await scheduleNextSync(
		await db.partitions.get(partitionId),
		await readyToPushCount(db, partitionId, now),
		now,
		mode,
		await heldDeleteReadyAt(db, partitionId, now),
		await apiShare(db, partitionId, (await readPresets()).maxDailyRequestsPerRep, now),
	);
}

/** Coalescing entry point for every trigger (messages, alarms, cookies, page visits). */
export async function requestCycle(dbs: WorkerDbs, trigger: SyncTrigger): Promise<SyncCycleResult | undefined> {
	const requestedAt = Date.now();
	return navigator.locks.request(REQUEST_LOCK, async () => {
		const state = await readWorkerState();
		if (state.cycleStartedAt !== undefined && state.cycleStartedAt >= requestedAt) return undefined;
		await patchWorkerState({cycleStartedAt: Date.now()});
		return runCycleNow(dbs, trigger);
	});
}

/** Starts a cycle without making the caller wait; failures are the engine's to record. */
export function startCycle(dbs: WorkerDbs, trigger: SyncTrigger): void {
	requestCycle(dbs, trigger).catch((error: unknown) => {
		reportError(error);
	});
}
