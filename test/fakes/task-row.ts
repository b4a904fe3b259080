/**
 * A pulled Task row for unit tests of the mapping and the per-row decision: an open, standard Task of one
 * user, no related records, no reminder time, every stamp at `T0`. A test names only what it is about.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';

export const ROW_USER = '005000000000001AAA';
export const ROW_TASK = '00T000000000001AAA';
export const ROW_T0 = '2026-03-05T10:00:00.000+0000';

export function taskRow(overrides: Partial<TaskRow> = {}): TaskRow {
	return {
		Id: ROW_TASK,
		Subject: 'Call Ann',
		Status: 'Not Started',
		Priority: 'Normal',
		ActivityDate: null,
		Description: null,
		ReminderDateTime: null,
		IsReminderSet: false,
		WhoId: null,
		WhatId: null,
		OwnerId: ROW_USER,
		TaskSubtype: 'Task',
		IsRecurrence: false,
		IsArchived: false,
		IsDeleted: false,
		IsClosed: false,
		CreatedDate: ROW_T0,
		LastModifiedDate: ROW_T0,
		SystemModstamp: ROW_T0,
		...overrides,
	};
}
