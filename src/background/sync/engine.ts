/**
 * One sync cycle (engineering guide §4), as a state machine: each box below is one named step of this file or
 * cycle-end.ts. docs/sync-protocol.md "A sync cycle" refers here.
 *
 *   runSyncCycle ─┬─ lock busy ──────────────────────────────────────► skipped 'busy'
 *     │           └─ store fails before the cycle is recorded ────────► failed, localFailure          (R40)
 *     ▼
 *   gates ─┬─ no partition, or sync off ──────────────────────────────► skipped 'disabled'            (R3, R7)
 *     │    ├─ over 95 % (usage fresh), not manual ────────────────────► skipped 'api-limit'           (R21)
 *     │    ├─ backoff not over, not manual ───────────────────────────► skipped 'backoff'             (R19)
 *     │    └─ no session (port = null): status + history row ─────────► PAUSED 'no-session'           (R20)
 *     ▼
 *   status 'syncing'
 *     ▼
 *   identity gate (cached per session, R21) ── another user or org ──► end: PAUSED 'other-identity'  (R2)
 *     ▼
 *   discovery: TaskStatus + TaskPriority in one /composite, when older than a day
 *     ▼
 *   pull: query (first sync) / queryAll (after) ORDER BY SystemModstamp, Id
 *     ┌─► page ─► apply rows + checkpoint in ONE transaction ─┐
 *     └── queryMore ◄── not done ◄────────────────────────────┘
 *     │ done: lastPullAt = start of this pull
 *     ▼
 *   reconcile, when a gap over 15 days is owed, or weekly                                             (R15)
 *     ▼
 *   push: deletes, then creates (intent written first), then updates, 200 a request (push.ts)
 *     ▼
 *   purge old tombstones (daily) ─────────────────────────────────────► end: OK, status 'idle'
 *
 *   any of these steps throws ─► failureStatus(error):
 *     ├─ this computer's storage ─────────────────────────────────────► end: FAILED, backoff,
 *     │                                                                     localFailure said         (R40)
 *     ├─ sync switched off meanwhile ─────────────────────────────────► end: SKIPPED 'disabled',
 *     │                                                                     status 'off'              (R7)
 *     ├─ auth, the session expired ───────────────────────────────────► end: PAUSED 'session-expired',
 *     │                                                                     resumes by itself         (R20)
 *     ├─ auth only the rep can fix (OAuth refresh refused, the org ───► end: PAUSED 'reconnect',
 *     │  refuses the API for browser sessions, the org moved)               'api-access-refused',
 *     │                                                                     'org-moved'               (R28)
 *     ├─ limit ───────────────────────────────────────────────────────► end: PAUSED 'api-limit', backoff (R21)
 *     └─ anything else ───────────────────────────────────────────────► end: FAILED, backoff,
 *                                                                           what Salesforce said      (R19)
 *
 *   end ─► finishCycle: usage + clock offset, status (an OK end clears backoff, pause and message), history row
 *            └─ store fails here ─► FAILED: the smallest status write that says why, or only the result (R40)
 *
 * No timers, no chrome.*, no fetch, no module state: the service worker (or a test, or a fleet
 * simulation) supplies every port in SyncDeps.
 */
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {MANUAL_ONLY_PROBE_DELAY} from '@/background/runner/cadence.js';
import {SYNC_STATUS_COPY as MESSAGES} from '@/shared/copy.js';
import {purgeTombstones} from '@/shared/store/maintenance.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import type {Partition, SyncHistoryRow, SyncTrigger} from '@/shared/store/schema.js';
import {DAY_MS, emptyStats, partitionKey, type CycleContext, type CycleStats} from './cycle-context.js';
import {
	failureStatus,
	finishCycle,
	nextBackoff,
	setStatus,
	writeHistory,
	type CycleEnd,
	type CycleRun,
} from './cycle-end.js';
import type {SyncDeps} from './engine-ports.js';
import {enabledOnlyPort} from './guarded-port.js';
import {pull} from './pull.js';
import {push} from './push.js';
import {reconcile, reconciliationDue} from './reconcile.js';

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

type CycleInput = {partition: string; trigger: SyncTrigger};
type Skip = NonNullable<SyncCycleResult['skipped']>;

const PICKLIST_MAX_AGE_MS = DAY_MS;

export async function runSyncCycle(deps: SyncDeps, input: CycleInput): Promise<SyncCycleResult> {
	try {
		const locked = await deps.lock.tryRun(`tickler-sync:${input.partition}`, async () => cycle(deps, input));
		return locked.ran ? locked.value : skipped('busy');
	} catch (error) {
		// R40: the store failed before the cycle could even record that it started (reading the partition,
		// writing 'syncing'): nothing was done, nothing is lost; the caller says it and the next cycle retries.
		const kind = localFailureKind(error);
		if (kind === undefined) throw error;
		deps.log.error('sync cycle: local storage failure', {partition: input.partition, kind});
		return {...emptyStats(), outcome: 'failed', apiRequests: 0, localFailure: kind};
	}
}

function skipped(reason: Skip): SyncCycleResult {
	return {...emptyStats(), outcome: 'skipped', skipped: reason, apiRequests: 0};
}

