import {describe, expect, test} from 'vitest';
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {
	completedStatus,
	createWrite,
	defaultOpenStatus,
	dueDateFromSalesforce,
	importFields,
	nameFromSubject,
	detailsFromSalesforce,
	type OrgPicklists,
	priorityFromSalesforce,
	priorityToSalesforce,
	statusFromSalesforce,
	statusToSalesforce,
	theirsFields,
	updateWrite,
	pickFields,
	relatedFromSalesforce,
} from './mapping.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';
import {taskRow} from '../../../test/fakes/task-row.js';

const standard: OrgPicklists = {
	statuses: [
		{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true},
		{apiName: 'In Progress', label: 'In Progress', isClosed: false, isDefault: false},
		{apiName: 'Completed', label: 'Completed', isClosed: true, isDefault: false},
		{apiName: 'Deferred', label: 'Deferred', isClosed: false, isDefault: false},
	],
	priorities: [
		{apiName: 'High', label: 'High', isHighPriority: true, isDefault: false},
		{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true},
		{apiName: 'Low', label: 'Low', isHighPriority: false, isDefault: false},
	],
};
const custom: OrgPicklists = {
	statuses: [
		{apiName: 'Open', label: 'Open', isClosed: false, isDefault: true},
		{apiName: 'Done', label: 'Done', isClosed: true, isDefault: false},
		{apiName: 'Cancelled', label: 'Cancelled', isClosed: true, isDefault: false},
	],
	priorities: standard.priorities,
};

function row(overrides: Partial<TaskRow>): TaskRow {
	return taskRow({Subject: 'S', ...overrides});
}

describe('R8 status', () => {
	test('uses the org values, not hard-coded ones', () => {
		expect(completedStatus(standard)).toBe('Completed');
		expect(defaultOpenStatus(standard)).toBe('Not Started');
		expect(completedStatus(custom)).toBe('Done');
		expect(defaultOpenStatus(custom)).toBe('Open');
		expect(statusToSalesforce('complete', custom)).toBe('Done');
		expect(statusToSalesforce('open', custom)).toBe('Open');
	});

	test('other values do not sync on update, and import as closed → complete else open', () => {
		expect(statusFromSalesforce('In Progress', standard, false)).toBeUndefined();
		expect(statusFromSalesforce('In Progress', standard, true)).toBe('open');
		expect(statusFromSalesforce('Cancelled', custom, true)).toBe('complete');
		expect(statusFromSalesforce('Weird', standard, true, true)).toBe('complete');
		expect(statusFromSalesforce('Completed', standard, false)).toBe('complete');
		expect(statusFromSalesforce('Not Started', standard, false)).toBe('open');
	});
});

describe('R9 priority', () => {
	test('High/Normal map both ways; Low leaves the reminder as it was, imports as normal', () => {
		expect(priorityFromSalesforce('High', standard, false)).toBe('high');
		expect(priorityFromSalesforce('Normal', standard, false)).toBe('normal');
		expect(priorityFromSalesforce('Low', standard, false)).toBeUndefined();
		expect(priorityFromSalesforce('Low', standard, true)).toBe('normal');
		expect(priorityToSalesforce('high', standard)).toBe('High');
		expect(priorityToSalesforce('normal', standard)).toBe('Normal');
	});
});

describe('R10/R11 subject and dates', () => {
	test('the Subject becomes the name on import, cleaned; a missing one gets a placeholder', () => {
		expect(nameFromSubject('  a\nb ')).toBe('a b');
		expect(nameFromSubject(null)).toBe('(no subject)');
		// Kept whole: Salesforce's own Subject, never cut silently (nor through a surrogate pair).
		expect(nameFromSubject('x'.repeat(300))).toHaveLength(300);
		expect(nameFromSubject(`${'x'.repeat(254)}😀`)).toBe(`${'x'.repeat(254)}😀`);
		expect(detailsFromSalesforce('y'.repeat(32_001))).toHaveLength(32_001);
	});

	test('ActivityDate is a calendar date; datetimes are cut to the date; garbage is ignored', () => {
		expect(dueDateFromSalesforce('2026-03-05')).toBe('2026-03-05');
		expect(dueDateFromSalesforce('2026-03-05T23:30:00.000+0000')).toBe('2026-03-05');
		expect(dueDateFromSalesforce(null)).toBeNull();
		expect(dueDateFromSalesforce('2026-02-30')).toBeUndefined();
		expect(dueDateFromSalesforce(42)).toBeUndefined();
	});

	test('theirs ignores the Subject and unsyncable values', () => {
		const theirs = theirsFields(
			row({Subject: 'renamed', Status: 'In Progress', Priority: 'Low', ActivityDate: 'nope'}),
			standard,
		);
		expect(theirs).toEqual({details: '', whoId: null, whatId: null, reminderAt: null});
	});

	test('import maps every field', () => {
		expect(
			importFields(
				row({Subject: 'Call', Status: 'Completed', Priority: 'High', ActivityDate: '2026-01-02', Description: 'd'}),
				standard,
			),
		).toEqual({
			name: 'Call',
			status: 'complete',
			priority: 'high',
			dueDate: '2026-01-02',
			details: 'd',
			whoId: null,
			whatId: null,
		});
	});
});

