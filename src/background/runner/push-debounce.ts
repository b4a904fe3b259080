/**
 * R52/R13: a "Remind me" save asks for its push a few seconds later, not at once, so several saves within
 * PUSH_DEBOUNCE_MS make one cycle, never a cycle per message. The first save of a quiet spell sets the push
 * for PUSH_DEBOUNCE_MS later; saves before it comes ride on it (the cycle reads the store when it runs, so it
 * sends them all). The time is kept in `storage.session` (the worker keeps no module state); a timer waits it
 * out, well inside the worker's 30 s idle limit, as held-delete-push.ts does, and the sync alarm is set as a
 * back-up, so a worker stopped meanwhile still pushes at the alarm. A time left over from a stopped worker is
 * in the past and simply replaced.
 */
import type {SyncTrigger} from '@/shared/store/schema.js';
import type {WorkerDbs} from '../worker-db.js';
import {refreshSchedule, startCycle} from './cycle-runner.js';
import {patchWorkerState, readWorkerState} from './worker-state.js';

/** Within seconds (R13), and long enough to gather a rep's quick run of saves. */
export const PUSH_DEBOUNCE_MS = 5_000;

/**
 * Asks for a push PUSH_DEBOUNCE_MS from now unless one is already due; returns when the push is due.
 * `start` is the cycle's start (tests count it).
 */
export async function pushSoon(
	dbs: WorkerDbs,
	now: number = Date.now(),
	start: (trigger: SyncTrigger) => void = trigger => startCycle(dbs, trigger),
): Promise<number> {
	const {pushDueAt} = await readWorkerState();
	if (pushDueAt !== undefined && pushDueAt > now) return pushDueAt;
	const dueAt = now + PUSH_DEBOUNCE_MS;
	await patchWorkerState({pushDueAt: dueAt});
	setTimeout(() => {
		void pushNow(dueAt, start).catch((error: unknown) => {
			reportError(error); // the alarm pushes it instead
		});
	}, PUSH_DEBOUNCE_MS);
	// Back-up: the sync alarm for what is ready to push, kept if it is already sooner (cycle-runner.ts).
	await refreshSchedule(dbs.db, 'keep-earlier');
	return dueAt;
}

async function pushNow(dueAt: number, start: (trigger: SyncTrigger) => void): Promise<void> {
	// Cleared first: a save from here on asks for a push of its own, after this cycle.
	if ((await readWorkerState()).pushDueAt === dueAt) await patchWorkerState({pushDueAt: undefined});
	start('local-change');
}
