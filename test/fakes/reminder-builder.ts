/**
 * One complete, valid stored `Reminder` for tests: "Call Ann", open, normal priority, no due date, no related
 * records, made on this computer in the test partition (partition.ts) and not yet linked to a Task — its create
 * waits in the outbox, so it is `pending`. A test names only what it is about through `overrides`; a change
 * to these defaults cannot silently change what a test asserts that names its own values.
 *
 * A linked reminder gets `taskId` and a `base` from `syncedBase()`: what both sides agreed on when the Task
 * of `taskRow()` (task-row.ts) was last synced.
 */
import type {BaseSnapshot, Reminder, ReminderFields} from '@/shared/store/schema.js';
import {TEST_PARTITION_ID} from './partition.js';
import {ROW_T0} from './task-row.js';

export function aReminder(overrides: Partial<Reminder> = {}): Reminder {
	return {
		id: 'r1',
		partition: TEST_PARTITION_ID,
		name: 'Call Ann',
		status: 'open',
		priority: 'normal',
		dueDate: null,
		details: '',
		whoId: null,
		whatId: null,
		createdAt: 1,
		updatedAt: 1,
		editedAt: {},
		origin: 'local',
		localOnly: false,
		syncState: 'pending',
		...overrides,
	};
}

/** The merge base of a reminder last synced with these field values, at `taskRow()`'s stamps and picklist values. */
export function syncedBase(fields: ReminderFields, overrides: Partial<BaseSnapshot> = {}): BaseSnapshot {
	return {
		...fields,
		lastModifiedDate: ROW_T0,
		systemModstamp: ROW_T0,
		sfStatus: 'Not Started',
		sfPriority: 'Normal',
		...overrides,
	};
}
