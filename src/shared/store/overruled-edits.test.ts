import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from './open-db.js';
import {keepMine, keepTheirs, NothingOverruledError} from './overruled-edits.js';
import {ReminderNotFoundError} from './local-edits.js';
import {overruledReminders} from './queries.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {aReminder, syncedBase} from '../../../test/fakes/reminder-builder.js';
import {TEST_PARTITION_ID} from '../../../test/fakes/partition.js';

let db: TicklerDb;
beforeEach(() => {
	db = openTestDb('overruled-edits');
});
afterEach(async () => {
	await Promise.all(db.tables.map(table => table.clear()));
	db.close();
});

/** "Check in with Dan" after Salesforce's later edit won its details and due date (R16), as the merge leaves it. */
async function overruled() {
	const reminder = aReminder({
		name: 'Check in with Dan',
		taskId: '00T000000000001AAA',
		details: 'new description',
		dueDate: '2026-12-10',
		syncState: 'conflict',
		editedAt: {details: 5, dueDate: 5},
		overruled: {
			at: 10,
			mine: {details: 'ask about budget', dueDate: '2026-12-09'},
			theirs: {details: 'new description', dueDate: '2026-12-10'},
		},
	});
	reminder.base = syncedBase(reminder);
	await db.reminders.put(reminder);
	return reminder;
}

test('R58: Keep mine makes the rep’s values a new edit, queued for Salesforce, and nothing is left to choose', async () => {
	const r = await overruled();
	const kept = await keepMine(db, r.id, {now: 1000});
	expect(kept).toMatchObject({details: 'ask about budget', dueDate: '2026-12-09', syncState: 'pending'});
	expect(kept.editedAt).toMatchObject({details: 1000, dueDate: 1000});
	expect(kept.overruled).toBeUndefined();
	expect((await db.outbox.get(r.id))?.fields.sort()).toEqual(['details', 'dueDate']);
	expect(await overruledReminders(db, TEST_PARTITION_ID)).toEqual([]);
});

test('R58: Keep Salesforce’s drops the rep’s values: Salesforce’s stay, nothing to send, in step again', async () => {
	const r = await overruled();
	const kept = await keepTheirs(db, r.id);
	expect(kept).toMatchObject({details: 'new description', dueDate: '2026-12-10', syncState: 'synced'});
	expect(kept.overruled).toBeUndefined();
	expect(await db.outbox.get(r.id)).toBeUndefined();
});

test('R58: until the rep chooses, the values are listed (latest first) and survive a reopen of the database', async () => {
	const r = await overruled();
	const later = aReminder({id: 'r2', overruled: {at: 20, mine: {name: 'Mine'}, theirs: {name: 'Theirs'}}});
	await db.reminders.put(later);
	expect((await overruledReminders(db, TEST_PARTITION_ID)).map(reminder => reminder.id)).toEqual(['r2', r.id]);
	db.close();
	await db.open();
	expect((await db.reminders.get(r.id))?.overruled?.mine).toEqual({details: 'ask about budget', dueDate: '2026-12-09'});
});

test('R58: a second choice, or one about a deleted reminder, is refused and changes nothing', async () => {
	const r = await overruled();
	await keepTheirs(db, r.id);
	const after = await db.reminders.get(r.id);
	await expect(keepMine(db, r.id)).rejects.toBeInstanceOf(NothingOverruledError);
	expect(await db.reminders.get(r.id)).toEqual(after);
	await db.reminders.update(r.id, {deletedAt: 1});
	await expect(keepTheirs(db, r.id)).rejects.toBeInstanceOf(ReminderNotFoundError);
});
