/**
 * R1: which Tasks Tickler syncs — the rep's own reminder-like Tasks. A Task is in scope when the signed-in user
 * owns it, its subtype is Task (not a logged call or email), it is not the master of a recurring series (R35)
 * and it is not archived (left out, though not a deletion either, R15). One rule for the pull, which imports
 * only such Tasks (row-decision.ts), and for the Task-page badge, which says why a Task is not a reminder
 * (task-page/badge-answer.ts).
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {to18} from '@/shared/record-ids.js';

/** The fields of a Task that R1 reads. */
export type TaskScopeFields = Pick<TaskRow, 'OwnerId' | 'TaskSubtype' | 'IsRecurrence' | 'IsArchived'>;

/** Why a Task is out of scope, in the order it is checked. */
export type OutOfScope = 'not-owner' | 'not-a-reminder-type' | 'recurring-series' | 'archived';

/** The first reason `task` is not one of `userId`'s reminder-like Tasks (R1), or undefined when it is. */
export function whyOutOfScope(task: TaskScopeFields, userId: string): OutOfScope | undefined {
	if (to18(task.OwnerId) !== userId) return 'not-owner';
	if (task.TaskSubtype !== 'Task') return 'not-a-reminder-type';
	if (task.IsRecurrence) return 'recurring-series';
	if (task.IsArchived) return 'archived';
	return undefined;
}
