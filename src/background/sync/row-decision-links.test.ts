/**
 * Table tests of `decideRow` for what a row links: a create in doubt (R18), a detached reminder (R37), and the
 * related records' names (R33). The outcomes themselves are in `row-decision.test.ts`.
 */
import {describe, expect, test} from 'vitest';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import {decideRow} from './row-decision.js';
import {
	createInDoubt,
	facts,
	fields,
	kind,
	linked,
	NOW,
	page,
	PARTITION,
	row,
	T0,
	T0_MS,
	T1,
	TASK,
	unlinked,
} from '../../../test/fakes/row-facts.js';
import {syncedBase} from '../../../test/fakes/reminder-builder.js';

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
