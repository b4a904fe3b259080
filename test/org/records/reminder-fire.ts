/**
 * R32: Salesforce firing its own reminder. When a Task's reminder has fired (the Lightning reminder window,
 * the mobile app), Salesforce itself sets `IsReminderSet` to false and keeps `ReminderDateTime`
 * (docs/salesforce-facts.md §13.3). The org models it as Salesforce's own write: a new `SystemModstamp`, no
 * other field changed. UNCONFIRMED (docs/local-org.md): whether that write also moves `LastModifiedDate` and
 * `LastModifiedById` — here it does not, since no user made it.
 */
import {SfError} from '../api/errors.js';
import type {Org} from '../org.js';
import type {TaskRow} from './tasks.js';

export function fireReminder(org: Org, taskId: string): TaskRow {
	const task = org.getTask(taskId);
	if (!task || task.IsDeleted) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	if (task['IsReminderSet'] !== true || typeof task['ReminderDateTime'] !== 'number') {
		throw new SfError(400, 'BAD_CONTROL_REQUEST', 'This Task has no reminder set to fire.');
	}

	return org.updateTask(
		task.OwnerId,
		taskId,
		{IsReminderSet: false, LastModifiedDate: task.LastModifiedDate, LastModifiedById: task.LastModifiedById},
		{system: true},
	);
}
