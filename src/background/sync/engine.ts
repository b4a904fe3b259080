/**
 * One sync cycle (engineering guide §4; the state machine is drawn in docs/sync-protocol.md):
 *
 *   lock ─► gates (enabled? session? budget? backoff?) ─► identity (R2) ─► discovery (daily)
 *        ─► pull (+ reconcile when due, R15) ─► push ─► status + history row
 *
 * No timers, no chrome.*, no fetch, no module state: the service worker (or a test, or a fleet
 * simulation) supplies every port in SyncDeps.
 */
import {authPause, classify, errorCode, refusalMessage} from '@/background/salesforce/errors.js';
import {purgeTombstones} from '@/shared/store/maintenance.js';
import {LOCAL_FAILURE_TEXT, localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import type {Partition, PartitionStatus, SyncHistoryRow, SyncTrigger} from '@/shared/store/schema.js';
import {enabledOnlyPort} from './guarded-port.js';
import {
	DAY_MS,
	emptyStats,
	partitionKey,
	SyncDisabledError,
	type CycleContext,
	type CycleStats,
} from './cycle-context.js';
import type {SyncDeps} from './engine-ports.js';
import {pull} from './pull.js';
import {push} from './push.js';
import {reconcile, reconciliationDue} from './reconcile.js';
import {backoffDelay, budgetState, MANUAL_ONLY_PROBE_DELAY} from '@/background/runner/cadence.js';
import {SYNC_STATUS_COPY as MESSAGES} from '@/shared/copy.js';

export type SyncCycleResult = CycleStats & {
	outcome: SyncHistoryRow['outcome'];
	/** Why nothing ran: 'busy' (another cycle holds the lock), 'disabled', 'backoff', 'api-limit'. */
	skipped?: 'busy' | 'disabled' | 'backoff' | 'api-limit';
	apiRequests: number;
	/**
	 * R40: the cycle failed on this computer's storage. Set even when not even the status could be written
	 * (a full disk), so the worker can say it from somewhere else (local-failure-report.ts).
	 */
	localFailure?: LocalFailureKind;
};

const PICKLIST_MAX_AGE_MS = DAY_MS;

export async function runSyncCycle(
	deps: SyncDeps,
	input: {partition: string; trigger: SyncTrigger},
): Promise<SyncCycleResult> {
	try {
		const locked = await deps.lock.tryRun(`tickler-sync:${input.partition}`, async () => cycle(deps, input));
		return locked.ran ? locked.value : {...emptyStats(), outcome: 'skipped', skipped: 'busy', apiRequests: 0};
	} catch (error) {
		// R40: the store failed before the cycle could even record that it started (reading the partition,
		// writing 'syncing'): nothing was done, nothing is lost; the caller says it and the next cycle retries.
		const kind = localFailureKind(error);
		if (kind === undefined) throw error;
		deps.log.error('sync cycle: local storage failure', {partition: input.partition, kind});
		return {...emptyStats(), outcome: 'failed', apiRequests: 0, localFailure: kind};
	}
}

async function cycle(deps: SyncDeps, input: {partition: string; trigger: SyncTrigger}): Promise<SyncCycleResult> {
	const {db, clock} = deps;
	const partition = await db.partitions.get(input.partition);
	const skip = (reason: NonNullable<SyncCycleResult['skipped']>): SyncCycleResult => ({
		...emptyStats(),
		outcome: 'skipped',
		skipped: reason,
		apiRequests: 0,
	});
	if (!partition?.enabled) return skip('disabled');
	const now = clock.now();
	const manual = input.trigger === 'manual';
	const usageFresh = partition.apiUsage !== undefined && now - partition.apiUsage.at < MANUAL_ONLY_PROBE_DELAY;
	if (!manual && partition.status.budget === 'manual-only' && usageFresh) return skip('api-limit');
	if (!manual && partition.status.backoff && partition.status.backoff.until > now) return skip('backoff');

	const stats = emptyStats();
	const startedAt = now;
	if (!deps.salesforce) {
		await setStatus(
			deps,
			partition,
			{phase: 'paused', pauseReason: 'no-session', message: MESSAGES.signIn},
			{storeHealthy: true},
		);
		await writeHistory(deps, partition, input.trigger, startedAt, 'paused', stats, 0);
		return {...stats, outcome: 'paused', apiRequests: 0};
	}

	// R7: every Salesforce request of this cycle first checks that sync is still enabled.
	const sf = enabledOnlyPort(deps.salesforce, deps, partition.id);
	const requestsBefore = sf.requestCount();
	let offset = partition.clockOffsetMs;
	let outcome: SyncHistoryRow['outcome'] = 'ok';
	let status: Partial<PartitionStatus> = {};
	let skipped: SyncCycleResult['skipped'];
	let localFailure: LocalFailureKind | undefined;
	const nextBackoff = () => {
		const attempt = (partition.status.backoff?.attempt ?? -1) + 1;
		return {attempt, until: clock.now() + backoffDelay(attempt, deps.random?.() ?? 0.5)};
	};

	await setStatus(deps, partition, {phase: 'syncing'});
	try {
		const identity = await sf.identity();
		offset = sf.responseMeta().clockOffsetMs ?? offset;
		if (partitionKey(identity) !== partition.id) {
			// R2: never write another identity's data into this partition.
			outcome = 'paused';
			status = {phase: 'paused', pauseReason: 'other-identity', message: MESSAGES.otherIdentity};
			deps.log.info('sync paused', {partition: partition.id, reason: 'other-identity'});
		} else {
			let picklists = partition.picklists;
			if (!picklists || now - picklists.fetchedAt > PICKLIST_MAX_AGE_MS) {
				picklists = {...(await sf.taskPicklists()), fetchedAt: now};
				await db.partitions.update(partition.id, {picklists});
			}

			const ctx: CycleContext = {
				deps,
				sf,
				partition,
				identity,
				picklists,
				stats,
				offsetMs: () => sf.responseMeta().clockOffsetMs ?? offset,
				serverNow: () => clock.now() + (sf.responseMeta().clockOffsetMs ?? offset),
			};
			const pulled = await pull(ctx);
			const checkpoint = await db.checkpoints.get(partition.id);
			if (pulled.firstSync) {
				await db.checkpoints.update(partition.id, {lastReconciledAt: ctx.serverNow()});
			} else if (reconciliationDue(pulled.gapSince, checkpoint?.lastReconciledAt, ctx.serverNow())) {
				await reconcile(ctx, pulled.gapSince);
			}

			await push(ctx);
			const purgeCheckpoint = await db.checkpoints.get(partition.id);
			if (purgeCheckpoint && now - (purgeCheckpoint.lastPurgeAt ?? 0) > DAY_MS) {
				await purgeTombstones(db, now);
				await db.checkpoints.update(partition.id, {lastPurgeAt: now});
			}

			status = {phase: 'idle', lastSyncAt: clock.now()};
		}
	} catch (error) {
		const cls = error instanceof SyncDisabledError ? 'disabled' : classify(error);
		const code = errorCode(error);
		localFailure = localFailureKind(error);
		// R7: sync switched off mid-cycle is a quiet stop, not an error: nothing is lost, the outbox is kept.
		if (localFailure) stats.errors.push({code: localFailure, message: 'local storage'});
		else if (cls !== 'disabled') stats.errors.push({code, message: cls});
		const backoff = nextBackoff();
		if (localFailure) {
			// R40: this computer's storage failed, not Salesforce. Every write is a transaction that committed
			// whole or not at all (a page with its checkpoint, an ack after Salesforce answered, R18), so
			// nothing is lost; retry with backoff until the store is healthy, and say it in plain words.
			outcome = 'failed';
			status = {phase: 'idle', message: LOCAL_FAILURE_TEXT[localFailure], localFailure, backoff};
			deps.log.error('sync cycle: local storage failure', {partition: partition.id, kind: localFailure});
		} else if (cls === 'disabled') {
			outcome = 'skipped';
			skipped = 'disabled';
			status = {phase: 'off'};
		} else if (cls === 'auth') {
			// R20: pause; nothing is lost; the next cycle with a valid session resumes by itself. R28: unless only
			// the rep can fix it (the org refuses browser sessions, or the OAuth refresh was refused).
			const pause = authPause(error) ?? {pauseReason: 'session-expired', message: MESSAGES.signIn};
			outcome = 'paused';
			status = {phase: 'paused', ...pause};
			deps.log.info('sync paused', {partition: partition.id, reason: pause.pauseReason});
		} else if (cls === 'limit') {
			outcome = 'paused';
			status = {phase: 'paused', pauseReason: 'api-limit', message: MESSAGES.limitExceeded, backoff};
		} else {
			// R19: transient (or unexpected) — retry with persisted exponential backoff and jitter.
			outcome = 'failed';
			// Issue 11: a whole request Salesforce refused (a 404 page, a permission) is said, not called silence.
			status = {
				phase: 'idle',
				message: (cls === 'transient' ? undefined : refusalMessage(error)) ?? MESSAGES.retrying,
				backoff,
			};
			if (cls !== 'transient') deps.log.error('sync cycle failed', {partition: partition.id, code, class: cls});
		}
	}

	const apiRequests = sf.requestCount() - requestsBefore;
	const usage = sf.responseMeta().apiUsage;
	const finalOffset = sf.responseMeta().clockOffsetMs ?? offset;
	const budget = budgetState(usage ?? partition.apiUsage);
	const patch: Partial<Partition> = {clockOffsetMs: finalOffset};
	if (usage) patch.apiUsage = {...usage, at: clock.now()};
	try {
		await db.partitions.update(partition.id, patch);
		const current = await db.partitions.get(partition.id);
		if (current) {
			const next: PartitionStatus = {
				...current.status,
				...status,
				budget,
				phase: current.enabled ? (status.phase ?? 'idle') : 'off',
			};
			// R40: this cycle's writes went through, so an earlier local failure is over.
			if (!localFailure) delete next.localFailure;
			if (outcome === 'ok') {
				delete next.backoff;
				delete next.pauseReason;
				delete next.message;
				if (budget === 'slow') next.message = MESSAGES.slow;
				if (budget === 'manual-only') next.message = MESSAGES.manualOnly;
			}

			await db.partitions.update(partition.id, {status: next});
		}

		await writeHistory(deps, partition, input.trigger, startedAt, outcome, stats, apiRequests);
	} catch (error) {
		// R40: the disk filled up by the end of the cycle. Try the smallest write that says why, so the status
		// does not stay at 'syncing'; if even that fails, the result carries it to the worker, which says it.
		const kind = localFailureKind(error);
		if (kind === undefined) throw error;
		localFailure ??= kind;
		outcome = 'failed';
		deps.log.error('sync cycle: local storage failure', {partition: partition.id, kind});
		await setStatus(deps, partition, {
			phase: 'idle',
			message: LOCAL_FAILURE_TEXT[localFailure],
			localFailure,
			backoff: nextBackoff(),
		}).catch(() => undefined);
	}
	deps.log.debug('sync cycle', {
		partition: partition.id,
		outcome,
		pulled: stats.pulled,
		pushed: stats.pushed,
		apiRequests,
	});
	return {...stats, outcome, apiRequests, ...(skipped ? {skipped} : {}), ...(localFailure ? {localFailure} : {})};
}

async function setStatus(
	deps: SyncDeps,
	partition: Partition,
	status: Partial<PartitionStatus>,
	options: {storeHealthy?: boolean} = {},
): Promise<void> {
	await deps.db.transaction('rw', deps.db.partitions, async () => {
		const current = await deps.db.partitions.get(partition.id);
		if (!current?.enabled) return;
		const next: PartitionStatus = {...current.status, ...status};
		// R40: a status that ends a cycle and was written proves the store takes writes again.
		if (options.storeHealthy) delete next.localFailure;
		await deps.db.partitions.update(partition.id, {status: next});
	});
}

async function writeHistory(
	deps: SyncDeps,
	partition: Partition,
	trigger: SyncTrigger,
	startedAt: number,
	outcome: SyncHistoryRow['outcome'],
	stats: CycleStats,
	apiRequests: number,
): Promise<void> {
	await deps.db.syncHistory.add({
		partition: partition.id,
		trigger,
		startedAt,
		endedAt: deps.clock.now(),
		outcome,
		pulled: stats.pulled,
		pushed: stats.pushed,
		deleted: stats.deleted,
		conflicts: stats.conflicts,
		apiRequests,
		errors: stats.errors,
		notes: stats.notes,
	});
}
