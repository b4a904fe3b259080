import {expect, test} from 'vitest';
import type {Reminder} from '@/shared/store/schema.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';
import {groupAll, sendConfirmation} from './groups.js';

let seq = 0;
function reminder(fields: Partial<Reminder>): Reminder {
	seq++;
	return aReminder({
		id: `r${seq}`,
		name: `reminder ${seq}`,
		createdAt: seq,
		updatedAt: seq,
		syncState: 'synced',
		...fields,
	});
}

const names = (rows: Reminder[]) => rows.map(row => row.name);

test('R44: later, undated, completed and local-only reminders each have a group; tombstones none', () => {
	const rows = [
		reminder({name: 'next month', dueDate: '2026-04-05'}),
		reminder({name: 'overdue', dueDate: '2026-02-01'}),
		reminder({name: 'someday'}),
		reminder({name: 'done long ago', status: 'complete', dueDate: '2026-01-01', updatedAt: 10}),
		reminder({name: 'done just now', status: 'complete', updatedAt: 99}),
		reminder({name: 'from before sync', localOnly: true, syncState: 'local-only', dueDate: '2026-03-10'}),
		reminder({name: 'deleted', dueDate: '2026-03-01', deletedAt: 5}),
	];
	const grouped = groupAll(rows);
	expect(names(grouped.upcoming)).toEqual(['overdue', 'from before sync', 'next month']);
	expect(names(grouped.undated)).toEqual(['someday']);
	expect(names(grouped.completed)).toEqual(['done just now', 'done long ago']);
	expect(names(grouped['local-only'])).toEqual(['from before sync']);
	// Nothing visible is out of sight (R44).
	const shown = new Set(Object.values(grouped).flatMap(names));
	expect(rows.filter(row => row.deletedAt === undefined).every(row => shown.has(row.name))).toBe(true);
});

test("R37/R44: a reminder whose Task is no longer the rep's is shown but never offered for sending (no second Task)", () => {
	const detached = reminder({name: 'reassigned', localOnly: true, taskId: '00T000000000001AAA', syncState: 'error'});
	const grouped = groupAll([detached, reminder({name: 'old', localOnly: true, syncState: 'local-only'})]);
	expect(names(grouped.undated)).toEqual(['old', 'reassigned']);
	expect(names(grouped['local-only'])).toEqual(['old']);
});

test('R44: search matches the name, ignoring case and accents, in every group', () => {
	const rows = [
		reminder({name: 'Call José', dueDate: '2026-03-05'}),
		reminder({name: 'Email jose the quote', status: 'complete'}),
		reminder({name: 'Book travel'}),
	];
	const grouped = groupAll(rows, '  JOSE ');
	expect(names(grouped.upcoming)).toEqual(['Call José']);
	expect(names(grouped.completed)).toEqual(['Email jose the quote']);
	expect(grouped.undated).toEqual([]);
});

test('R44: the send confirmation says how many Tasks it creates', () => {
	expect(sendConfirmation(1)).toBe('This creates 1 Task in Salesforce, owned by you.');
	expect(sendConfirmation(12)).toBe('This creates 12 Tasks in Salesforce, owned by you.');
});
