/**
 * R4: the import floor. The first sync imports the rep's Tasks last modified in the 24 hours before sync was
 * enabled; every later pull — also after a re-enable (R6: continue from where it stopped) — keeps the first
 * sync's floor (`Checkpoint.importFloor`), so only a system-only touch of a Task older than that window is
 * never imported. One rule for the pull (pull.ts, row-decision.ts) and for the Task-page badge, which says
 * when a Task was last changed before sync (task-page/badge-answer.ts).
 */
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import type {Checkpoint} from '@/shared/store/schema.js';
import {DAY_MS} from './cycle-context.js';

/**
 * The floor, in server ms: the one the first sync fixed, once there is a checkpoint that has it; before that,
 * 24 hours before `enabledAt` (local ms) in server time (`offsetMs`: server minus local, R16).
 */
export function importFloor(
	checkpoint: Pick<Checkpoint, 'importFloor'> | undefined,
	enabledAt: number,
	offsetMs: number,
): number {
	return checkpoint?.importFloor ?? enabledAt + offsetMs - DAY_MS;
}

/** True when an unlinked Task was last modified before the floor: it is never imported (R4). */
export function beforeImportFloor(task: {LastModifiedDate: string}, floor: number): boolean {
	return parseSalesforceDateTime(task.LastModifiedDate) < floor;
}
