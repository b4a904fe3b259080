/**
 * Facts for table tests of `decideRow` (row-decision.ts): one rep's partition and page, a Task due on the 9th,
 * a reminder linked to it and synced at T0, and creates in doubt (R18). A test names only what it is about.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {OutboxEntry, Reminder, ReminderFields} from '@/shared/store/schema.js';
import type {OrgPicklists} from '@/background/sync/mapping.js';
import type {PageFacts, RowDecision, RowFacts} from '@/background/sync/row-decision.js';
import {aReminder, syncedBase} from './reminder-builder.js';
import {taskRow} from './task-row.js';

export const USER = '005000000000001AAA';
export const OTHER_USER = '005000000000002AAA';
export const TASK = '00T000000000001AAA';
export const PARTITION = `00D000000000001AAA:${USER}`;
export const NOW = 1_800_000_000_000;
export const T0 = '2026-03-05T10:00:00.000+0000';
export const T0_MS = Date.parse('2026-03-05T10:00:00.000Z');
export const T1 = '2026-03-05T10:00:05.000+0000';

export const picklists: OrgPicklists = {
	statuses: [
		{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true},
		{apiName: 'Completed', label: 'Completed', isClosed: true, isDefault: false},
	],
	priorities: [
		{apiName: 'High', label: 'High', isHighPriority: true, isDefault: false},
		{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true},
	],
};

export const page: PageFacts = {
	partitionId: PARTITION,
	userId: USER,
	picklists,
	importFloor: T0_MS - 24 * 3600_000,
	now: NOW,
	offsetMs: 0,
	newId: () => 'new-id',
};

export const fields: ReminderFields = {
	name: 'Call Ann',
	status: 'open',
	priority: 'normal',
	dueDate: '2026-03-09',
	details: '',
	whoId: null,
	whatId: null,
};

/** The shared row, due on the 9th. */
export function row(overrides: Partial<TaskRow> = {}): TaskRow {
	return taskRow({ActivityDate: '2026-03-09', ...overrides});
}

/** A reminder linked to TASK, synced at T0 with `fields`. */
export function linked(overrides: Partial<Reminder> = {}): Reminder {
	return aReminder({
		...fields,
		partition: PARTITION,
		taskId: TASK,
		syncState: 'synced',
		base: syncedBase(fields),
		...overrides,
	});
}

export function facts(overrides: Partial<RowFacts> = {}): RowFacts {
	return {row: row(), reminder: undefined, entry: undefined, inDoubt: [], inDoubtReminders: new Map(), ...overrides};
}

/** An outbox entry whose create of reminder `id` was sent at T0 and not answered (R18). */
export function createInDoubt(id: string, sent: ReminderFields = fields): OutboxEntry {
	return {
		...emptyEntry(id, PARTITION, 1),
		create: true,
		createSent: {at: T0_MS, subject: sent.name, fields: sent, cursor: '2026-03-05T09:59:00.000+0000'},
	};
}

export function unlinked(id: string, overrides: Partial<Reminder> = {}): Reminder {
	const {taskId: _taskId, base: _base, ...rest} = linked({id, syncState: 'pending', ...overrides});
	return rest;
}

export function kind(decision: RowDecision): string {
	const {outcome} = decision;
	return outcome.kind === 'skip' ? `skip:${outcome.reason}` : outcome.kind;
}
