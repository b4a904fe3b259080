/**
 * R58 in the merge: when Salesforce's later edit wins a field the rep also changed (R16), the rep's value is
 * kept on the reminder (`overruled`) beside Salesforce's, until the rep chooses; such a reminder is never
 * "Synced" — also when other fields of the rep's are still to push (issue 20's "ask about budget").
 */
import {expect, test} from 'vitest';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {Reminder} from '@/shared/store/schema.js';
import {decideRow} from './row-decision.js';
import {facts, kind, linked, NOW, page, PARTITION, row, T0_MS, T1} from '../../../test/fakes/row-facts.js';

function merged(reminder: Reminder, fields: Reminder['editedAt'], rowOverrides = {}) {
	const decision = decideRow(
		facts({
			reminder: {...reminder, editedAt: fields},
			entry: {...emptyEntry('r1', PARTITION, 1), fields: Object.keys(fields) as Array<keyof typeof fields>},
			row: row({SystemModstamp: T1, LastModifiedDate: T1, ...rowOverrides}),
		}),
		page,
	);
	if (decision.outcome.kind !== 'merge') throw new Error(kind(decision));
	return decision.outcome;
}

test('R58: the rep’s details lost to Salesforce’s later edit are kept with Salesforce’s; their other edit still goes', () => {
	const outcome = merged(
		linked({details: 'ask about budget', priority: 'high'}),
		{details: T0_MS + 1000, priority: T0_MS + 1000},
		{Description: 'new description'},
	);
	expect(outcome.reminder).toMatchObject({details: 'new description', priority: 'high', syncState: 'pending'});
	expect(outcome.reminder.overruled).toEqual({
		at: NOW,
		mine: {details: 'ask about budget'},
		theirs: {details: 'new description'},
	});
	expect(outcome.entry?.fields).toEqual(['priority']);
});

test('R58: alone, the overruled reminder says conflict (never Synced), and a later merge keeps it until the rep chooses', () => {
	const first = merged(
		linked({details: 'ask about budget'}),
		{details: T0_MS + 1000},
		{Description: 'new description'},
	);
	expect(first.reminder.syncState).toBe('conflict');
	// The next pull of the same Task, nothing new from either side: still waiting for the rep.
	const again = decideRow(
		facts({
			reminder: first.reminder,
			row: row({
				SystemModstamp: '2026-03-05T10:00:09.000+0000',
				LastModifiedDate: '2026-03-05T10:00:09.000+0000',
				Description: 'new description',
				ActivityDate: '2026-03-10',
			}),
		}),
		page,
	);
	if (again.outcome.kind !== 'merge') throw new Error(kind(again));
	expect(again.outcome.reminder).toMatchObject({dueDate: '2026-03-10', syncState: 'conflict'});
	expect(again.outcome.reminder.overruled?.mine).toEqual({details: 'ask about budget'});
});

test('R58: a second field overruled later joins the first; the rep’s value is the one that lost', () => {
	const first = merged(
		linked({details: 'ask about budget'}),
		{details: T0_MS + 1000},
		{Description: 'new description'},
	);
	const second = merged(
		{...first.reminder, dueDate: '2026-03-12'},
		{...first.reminder.editedAt, dueDate: T0_MS + 2000},
		{
			Description: 'new description',
			ActivityDate: '2026-03-10',
			SystemModstamp: '2026-03-05T10:00:09.000+0000',
			LastModifiedDate: '2026-03-05T10:00:09.000+0000',
		},
	);
	expect(second.reminder.overruled?.mine).toEqual({details: 'ask about budget', dueDate: '2026-03-12'});
	expect(second.reminder.overruled?.theirs).toEqual({details: 'new description', dueDate: '2026-03-10'});
});

test('R58: a conflict the rep’s later edit won keeps nothing aside: their value is the one that goes', () => {
	const outcome = merged(linked({details: 'mine'}), {details: T0_MS + 60_000}, {Description: 'theirs'});
	expect(outcome.reminder.overruled).toBeUndefined();
});
