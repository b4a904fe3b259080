/**
 * R57: a delete held for its Undo offer (R43) reaches Salesforce within seconds of the offer passing while the
 * browser is open — not at the next alarm, which Chrome fires at most every 30 s (schedule-policy.ts
 * MIN_ALARM_MS), so some 30 s after the click.
 *
 * The worker that took the delete message is awake then: Chrome stops a service worker only after 30 s without
 * an event or extension API call (developer.chrome.com, "The extension service worker lifecycle"), and the
 * hold is 10 s (outbox.ts DELETE_HOLD_MS). So it waits with a timer, bounded well inside that lifetime, and
 * starts the push once the hold has passed. A timer is the exception to engineering guide §2.3, and only an
 * addition: the alarm for the held delete (sync-alarm.ts, alarmForHeldDelete) stays set, so a worker stopped
 * meanwhile still sends it then. A timer holds nothing that must survive the worker: when it fires, everything
 * is read again from the store.
 */
import {activePartition} from '@/shared/store/local-edits.js';
import {heldDeleteReadyAt, readyToPushCount} from '@/shared/store/queries.js';
import type {SyncTrigger} from '@/shared/store/schema.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {WorkerDbs} from '../worker-db.js';
import {startCycle} from './cycle-runner.js';

/** The longest wait left to a timer: Chrome's 30 s idle limit, less room for the cycle to start. */
export const AWAKE_WAIT_MAX_MS = 20_000;
/** Started this long after the hold ends, so the cycle reads the entry as ready. */
export const READY_MARGIN_MS = 250;

/**
 * After a delete the rep made (or a Complete or Snooze held for its Undo offer, R60): when the earliest held
 * change of the active partition becomes ready, start a cycle (if it is still there to push: an Undo
 * meanwhile, or a cycle that already pushed it, needs none).
 * Returns the wait in ms, or undefined when nothing is held or the wait is the alarm's.
 */
export async function pushHeldDeletesWhenReady(
	dbs: WorkerDbs,
	now: number = Date.now(),
	start: (trigger: SyncTrigger) => void = trigger => startCycle(dbs, trigger),
): Promise<number | undefined> {
	const {db} = dbs;
	const partitionId = await activePartition(db);
	const readyAt = await heldDeleteReadyAt(db, partitionId, now);
	if (readyAt === undefined) return undefined;
	const wait = Math.max(0, readyAt - now) + READY_MARGIN_MS;
	if (wait > AWAKE_WAIT_MAX_MS) return undefined;
	setTimeout(() => {
		void pushIfReady(db, partitionId, start).catch(() => undefined);
	}, wait);
	return wait;
}

async function pushIfReady(db: TicklerDb, partitionId: string, start: (trigger: SyncTrigger) => void): Promise<void> {
	if ((await activePartition(db)) !== partitionId) return;
	if (!(await db.partitions.get(partitionId))?.enabled) return;
	// The engine's own gates (R19 backoff, R21 budget) still decide whether the cycle sends anything.
	if ((await readyToPushCount(db, partitionId, Date.now())) > 0) start('local-change');
}
