/**
 * How a sync cycle ends (engine.ts draws the whole state machine): what a failure means for the partition's
 * status (`failureStatus`, pure), and `finishCycle`, which records the usage, the clock offset, the status and
 * the history row — and still says a local storage failure when even those writes fail (R40).
 */
import {authPause, classify, errorCode, refusalMessage} from '@/background/salesforce/errors.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {budgetState, backoffDelay} from '@/background/runner/cadence.js';
import {SYNC_STATUS_COPY as MESSAGES} from '@/shared/copy.js';
import {LOCAL_FAILURE_TEXT, localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import type {BudgetState, Partition, PartitionStatus, SyncHistoryRow, SyncTrigger} from '@/shared/store/schema.js';
import {SyncDisabledError, type CycleStats} from './cycle-context.js';
import type {LogData, SyncDeps} from './engine-ports.js';
import type {SyncCycleResult} from './engine.js';

/** One cycle past its gates: what it runs against and what it has counted so far. */
export type CycleRun = {
	deps: SyncDeps;
	partition: Partition;
	trigger: SyncTrigger;
	/** The cycle's port, guarded by `enabledOnlyPort` (R7). */
	sf: SalesforcePort;
	/** Local time the cycle started (its gates, its daily checks and its history row read this one time). */
	now: number;
	requestsBefore: number;
	/** The clock offset before the cycle's first answer, then the one the identity answer brought (R16). */
	offset: number;
	stats: CycleStats;
};

/** Where a cycle ended, before it is recorded. */
export type CycleEnd = {
	outcome: SyncHistoryRow['outcome'];
	/** What the partition's status becomes (merged over the current one). */
	status: Partial<PartitionStatus>;
	skipped?: 'disabled';
	/** R40: the cycle failed on this computer's storage. */
	localFailure?: LocalFailureKind;
};

type Backoff = NonNullable<PartitionStatus['backoff']>;

/** A failed cycle's end, the error its history row records (none for a quiet stop) and what is logged. */
export type CycleFailure = CycleEnd & {
	recorded?: CycleStats['errors'][number];
	log?: {level: 'error' | 'info'; event: string; data: LogData};
};

/**
 * Pure: what an error thrown by any step of the cycle means (R7, R19, R20, R21, R28, R40). `backoff` is the
 * next persisted backoff, used by the branches that retry by themselves.
 */
export function failureStatus(error: unknown, backoff: Backoff): CycleFailure {
	const localFailure = localFailureKind(error);
	if (localFailure) {
		// R40: this computer's storage failed, not Salesforce. Every write is a transaction that committed
		// whole or not at all (a page with its checkpoint, an ack after Salesforce answered, R18), so
		// nothing is lost; retry with backoff until the store is healthy, and say it in plain words.
		return {
			outcome: 'failed',
			status: {phase: 'idle', message: LOCAL_FAILURE_TEXT[localFailure], localFailure, backoff},
			localFailure,
			recorded: {code: localFailure, message: 'local storage'},
			log: {level: 'error', event: 'sync cycle: local storage failure', data: {kind: localFailure}},
		};
	}

	// R7: sync switched off mid-cycle is a quiet stop, not an error: nothing is lost, the outbox is kept.
	if (error instanceof SyncDisabledError) return {outcome: 'skipped', skipped: 'disabled', status: {phase: 'off'}};
	const cls = classify(error);
	const code = errorCode(error);
	const recorded = {code, message: cls};
	if (cls === 'auth') {
		// R20: pause; nothing is lost; the next cycle with a valid session resumes by itself. R28: unless only
		// the rep can fix it (the org refuses browser sessions, or the OAuth refresh was refused).
		const pause = authPause(error) ?? {pauseReason: 'session-expired', message: MESSAGES.signIn};
		const log = {level: 'info' as const, event: 'sync paused', data: {reason: pause.pauseReason}};
		return {outcome: 'paused', status: {phase: 'paused', ...pause}, recorded, log};
	}

	if (cls === 'limit') {
		const status = {phase: 'paused' as const, pauseReason: 'api-limit' as const, message: MESSAGES.limitExceeded};
		return {outcome: 'paused', status: {...status, backoff}, recorded};
	}

	// R19: transient (or unexpected) — retry with persisted exponential backoff and jitter. Issue 11: a whole
	// request Salesforce refused (a 404 page, a permission) is said, not called silence.
	const message = (cls === 'transient' ? undefined : refusalMessage(error)) ?? MESSAGES.retrying;
	const failure: CycleFailure = {outcome: 'failed', status: {phase: 'idle', message, backoff}, recorded};
	if (cls !== 'transient') failure.log = {level: 'error', event: 'sync cycle failed', data: {code, class: cls}};
	return failure;
}

/** R19: the next persisted backoff after the partition's last one. */
export function nextBackoff(run: CycleRun): Backoff {
	const attempt = (run.partition.status.backoff?.attempt ?? -1) + 1;
	return {attempt, until: run.deps.clock.now() + backoffDelay(attempt, run.deps.random?.() ?? 0.5)};
}

/** Pure: the status a cycle leaves, from the current one, where the cycle ended and the API budget (R21). */
export function statusAfter(current: Partition, end: CycleEnd, budget: BudgetState): PartitionStatus {
	const next: PartitionStatus = {
		...current.status,
		...end.status,
		budget,
		phase: current.enabled ? (end.status.phase ?? 'idle') : 'off',
	};
	// R40: this cycle's writes went through, so an earlier local failure is over.
	if (!end.localFailure) delete next.localFailure;
	if (end.outcome === 'ok') {
		delete next.backoff;
		delete next.pauseReason;
		delete next.message;
		if (budget === 'slow') next.message = MESSAGES.slow;
		if (budget === 'manual-only') next.message = MESSAGES.manualOnly;
	}

	return next;
}

/** Records the cycle: usage and clock offset (R16, R21), its status, its history row; the result to return. */
export async function finishCycle(run: CycleRun, end: CycleEnd): Promise<SyncCycleResult> {
	const {deps, partition, sf, stats} = run;
	const {db, clock} = deps;
	let {outcome, localFailure} = end;
	const apiRequests = sf.requestCount() - run.requestsBefore;
	const usage = sf.responseMeta().apiUsage;
	const patch: Partial<Partition> = {clockOffsetMs: sf.responseMeta().clockOffsetMs ?? run.offset};
	if (usage) patch.apiUsage = {...usage, at: clock.now()};
	try {
		await db.partitions.update(partition.id, patch);
		const current = await db.partitions.get(partition.id);
		if (current) {
			const status = statusAfter(current, end, budgetState(usage ?? partition.apiUsage));
			await db.partitions.update(partition.id, {status});
		}

		await writeHistory(deps, {partition, trigger: run.trigger, startedAt: run.now}, {outcome, stats, apiRequests});
	} catch (error) {
		// R40: the disk filled up by the end of the cycle. Try the smallest write that says why, so the status
		// does not stay at 'syncing'; if even that fails, the result carries it to the worker, which says it.
		const kind = localFailureKind(error);
		if (kind === undefined) throw error;
		localFailure ??= kind;
		outcome = 'failed';
		deps.log.error('sync cycle: local storage failure', {partition: partition.id, kind});
		const message = LOCAL_FAILURE_TEXT[localFailure];
		await setStatus(deps, partition, {phase: 'idle', message, localFailure, backoff: nextBackoff(run)}).catch(
			() => undefined,
		);
	}

	deps.log.debug('sync cycle', {
		partition: partition.id,
		outcome,
		pulled: stats.pulled,
		pushed: stats.pushed,
		apiRequests,
	});
	const skipped = end.skipped ? {skipped: end.skipped} : {};
	return {...stats, outcome, apiRequests, ...skipped, ...(localFailure ? {localFailure} : {})};
}

export async function setStatus(
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

export async function writeHistory(
	deps: SyncDeps,
	cycle: {partition: Partition; trigger: SyncTrigger; startedAt: number},
	result: {outcome: SyncHistoryRow['outcome']; stats: CycleStats; apiRequests: number},
): Promise<void> {
	const {stats} = result;
	await deps.db.syncHistory.add({
		partition: cycle.partition.id,
		trigger: cycle.trigger,
		startedAt: cycle.startedAt,
		endedAt: deps.clock.now(),
		outcome: result.outcome,
		pulled: stats.pulled,
		pushed: stats.pushed,
		deleted: stats.deleted,
		conflicts: stats.conflicts,
		apiRequests: result.apiRequests,
		errors: stats.errors,
		notes: stats.notes,
	});
}
