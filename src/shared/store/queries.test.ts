import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from './db.js';
import {addReminder, deleteReminder} from './local-edits.js';
import {
	dueReminders,
	dueTodayCount,
	exportAll,
	listReminders,
	localDateString,
	pendingCount,
	readyToPushCount,
} from './queries.js';
import type {Reminder} from './schema.js';
import {openTestDb} from './test-db.js';

let db: TicklerDb;
beforeEach(() => {
	db = openTestDb();
});
afterEach(() => {
	db.close();
});

test('R22: due reminders are split into overdue, today and tomorrow; tombstones and completed ones are hidden', async () => {
	const days = {today: '2026-03-05', tomorrow: '2026-03-06'};
	await addReminder(db, {name: 'late', dueDate: '2026-03-01'});
	await addReminder(db, {name: 'now', dueDate: '2026-03-05'});
	await addReminder(db, {name: 'next', dueDate: '2026-03-06'});
	await addReminder(db, {name: 'later', dueDate: '2026-03-07'});
	await addReminder(db, {name: 'none', dueDate: null});
	await addReminder(db, {name: 'done', dueDate: '2026-03-05', status: 'complete'});
	const gone = await addReminder(db, {name: 'gone', dueDate: '2026-03-05'});
	await deleteReminder(db, gone.id);
	const due = await dueReminders(db, 'local', days);
	expect(due.overdue.map(r => r.name)).toEqual(['late']);
	expect(due.today.map(r => r.name)).toEqual(['now']);
	expect(due.tomorrow.map(r => r.name)).toEqual(['next']);
	expect(await dueTodayCount(db, 'local', days.today)).toBe(2);
	expect((await listReminders(db, 'local')).length).toBe(6);
	expect(await pendingCount(db, 'local')).toBe(0);
	const exported = await exportAll(db, 0);
	expect(exported.reminders.length).toBe(7);
	expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
});

test('R11: the local date string uses the local calendar, not UTC', () => {
	const d = new Date(2026, 2, 5, 23, 30);
	expect(localDateString(d)).toBe('2026-03-05');
});

test('R22: the popup query paints in well under 150 ms with 20,000 reminders stored', async () => {
	const rows: Reminder[] = [];
	for (let i = 0; i < 20_000; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		rows.push({
			id: `r${i}`,
			partition: i % 2 ? 'P1' : 'P2',
			name: `n${i}`,
			status: i % 3 ? 'open' : 'complete',
			priority: 'normal',
			dueDate: `2026-0${1 + (Math.floor(i / 2000) % 9)}-${day}`,
			details: '',
			createdAt: 0,
			updatedAt: 0,
			editedAt: {},
			origin: 'salesforce',
			localOnly: false,
			syncState: 'synced',
		});
	}

	await db.reminders.bulkPut(rows);
	const started = performance.now();
	const due = await dueReminders(db, 'P1', {today: '2026-01-03', tomorrow: '2026-01-04'});
	const elapsed = performance.now() - started;
	expect(due.overdue.length + due.today.length + due.tomorrow.length).toBeGreaterThan(0);
	expect(elapsed).toBeLessThan(150);
	expect(due.overdue.every(r => r.partition === 'P1' && r.status === 'open')).toBe(true);
}, 60_000);

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
