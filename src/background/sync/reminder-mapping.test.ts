/**
 * R32: the reminder time ↔ `ReminderDateTime`/`IsReminderSet`, both ways, including Salesforce's "fired"
 * (docs/salesforce-facts.md §13.3), and what a pulled row does to a linked reminder (decideRow).
 */
import {describe, expect, test} from 'vitest';
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {Reminder, ReminderFields} from '@/shared/store/schema.js';
import {createWrite, importFields, theirsFields, updateWrite, type OrgPicklists} from './mapping.js';
import {
	reminderAtFromSalesforce,
	reminderWrite,
	salesforceAlertAfterWrite,
	salesforceAlertFromRow,
} from './reminder-mapping.js';
import {decideRow, type PageFacts} from './row-decision.js';
import {aReminder, syncedBase} from '../../../test/fakes/reminder-builder.js';
import {taskRow} from '../../../test/fakes/task-row.js';

const USER = '005000000000001AAA';
const TASK = '00T000000000001AAA';
const PARTITION = `00D000000000001AAA:${USER}`;
const T1 = '2026-03-05T15:00:05.000+0000';
const AT = '2026-03-05T15:00:00.000Z';
const AT_SF = '2026-03-05T15:00:00.000+0000';
const NOW = Date.parse('2026-03-05T10:30:00Z');

const picklists: OrgPicklists = {
	statuses: [
		{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true},
		{apiName: 'Completed', label: 'Completed', isClosed: true, isDefault: false},
	],
	priorities: [{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true}],
};

const page: PageFacts = {
	partitionId: PARTITION,
	userId: USER,
	picklists,
	importFloor: 0,
	now: NOW,
	offsetMs: 0,
	newId: () => 'new-id',
};

const fields: ReminderFields = {
	name: 'Call Ann',
	status: 'open',
	priority: 'normal',
	dueDate: null,
	details: '',
	whoId: null,
	whatId: null,
};

const row = taskRow;

function linked(overrides: Partial<Reminder> = {}, baseOverrides: Partial<ReminderFields> = {}): Reminder {
	return aReminder({
		...fields,
		partition: PARTITION,
		taskId: TASK,
		syncState: 'synced',
		base: syncedBase({...fields, ...baseOverrides}),
		...overrides,
	});
}

function merged(reminder: Reminder, taskRow: TaskRow): Reminder {
	const decision = decideRow(
		{row: taskRow, reminder, entry: undefined, inDoubt: [], inDoubtReminders: new Map()},
		page,
	);
	if (decision.outcome.kind !== 'merge') throw new Error(`expected a merge, got ${decision.outcome.kind}`);
	return decision.outcome.reminder;
}

