/**
 * After a change the rep made — from the popup, the All reminders page, "Remind me" or a notification's
 * Complete or Snooze (R22, R31, R34): the toolbar count at once, a push within seconds when sync is on (R13),
 * and the reminder alarm.
 *
 * This is the one place an edit re-arms the reminder alarm (R31): it runs for every edit, whether or not sync
 * is on, before the worker answers, so the alarm follows the edit at once. The cycle the edit starts does not
 * arm it again; a cycle re-arms it only for what it pulled (cycle-runner.ts).
 *
 * The change is already durable when this runs, so nothing here throws: a failure reported now would invite
 * the rep to make the change twice. What fails is reported, and the next alarm or check catches up.
 */
import {activePartition} from '@/shared/store/local-edits.js';
import type {WorkerDbs} from '../worker-db.js';
import {checkReminders} from '../alerts/alert-alarm.js';
import {updateToolbarCount} from '../alerts/toolbar-count.js';
import {startCycle} from './cycle-runner.js';
import {pushSoon} from './push-debounce.js';

/**
 * `queued`: a cycle was asked for (false when sync is off for the active partition). `push: 'debounced'` (a
 * "Remind me" save, R52): the cycle comes a few seconds later, shared with the saves meanwhile (push-debounce.ts).
 */
export async function afterLocalChange(
	dbs: WorkerDbs,
	{push = 'now'}: {push?: 'now' | 'debounced'} = {},
): Promise<{queued: boolean}> {
	const {db} = dbs;
	let queued = false;
	try {
		// R22: the toolbar count follows a local change at once, whether or not sync is on.
		await updateToolbarCount(db);
		if ((await db.partitions.get(await activePartition(db)))?.enabled === true) {
			if (push === 'debounced') await pushSoon(dbs);
			else startCycle(dbs, 'local-change');
			queued = true;
		}
	} catch (error) {
		reportError(error); // the next alarm pushes it instead
	}

	// R31: a reminder time set, moved or removed, or a reminder completed: the reminder alarm follows.
	await checkReminders(db).catch((error: unknown) => {
		reportError(error);
	});
	return {queued};
}