describe('R12 writes', () => {
	const fields = {
		name: 'N',
		status: 'complete' as const,
		priority: 'high' as const,
		dueDate: null,
		details: '',
		whoId: null,
		whatId: null,
	};
	test('create renders the template and sends every field', () => {
		expect(createWrite(fields, 'T: {{activity_subject}}', standard)).toEqual({
			Subject: 'T: N',
			Status: 'Completed',
			Priority: 'High',
			ActivityDate: null,
			Description: null,
			TaskSubtype: 'Task',
		});
	});

	test('update sends only the changed fields; a rename only when the template uses the name', () => {
		expect(updateWrite(fields, ['priority'], '{{activity_subject}}', standard)).toEqual({Priority: 'High'});
		expect(updateWrite(fields, ['name', 'dueDate'], '{{activity_subject}}', standard)).toEqual({
			Subject: 'N',
			ActivityDate: null,
		});
		expect(updateWrite(fields, ['name'], 'Fixed subject', standard)).toEqual({});
	});
});

test('R12/R16: a base snapshot keeps exactly the synced fields, nothing else of the reminder', () => {
	const reminder = aReminder({
		name: 'N',
		priority: 'high',
		details: 'D',
		whatId: '006000000000001AAA',
		taskId: '00T000000000001AAA',
		editedAt: {name: 5},
		what: {name: 'Acme Renewal', type: 'Opportunity'},
		alert: {knownAt: 5},
	});
	expect(pickFields(reminder)).toEqual({
		name: 'N',
		status: 'open',
		priority: 'high',
		dueDate: null,
		details: 'D',
		whoId: null,
		whatId: '006000000000001AAA',
	});
});

describe('R33 related records', () => {
	const CONTACT = '003000000000001AAA';
	const OPPORTUNITY = '006000000000001AAA';
	const fields = {
		name: 'N',
		status: 'open' as const,
		priority: 'normal' as const,
		dueDate: null,
		details: '',
		whoId: CONTACT,
		whatId: OPPORTUNITY,
	};

	test('R33: an imported Task keeps its WhoId and WhatId (18 chars); a 15-char id is widened', () => {
		const imported = importFields(row({WhoId: '003000000000001', WhatId: OPPORTUNITY}), standard);
		expect(imported.whoId).toBe(CONTACT);
		expect(imported.whatId).toBe(OPPORTUNITY);
		expect(importFields(row({}), standard)).toMatchObject({whoId: null, whatId: null});
	});

	test('R33: theirs carries the ids, null when cleared, and ignores a malformed id', () => {
		expect(theirsFields(row({WhoId: null, WhatId: OPPORTUNITY}), standard)).toMatchObject({
			whoId: null,
			whatId: OPPORTUNITY,
		});
		expect(theirsFields(row({WhoId: 'not an id'}), standard)).not.toHaveProperty('whoId');
	});

	test('R33: the names come from the relationship objects of the same row, text kept as text', () => {
		const hostile = '<img src=x onerror=alert(1)>';
		expect(relatedFromSalesforce(CONTACT, {Name: hostile, Type: 'Contact'})).toEqual({name: hostile, type: 'Contact'});
		expect(relatedFromSalesforce(null, {Name: 'x', Type: 'Contact'})).toBeUndefined();
		expect(relatedFromSalesforce(CONTACT, null)).toBeUndefined();
		expect(relatedFromSalesforce(CONTACT, {Name: '  ', Type: 'Contact'})).toBeUndefined();
	});

	test('R33: a create sends WhoId and WhatId when set, and never TaskWhoIds', () => {
		const write = createWrite(fields, '{{activity_subject}}', standard);
		expect(write).toMatchObject({WhoId: CONTACT, WhatId: OPPORTUNITY});
		expect(write).not.toHaveProperty('TaskWhoIds');
		const bare = createWrite({...fields, whoId: null, whatId: null}, '{{activity_subject}}', standard);
		expect(bare).not.toHaveProperty('WhoId');
		expect(bare).not.toHaveProperty('WhatId');
	});

	test('R33: an update sends a changed id, null to clear it, and never TaskWhoIds', () => {
		expect(updateWrite(fields, ['whoId'], '{{activity_subject}}', standard)).toEqual({WhoId: CONTACT});
		const cleared = updateWrite({...fields, whoId: null, whatId: null}, ['whoId', 'whatId'], 'x', standard);
		expect(cleared).toEqual({WhoId: null, WhatId: null});
		expect(JSON.stringify(cleared)).not.toContain('TaskWhoIds');
	});
});
