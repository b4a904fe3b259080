/**
 * Table tests of `decideRow`: one pulled row, what is known about it, and what it does to the store.
 * Every outcome kind has a case here; the annotations (R18 link, R37 reattach) and related records (R33)
 * are in `row-decision-links.test.ts`; the commit in `apply-rows.ts` is covered by the integration tests in
 * `test/sync/`.
 */
import {describe, expect, test} from 'vitest';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {OutboxEntry} from '@/shared/store/schema.js';
import {decideRow, type RowFacts} from './row-decision.js';
import {
	facts,
	kind,
	linked,
	NOW,
	OTHER_USER,
	page,
	PARTITION,
	row,
	T0,
	T0_MS,
	T1,
	TASK,
} from '../../../test/fakes/row-facts.js';

describe('decideRow: which outcome, for a deleted or unlinked Task', () => {
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
	];
	test.each(table)('%s', (_name, input, expected) => {
		expect(kind(decideRow(input, page))).toBe(expected);
	});
});

describe('decideRow: which outcome, for a linked Task', () => {
	const table: Array<[string, RowFacts, string]> = [
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

describe('decideRow: what an import and a plain merge carry', () => {
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
});

describe('decideRow: what a merge carries when both sides changed, or the reminder is a tombstone', () => {
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
