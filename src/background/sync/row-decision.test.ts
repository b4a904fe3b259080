/**
 * Table tests of `decideRow`: one pulled row, what is known about it, and what it does to the store.
 * Every outcome kind and every annotation (R18 link, R37 reattach) has a case; the commit in
 * `apply-rows.ts` is covered by the integration tests in `test/sync/`.
 */
import {describe, expect, test} from 'vitest';
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {OutboxEntry, Reminder, ReminderFields} from '@/shared/store/schema.js';
import type {OrgPicklists} from './mapping.js';
import {decideRow, type PageFacts, type RowDecision, type RowFacts} from './row-decision.js';
import {aReminder, syncedBase} from '../../../test/fakes/reminder-builder.js';
import {taskRow} from '../../../test/fakes/task-row.js';

const USER = '005000000000001AAA';
const OTHER_USER = '005000000000002AAA';
const TASK = '00T000000000001AAA';
const PARTITION = `00D000000000001AAA:${USER}`;
const NOW = 1_800_000_000_000;
const T0 = '2026-03-05T10:00:00.000+0000';
const T0_MS = Date.parse('2026-03-05T10:00:00.000Z');
const T1 = '2026-03-05T10:00:05.000+0000';

const picklists: OrgPicklists = {
	statuses: [
		{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true},
		{apiName: 'Completed', label: 'Completed', isClosed: true, isDefault: false},
	],
	priorities: [
		{apiName: 'High', label: 'High', isHighPriority: true, isDefault: false},
		{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true},
	],
};

const page: PageFacts = {
	partitionId: PARTITION,
	userId: USER,
	picklists,
	importFloor: T0_MS - 24 * 3600_000,
	now: NOW,
	offsetMs: 0,
	newId: () => 'new-id',
};

const fields: ReminderFields = {
	name: 'Call Ann',
	status: 'open',
	priority: 'normal',
	dueDate: '2026-03-09',
	details: '',
	whoId: null,
	whatId: null,
};

/** The shared row, due on the 9th. */
function row(overrides: Partial<TaskRow> = {}): TaskRow {
	return taskRow({ActivityDate: '2026-03-09', ...overrides});
}

/** A reminder linked to TASK, synced at T0 with `fields`. */
function linked(overrides: Partial<Reminder> = {}): Reminder {
	return aReminder({
		...fields,
		partition: PARTITION,
		taskId: TASK,
		syncState: 'synced',
		base: syncedBase(fields),
		...overrides,
	});
}

function facts(overrides: Partial<RowFacts> = {}): RowFacts {
	return {row: row(), reminder: undefined, entry: undefined, inDoubt: [], inDoubtReminders: new Map(), ...overrides};
}

/** An outbox entry whose create of reminder `id` was sent at T0 and not answered (R18). */
function createInDoubt(id: string, sent: ReminderFields = fields): OutboxEntry {
	return {
		...emptyEntry(id, PARTITION, 1),
		create: true,
		createSent: {at: T0_MS, subject: sent.name, fields: sent, cursor: '2026-03-05T09:59:00.000+0000'},
	};
}

function unlinked(id: string, overrides: Partial<Reminder> = {}): Reminder {
	const {taskId: _taskId, base: _base, ...rest} = linked({id, syncState: 'pending', ...overrides});
	return rest;
}

function kind(decision: RowDecision): string {
	const {outcome} = decision;
	return outcome.kind === 'skip' ? `skip:${outcome.reason}` : outcome.kind;
}