/** The diagram above, step by step. */
async function cycle(deps: SyncDeps, input: CycleInput): Promise<SyncCycleResult> {
	const partition = await deps.db.partitions.get(input.partition);
	if (!partition?.enabled) return skipped('disabled');
	const now = deps.clock.now();
	const closed = gateClosed(partition, input.trigger, now);
	if (closed) return skipped(closed);
	if (!deps.salesforce) return pauseWithoutSession(deps, partition, input.trigger, now);

	// R7: every Salesforce request of this cycle first checks that sync is still enabled.
	const sf = enabledOnlyPort(deps.salesforce, deps, partition.id);
	const run: CycleRun = {
		deps,
		partition,
		trigger: input.trigger,
		sf,
		now,
		requestsBefore: sf.requestCount(),
		offset: partition.clockOffsetMs,
		stats: emptyStats(),
	};
	await setStatus(deps, partition, {phase: 'syncing'});
	let end: CycleEnd;
	try {
		end = await syncSteps(run);
	} catch (error) {
		end = failed(run, error);
	}

	return finishCycle(run, end);
}

/** R19, R21: an automatic cycle waits out its backoff, and near the allowance only a manual one runs. */
function gateClosed(partition: Partition, trigger: SyncTrigger, now: number): Skip | undefined {
	if (trigger === 'manual') return undefined;
	const usageFresh = partition.apiUsage !== undefined && now - partition.apiUsage.at < MANUAL_ONLY_PROBE_DELAY;
	if (partition.status.budget === 'manual-only' && usageFresh) return 'api-limit';
	if (partition.status.backoff && partition.status.backoff.until > now) return 'backoff';
	return undefined;
}

/** R20: no usable session: the cycle pauses (it resumes by itself once there is one). */
async function pauseWithoutSession(
	deps: SyncDeps,
	partition: Partition,
	trigger: SyncTrigger,
	startedAt: number,
): Promise<SyncCycleResult> {
	const stats = emptyStats();
	const status = {phase: 'paused', pauseReason: 'no-session', message: MESSAGES.signIn} as const;
	await setStatus(deps, partition, status, {storeHealthy: true});
	await writeHistory(deps, {partition, trigger, startedAt}, {outcome: 'paused', stats, apiRequests: 0});
	return {...stats, outcome: 'paused', apiRequests: 0};
}

/** Identity gate, discovery, pull, reconcile, push, purge: the cycle's work, past its gates. */
async function syncSteps(run: CycleRun): Promise<CycleEnd> {
	const {deps, partition, sf} = run;
	const identity = await sf.identity();
	run.offset = sf.responseMeta().clockOffsetMs ?? run.offset;
	if (partitionKey(identity) !== partition.id) {
		// R2: never write another identity's data into this partition.
		deps.log.info('sync paused', {partition: partition.id, reason: 'other-identity'});
		return {
			outcome: 'paused',
			status: {phase: 'paused', pauseReason: 'other-identity', message: MESSAGES.otherIdentity},
		};
	}

	const ctx = await discover(run, identity);
	await pullAndReconcile(ctx);
	await push(ctx);
	await purgeWhenDue(run);
	return {outcome: 'ok', status: {phase: 'idle', lastSyncAt: deps.clock.now()}};
}

/** Discovery: the org's Task picklists, fetched again when older than a day; then the cycle's context. */
async function discover(run: CycleRun, identity: Identity): Promise<CycleContext> {
	const {deps, partition, sf, now} = run;
	let picklists = partition.picklists;
	if (!picklists || now - picklists.fetchedAt > PICKLIST_MAX_AGE_MS) {
		picklists = {...(await sf.taskPicklists()), fetchedAt: now};
		await deps.db.partitions.update(partition.id, {picklists});
	}

	return {
		deps,
		sf,
		partition,
		identity,
		picklists,
		stats: run.stats,
		offsetMs: () => sf.responseMeta().clockOffsetMs ?? run.offset,
		serverNow: () => deps.clock.now() + (sf.responseMeta().clockOffsetMs ?? run.offset),
	};
}

/** The pull; the first sync starts the reconciliation clock, a later pull reconciles when due (R15). */
async function pullAndReconcile(ctx: CycleContext): Promise<void> {
	const {db} = ctx.deps;
	const pulled = await pull(ctx);
	const checkpoint = await db.checkpoints.get(ctx.partition.id);
	if (pulled.firstSync) {
		await db.checkpoints.update(ctx.partition.id, {lastReconciledAt: ctx.serverNow()});
	} else if (reconciliationDue(pulled.gapSince, checkpoint?.lastReconciledAt, ctx.serverNow())) {
		await reconcile(ctx, pulled.gapSince);
	}
}

/** Daily: tombstones with nothing left to push go once their day of Undo is over (maintenance.ts). */
async function purgeWhenDue(run: CycleRun): Promise<void> {
	const {db} = run.deps;
	const checkpoint = await db.checkpoints.get(run.partition.id);
	if (checkpoint && run.now - (checkpoint.lastPurgeAt ?? 0) > DAY_MS) {
		await purgeTombstones(db, run.now);
		await db.checkpoints.update(run.partition.id, {lastPurgeAt: run.now});
	}
}

/** Any step threw: what it means (failureStatus), recorded in the cycle's stats and log. */
function failed(run: CycleRun, error: unknown): CycleEnd {
	const failure = failureStatus(error, nextBackoff(run));
	if (failure.recorded) run.stats.errors.push(failure.recorded);
	if (failure.log) {
		const {level, event, data} = failure.log;
		run.deps.log[level](event, {partition: run.partition.id, ...data});
	}

	return failure;
}
