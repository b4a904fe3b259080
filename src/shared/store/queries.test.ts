import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from './open-db.js';
import {
	countReminders,
	dueTodayCount,
	exportAll,
	heldDeleteReadyAt,
	listReminders,
	pendingCount,
	readyToPushCount,
	reminderNames,
} from './queries.js';
import {localDateString} from '../local-date.js';
import {MIX_DAYS, openTestDb, seedDueMix} from '../../../test/fakes/test-db.js';

let db: TicklerDb;
beforeEach(() => {
	db = openTestDb();
});
afterEach(() => {
	db.close();
});

test('R22: the toolbar count, the list of visible reminders and the export skip nothing and hide tombstones', async () => {
	await seedDueMix(db);
	expect(await dueTodayCount(db, 'local', MIX_DAYS.today)).toBe(2);
	expect((await listReminders(db, 'local')).length).toBe(6);
	expect(await pendingCount(db, 'local')).toBe(0);
	const exported = await exportAll(db, 0);
	expect(exported.reminders.length).toBe(7);
	expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
});

test('Settings counts visible reminders without reading them: tombstones and other partitions are left out', async () => {
	await seedDueMix(db);
	const other = (await listReminders(db, 'local'))[0]!;
	await db.reminders.put({...other, id: 'elsewhere', partition: 'P2'});
	await db.reminders.put({...other, id: 'elsewhere-gone', partition: 'P2', deletedAt: 5});
	expect(await countReminders(db, 'local')).toBe((await listReminders(db, 'local')).length);
	expect(await countReminders(db, 'local')).toBe(6);
	expect(await countReminders(db, 'P2')).toBe(1);
	expect(await countReminders(db, 'nobody')).toBe(0);
});

test('reminderNames names the listed ids once each and skips ids no longer stored', async () => {
	await seedDueMix(db);
	const [first, second] = await listReminders(db, 'local');
	const names = await reminderNames(db, [first!.id, second!.id, first!.id, 'missing']);
	expect([...names]).toEqual([
		[first!.id, first!.name],
		[second!.id, second!.name],
	]);
});

test('R11: the local date string uses the local calendar, not UTC', () => {
	const d = new Date(2026, 2, 5, 23, 30);
	expect(localDateString(d)).toBe('2026-03-05');
});

test('R19/R21: entries waiting out a retry or parked are pending but not ready to push', async () => {
	const base = {partition: 'P', create: false, fields: [], delete: true, attempts: 0, enqueuedAt: 0};
	await db.outbox.bulkPut([
		{...base, reminderId: 'ready', parked: 0, nextAttemptAt: 0},
		{...base, reminderId: 'waiting', parked: 0, nextAttemptAt: 5000},
		{...base, reminderId: 'parked', parked: 1, nextAttemptAt: 0},
	]);
	expect(await pendingCount(db, 'P')).toBe(2);
	expect(await readyToPushCount(db, 'P', 1000)).toBe(1);
	expect(await readyToPushCount(db, 'P', 5000)).toBe(2);
});

test('R43: a delete held for its Undo offer is pending, not ready, and tells the schedule when it will be', async () => {
	const base = {
		partition: 'P',
		create: false,
		fields: [],
		delete: true,
		attempts: 0,
		enqueuedAt: 0,
		parked: 0 as const,
	};
	await db.outbox.bulkPut([
		{...base, reminderId: 'held-late', nextAttemptAt: 0, notBefore: 20_000},
		{...base, reminderId: 'held-soon', nextAttemptAt: 0, notBefore: 12_000},
		{...base, reminderId: 'edit', delete: false, fields: ['name'], nextAttemptAt: 0},
	]);
	expect(await pendingCount(db, 'P')).toBe(3);
	expect(await readyToPushCount(db, 'P', 10_000)).toBe(1);
	expect(await heldDeleteReadyAt(db, 'P', 10_000)).toBe(12_000);
	expect(await heldDeleteReadyAt(db, 'P', 15_000)).toBe(20_000);
	expect(await heldDeleteReadyAt(db, 'P', 20_000)).toBeUndefined();
	expect(await readyToPushCount(db, 'P', 20_000)).toBe(3);
});