describe('decideRow: which outcome', () => {
	const table: Array<[string, RowFacts, string]> = [
		[
			'R14: a deleted Task with no reminder changes nothing',
			facts({row: row({IsDeleted: true})}),
			'skip:deleted-unlinked',
		],
		[
			'R14: a deleted Task deletes its reminder',
			facts({row: row({IsDeleted: true}), reminder: linked()}),
			'delete-local',
		],
		[
			'R16: a deleted Task deletes its reminder even against local edits',
			facts({
				row: row({IsDeleted: true}),
				reminder: linked({name: 'mine'}),
				entry: {...emptyEntry('r1', PARTITION, 1), fields: ['name']},
			}),
			'delete-local',
		],
		['R1: a logged call is not imported', facts({row: row({TaskSubtype: 'Call'})}), 'skip:out-of-scope'],
		['R1: a recurring master is not imported', facts({row: row({IsRecurrence: true})}), 'skip:out-of-scope'],
		['R1: an archived Task is not imported', facts({row: row({IsArchived: true})}), 'skip:out-of-scope'],
		['R1: another user’s Task is not imported', facts({row: row({OwnerId: OTHER_USER})}), 'skip:not-owner'],
		[
			'R4: a Task last modified before the import floor is not imported',
			facts({row: row({LastModifiedDate: '2026-03-01T00:00:00.000+0000'})}),
			'skip:before-import-floor',
		],
		['R4: a new Task of the rep’s is imported', facts(), 'import'],
		[
			'R36: a row re-read at the applied stamp and content is already applied',
			facts({reminder: linked()}),
			'skip:already-applied',
		],
		[
			'R36: a row older than the base is already applied',
			facts({reminder: linked(), row: row({SystemModstamp: '2026-03-05T09:00:00.000+0000'})}),
			'skip:already-applied',
		],
		[
			'R36: the same second with other content is merged, not skipped',
			facts({reminder: linked(), row: row({Description: 'later write of that second'})}),
			'merge',
		],
		[
			'R16: a newer row is merged',
			facts({reminder: linked(), row: row({SystemModstamp: T1, LastModifiedDate: T1, Priority: 'High'})}),
			'merge',
		],
		[
			'R16: an edit against a local deletion keeps the tombstone',
			facts({
				reminder: linked({deletedAt: 5}),
				entry: {...emptyEntry('r1', PARTITION, 1), delete: true},
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Subject: 'renamed'}),
			}),
			'keep-tombstone',
		],
	];
	test.each(table)('%s', (_name, input, expected) => {
		expect(kind(decideRow(input, page))).toBe(expected);
	});
});

describe('decideRow: what each outcome carries', () => {
	test('R4: an import is a synced reminder with the row as its base, under a new id', () => {
		const {outcome, linked: after} = decideRow(facts({row: row({Priority: 'High'})}), page);
		expect(outcome.kind).toBe('import');
		if (outcome.kind !== 'import') return;
		expect(outcome.reminder).toMatchObject({
			id: 'new-id',
			partition: PARTITION,
			taskId: TASK,
			priority: 'high',
			origin: 'salesforce',
			syncState: 'synced',
			localOnly: false,
			createdAt: NOW,
			base: {priority: 'high', systemModstamp: T0, sfPriority: 'High'},
		});
		expect(after).toBe(outcome.reminder);
	});

	test('R16: a Salesforce edit applies, moves the base and leaves no outbox entry', () => {
		const decision = decideRow(
			facts({reminder: linked(), row: row({SystemModstamp: T1, LastModifiedDate: T1, Priority: 'High'})}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.reminder).toMatchObject({priority: 'high', updatedAt: NOW, syncState: 'synced'});
		expect(outcome.reminder.base).toMatchObject({priority: 'high', systemModstamp: T1});
		expect(outcome).toMatchObject({entry: undefined, conflicts: [], pulled: true});
	});

	test('R16: the same field edited on both sides, Salesforce later — its value wins and the conflict is logged', () => {
		const decision = decideRow(
			facts({
				reminder: linked({details: 'mine', editedAt: {details: T0_MS + 1000}}),
				entry: {...emptyEntry('r1', PARTITION, 1), fields: ['details']},
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Description: 'theirs'}),
			}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.reminder).toMatchObject({details: 'theirs', syncState: 'conflict', lastConflictAt: NOW});
		expect(outcome.entry).toBeUndefined();
		expect(outcome.conflicts).toEqual([
			{
				partition: PARTITION,
				reminderId: 'r1',
				taskId: TASK,
				field: 'details',
				winner: 'salesforce',
				overwritten: 'mine',
				kept: 'theirs',
				at: NOW,
			},
		]);
	});

	test('R16: a local edit later than Salesforce’s stays pending, with its outbox entry', () => {
		const decision = decideRow(
			facts({
				reminder: linked({details: 'mine', editedAt: {details: T0_MS + 60_000}}),
				entry: {...emptyEntry('r1', PARTITION, 1), fields: ['details']},
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Description: 'theirs'}),
			}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.reminder).toMatchObject({details: 'mine', syncState: 'pending'});
		expect(outcome.entry?.fields).toEqual(['details']);
		expect(outcome.conflicts.map(c => c.winner)).toEqual(['local']);
		expect(outcome.pulled).toBe(false);
	});

	test('R16/R18: an update in doubt that Salesforce committed is taken as ours: the entry loses updateSent', () => {
		const decision = decideRow(
			facts({
				reminder: linked({details: 'sent', editedAt: {details: T0_MS + 60_000}}),
				entry: {
					...emptyEntry('r1', PARTITION, 1),
					fields: ['details'],
					updateSent: {at: T0_MS + 61_000, fields: {details: 'sent'}},
				},
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Description: 'sent'}),
			}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.entry).toBeUndefined();
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.reminder.syncState).toBe('synced');
	});

	test('R16: a tombstone keeps its deletion and entry; only its base moves to the row', () => {
		const entry: OutboxEntry = {...emptyEntry('r1', PARTITION, 1), delete: true};
		const decision = decideRow(
			facts({
				reminder: linked({deletedAt: 5}),
				entry,
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Subject: 'renamed'}),
			}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'keep-tombstone') throw new Error(kind(decision));
		expect(outcome.entry).toBe(entry);
		expect(outcome.reminder).toMatchObject({deletedAt: 5, name: 'Call Ann', base: {systemModstamp: T1}});
	});
});