describe('R32: Salesforce → local', () => {
	test('R32: ReminderDateTime (UTC, +0000) becomes the reminder time, normalized to ISO UTC', () => {
		expect(reminderAtFromSalesforce(AT_SF)).toBe(AT);
		expect(reminderAtFromSalesforce('2026-03-05T16:00:00.000+0100')).toBe(AT);
		expect(reminderAtFromSalesforce(null)).toBeNull();
		expect(reminderAtFromSalesforce('not a time')).toBeUndefined();
	});

	test('R32: IsReminderSet=true + ReminderDateTime → reminderAt, on import and in theirs', () => {
		const taskRow = row({ReminderDateTime: AT_SF, IsReminderSet: true});
		expect(importFields(taskRow, picklists).reminderAt).toBe(AT);
		expect(theirsFields(taskRow, picklists).reminderAt).toBe(AT);
	});

	test('R32: IsReminderSet=false with ReminderDateTime kept ("fired") keeps the time; a cleared ReminderDateTime removes it', () => {
		expect(theirsFields(row({ReminderDateTime: AT_SF, IsReminderSet: false}), picklists).reminderAt).toBe(AT);
		expect(theirsFields(row({ReminderDateTime: null, IsReminderSet: false}), picklists).reminderAt).toBeNull();
	});

	test('R32: Salesforce alerts for a time it has IsReminderSet for; IsReminderSet going false with that time = fired', () => {
		const set = salesforceAlertFromRow(row({ReminderDateTime: AT_SF, IsReminderSet: true}), {});
		expect(set).toEqual({salesforceAlertsAt: AT});
		expect(salesforceAlertFromRow(row({ReminderDateTime: AT_SF, IsReminderSet: false}), set)).toEqual({
			salesforceAlertsAt: AT,
			firedInSalesforce: true,
		});
		// False for a time Salesforce never alerted for: Tickler's own "off" (or an unknown past) — not fired.
		expect(salesforceAlertFromRow(row({ReminderDateTime: AT_SF, IsReminderSet: false}), {})).toEqual({});
		expect(
			salesforceAlertFromRow(row({ReminderDateTime: '2026-03-06T15:00:00.000+0000', IsReminderSet: false}), set),
		).toEqual({});
	});

	test('R32: a pulled "fired" row keeps the reminder time, marks it fired, and is not skipped as already applied', () => {
		const before = linked({reminderAt: AT, salesforceAlertsAt: AT, alert: {knownAt: 5}}, {reminderAt: AT});
		const base = before.base;
		if (!base) throw new Error('no base');
		base.sfReminderSet = true;
		const after = merged(before, row({ReminderDateTime: AT_SF, IsReminderSet: false, SystemModstamp: T1}));
		expect(after.reminderAt).toBe(AT);
		expect(after.firedInSalesforce).toBe(true);
		expect(after.salesforceAlertsAt).toBe(AT);
		expect(after.base?.sfReminderSet).toBe(false);
		// The time did not change, so this computer's alert record is untouched.
		expect(after.alert).toEqual({knownAt: 5});
	});

	test('R32: a time set in Salesforce reaches the reminder, learned now (so an old time never alerts as missed)', () => {
		const after = merged(linked(), row({ReminderDateTime: AT_SF, IsReminderSet: true, SystemModstamp: T1}));
		expect(after.reminderAt).toBe(AT);
		expect(after.salesforceAlertsAt).toBe(AT);
		expect(after.alert).toEqual({knownAt: NOW});
	});

	test('R32: ReminderDateTime cleared in Salesforce removes the time and the alert record', () => {
		const after = merged(
			linked({reminderAt: AT, alert: {knownAt: 5, notifiedFor: AT}}, {reminderAt: AT}),
			row({ReminderDateTime: null, IsReminderSet: false, SystemModstamp: T1}),
		);
		expect(after.reminderAt).toBeNull();
		expect(after.alert).toBeUndefined();
	});

	test('R32: a reminder stored before R31 (no reminderAt key) and a Task without a time merge as unchanged', () => {
		const decision = decideRow(
			{
				row: row({SystemModstamp: T1}),
				reminder: linked(),
				entry: {...emptyEntry('r1', PARTITION, 1), fields: []},
				inDoubt: [],
				inDoubtReminders: new Map(),
			},
			page,
		);
		expect(decision.outcome.kind).toBe('merge');
		if (decision.outcome.kind === 'merge') {
			expect(decision.outcome.pulled).toBe(false);
			expect(decision.outcome.entry).toBeUndefined();
		}
	});
});

describe('R32: local → Salesforce, per who alerts', () => {
	test('R32: default (Tickler alerts): ReminderDateTime is sent with IsReminderSet=false, so Salesforce stays silent', () => {
		expect(reminderWrite(AT, 'tickler')).toEqual({ReminderDateTime: AT, IsReminderSet: false});
		expect(createWrite({...fields, reminderAt: AT}, '{{activity_subject}}', picklists)).toMatchObject({
			ReminderDateTime: AT,
			IsReminderSet: false,
		});
	});

	test("R32: 'salesforce' and 'both' send IsReminderSet=true", () => {
		expect(reminderWrite(AT, 'salesforce')).toEqual({ReminderDateTime: AT, IsReminderSet: true});
		expect(updateWrite({...fields, reminderAt: AT}, ['reminderAt'], '{{activity_subject}}', picklists, 'both')).toEqual(
			{ReminderDateTime: AT, IsReminderSet: true},
		);
	});

	test('R32: removing the time clears both; a create without a time sends neither', () => {
		expect(updateWrite({...fields, reminderAt: null}, ['reminderAt'], '{{activity_subject}}', picklists)).toEqual({
			ReminderDateTime: null,
			IsReminderSet: false,
		});
		const write = createWrite(fields, '{{activity_subject}}', picklists, 'salesforce');
		expect('ReminderDateTime' in write || 'IsReminderSet' in write).toBe(false);
	});

	test('R32: an accepted write with IsReminderSet=true means Salesforce alerts for that time; false means it does not', () => {
		expect(salesforceAlertAfterWrite({ReminderDateTime: AT, IsReminderSet: true}, {})).toEqual({
			salesforceAlertsAt: AT,
		});
		expect(
			salesforceAlertAfterWrite(
				{ReminderDateTime: AT, IsReminderSet: false},
				{salesforceAlertsAt: AT, firedInSalesforce: true},
			),
		).toEqual({});
		// A write that does not touch the reminder keeps what was known.
		expect(salesforceAlertAfterWrite({Subject: 'x'}, {salesforceAlertsAt: AT})).toEqual({salesforceAlertsAt: AT});
	});
});