describe('decideRow: R18 creates in doubt', () => {
	test('R18: the Task a create in doubt made is linked to its reminder, not imported', () => {
		const intent = createInDoubt('r9');
		const decision = decideRow(facts({inDoubt: [intent], inDoubtReminders: new Map([['r9', unlinked('r9')]])}), page);
		expect(decision).toMatchObject({linkedCreate: true, intentTaken: 'r9', reattached: false});
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.reminder).toMatchObject({id: 'r9', taskId: TASK, syncState: 'synced'});
		expect(outcome.reminder.base?.systemModstamp).toBe(T0);
		// The create is done: no entry is left (nothing changed since it was sent).
		expect(outcome.entry).toBeUndefined();
		expect(decision.linked?.id).toBe('r9');
	});

	test('R18: a field edited after the create was sent stays pending on the linked reminder', () => {
		const decision = decideRow(
			facts({
				inDoubt: [createInDoubt('r9')],
				inDoubtReminders: new Map([['r9', unlinked('r9', {details: 'edited after send', editedAt: {details: NOW}})]]),
			}),
			page,
		);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.entry).toMatchObject({create: false, fields: ['details']});
		expect(outcome.entry?.createSent).toBeUndefined();
	});

	test('R18: of two creates in doubt with the same name and date, the one whose other values match is taken', () => {
		const high = {...fields, priority: 'high' as const};
		const decision = decideRow(
			facts({
				row: row({Priority: 'High'}),
				inDoubt: [createInDoubt('normal'), createInDoubt('high', high)],
				inDoubtReminders: new Map([
					['normal', unlinked('normal')],
					['high', unlinked('high', {priority: 'high'})],
				]),
			}),
			page,
		);
		expect(decision.intentTaken).toBe('high');
	});

	test('R18: a Task created before the cursor of the create is an older one: imported, not linked', () => {
		const decision = decideRow(
			facts({
				row: row({CreatedDate: '2026-03-05T09:58:00.000+0000'}),
				inDoubt: [createInDoubt('r9')],
				inDoubtReminders: new Map([['r9', unlinked('r9')]]),
			}),
			page,
		);
		expect(decision).toMatchObject({linkedCreate: false, outcome: {kind: 'import'}});
		expect(decision.intentTaken).toBeUndefined();
	});

	test('R18: a matching intent whose reminder is gone is used up, and the Task imported', () => {
		const decision = decideRow(facts({inDoubt: [createInDoubt('r9')]}), page);
		expect(decision).toMatchObject({linkedCreate: false, intentTaken: 'r9', outcome: {kind: 'import'}});
	});

	test('R18: a create in doubt deleted in Salesforce deletes its reminder once linked', () => {
		const decision = decideRow(
			facts({
				row: row({IsDeleted: true}),
				inDoubt: [createInDoubt('r9')],
				inDoubtReminders: new Map([['r9', unlinked('r9')]]),
			}),
			page,
		);
		expect(decision).toMatchObject({linkedCreate: true, outcome: {kind: 'delete-local', reminderId: 'r9'}});
	});
});

describe('decideRow: R37 reattach', () => {
	test('R37: a detached reminder whose Task is the rep’s again is linked back, edits made meanwhile kept', () => {
		const detached = linked({
			localOnly: true,
			syncState: 'error',
			error: {code: 'TASK_NOT_YOURS', message: 'm', hint: 'h'},
			details: 'edited while detached',
			editedAt: {details: T0_MS + 60_000},
		});
		// The row is the one already applied: a reattached reminder is merged all the same.
		const decision = decideRow(facts({reminder: detached}), page);
		expect(decision.reattached).toBe(true);
		const {outcome} = decision;
		if (outcome.kind !== 'merge') throw new Error(kind(decision));
		expect(outcome.reminder).toMatchObject({localOnly: false, syncState: 'pending', details: 'edited while detached'});
		expect(outcome.reminder.error).toBeUndefined();
		expect(outcome.entry?.fields).toEqual(['details']);
	});

	test('R37: a detached tombstone is not reattached; the deletion stays local', () => {
		const decision = decideRow(
			facts({reminder: linked({localOnly: true, deletedAt: 5}), row: row({SystemModstamp: T1, LastModifiedDate: T1})}),
			page,
		);
		expect(decision).toMatchObject({reattached: false, outcome: {kind: 'keep-tombstone', reminder: {localOnly: true}}});
	});
});

describe('R33: related records', () => {
	const CONTACT = '003000000000001AAA';
	const OTHER_CONTACT = '003000000000002AAA';
	const ACCOUNT = '001000000000001AAA';
	const who = {Name: 'Carla Rossi', Type: 'Contact'};

	test('R33: an imported Task keeps WhoId/WhatId and the names read with the row', () => {
		const {outcome} = decideRow(
			facts({row: row({WhoId: CONTACT, Who: who, WhatId: ACCOUNT, What: {Name: 'Acme', Type: 'Account'}})}),
			page,
		);
		if (outcome.kind !== 'import') throw new Error(outcome.kind);
		expect(outcome.reminder).toMatchObject({
			whoId: CONTACT,
			whatId: ACCOUNT,
			who: {name: 'Carla Rossi', type: 'Contact'},
			what: {name: 'Acme', type: 'Account'},
		});
		expect(outcome.reminder.base).toMatchObject({whoId: CONTACT, whatId: ACCOUNT});
	});

	test('R33: a WhoId changed in Salesforce (a Contact merged) moves the reminder and its name', () => {
		const {outcome} = decideRow(
			facts({
				reminder: linked({whoId: CONTACT, who: {name: 'Old', type: 'Contact'}}),
				row: row({SystemModstamp: T1, LastModifiedDate: T1, WhoId: OTHER_CONTACT, Who: who}),
			}),
			{...page},
		);
		if (outcome.kind !== 'merge') throw new Error(outcome.kind);
		expect(outcome.reminder.whoId).toBe(OTHER_CONTACT);
		expect(outcome.reminder.who).toEqual({name: 'Carla Rossi', type: 'Contact'});
	});

	test('R33: a WhoId cleared in Salesforce (a Contact deleted) clears the reminder and its name', () => {
		const {outcome} = decideRow(
			facts({
				reminder: linked({
					whoId: CONTACT,
					who: {name: 'Gone', type: 'Contact'},
					base: syncedBase({...fields, whoId: CONTACT}),
				}),
				row: row({SystemModstamp: T1, LastModifiedDate: T0, WhoId: null, Who: null}),
			}),
			page,
		);
		if (outcome.kind !== 'merge') throw new Error(outcome.kind);
		expect(outcome.reminder.whoId).toBeNull();
		expect(outcome.reminder.who).toBeUndefined();
	});

	test('R33: while a local WhoId is still to be pushed, its name stays (the row names the old one)', () => {
		const {outcome} = decideRow(
			facts({
				reminder: linked({whoId: OTHER_CONTACT, who: {name: 'Mine', type: 'Contact'}, editedAt: {whoId: NOW}}),
				entry: {...emptyEntry('r1', PARTITION, 1), fields: ['whoId']},
				row: row({SystemModstamp: T1, LastModifiedDate: T1, Subject: 'Call Ann', WhoId: null, Who: null}),
			}),
			page,
		);
		if (outcome.kind !== 'merge') throw new Error(outcome.kind);
		expect(outcome.reminder.whoId).toBe(OTHER_CONTACT);
		expect(outcome.reminder.who).toEqual({name: 'Mine', type: 'Contact'});
		expect(outcome.entry?.fields).toContain('whoId');
	});
});
