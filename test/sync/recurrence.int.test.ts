/**
 * R35: recurring Tasks (salesforce-facts.md §13.5). Occurrences are ordinary Tasks and sync; series masters
 * do not (R1). A pattern change deletes the open occurrences and creates new ones: the reminders follow,
 * with no duplicate and nothing resurrected. Tickler never sends a field Salesforce refuses on an occurrence.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {completeReminder, deleteReminder, editReminder} from '@/shared/store/local-edits.js';
import {startHarness, type Harness} from './harness.js';

const SECOND = 1000;
let h: Harness;
beforeEach(async () => {
	h = await startHarness(); // 2026-03-05, a Thursday
});
afterEach(async () => {
	await h.close();
});

/** Mondays and Thursdays, 5–19 March 2026: five occurrences. */
const series = {
	IsRecurrence: true,
	Subject: 'Pipeline review',
	RecurrenceType: 'RecursWeekly',
	RecurrenceInterval: 1,
	RecurrenceDayOfWeekMask: 2 + 16,
	RecurrenceStartDateOnly: '2026-03-05',
	RecurrenceEndDateOnly: '2026-03-19',
};

function occurrences(masterId: string) {
	return h.repTasks().filter(t => t['RecurrenceActivityId'] === masterId && !t.IsDeleted);
}

async function dueDates(): Promise<Array<string | null>> {
	return (await h.reminders()).map(r => r.dueDate).sort();
}

test('R35: occurrences import as reminders, the master does not; a pattern change replaces the open ones — no duplicate, nothing resurrected, a completed one kept', async () => {
	const master = h.org.createTask(h.repId, series);
	expect(occurrences(master.Id)).toHaveLength(5);
	await h.enable();
	await h.sync();
	expect(await dueDates()).toEqual(['2026-03-05', '2026-03-09', '2026-03-12', '2026-03-16', '2026-03-19']);
	expect((await h.reminders()).some(r => r.taskId === master.Id)).toBe(false);

	// Completed locally and pushed: a closed occurrence survives the pattern change.
	const first = (await h.reminders()).find(r => r.dueDate === '2026-03-05');
	await completeReminder(h.db, first?.id ?? '', {now: h.clock.now()});
	await h.sync();
	const closedId = first?.taskId ?? '';
	expect(h.org.getTask(closedId)?.IsClosed).toBe(true);

	// A local edit of an open occurrence is still queued when the series changes in Salesforce.
	const edited = (await h.reminders()).find(r => r.dueDate === '2026-03-09');
	await editReminder(h.db, edited?.id ?? '', {details: 'prep slides'}, {now: h.clock.now()});
	h.org.clock.advance(5 * SECOND);
	const oldOpen = occurrences(master.Id)
		.filter(t => !t.IsClosed)
		.map(t => t.Id);
	h.org.updateTask(h.repId, master.Id, {RecurrenceDayOfWeekMask: 4}); // Tuesdays only
	const newOpen = occurrences(master.Id).filter(t => !t.IsClosed);
	expect(newOpen.map(t => t.ActivityDate)).toEqual(['2026-03-10', '2026-03-17']);

	const cycle = await h.sync();
	expect(cycle.outcome).toBe('ok');
	// R14/R16: the deleted occurrences' reminders go, even the one with a local edit; the new ones come.
	expect(await dueDates()).toEqual(['2026-03-05', '2026-03-10', '2026-03-17']);
	const taskIds = (await h.reminders()).map(r => r.taskId);
	expect(new Set(taskIds)).toEqual(new Set([closedId, ...newOpen.map(t => t.Id)]));
	expect(new Set(taskIds).size).toBe(taskIds.length);
	// Nothing resurrected: the old occurrences stay deleted, the local edit never reached them.
	for (const id of oldOpen) expect(h.org.getTask(id)?.IsDeleted).toBe(true);
	expect(h.org.getTask(edited?.taskId ?? '')?.Description).toBeNull();

	// Settled: another cycle changes nothing and creates nothing.
	h.org.clock.advance(5 * SECOND);
	expect(await h.sync()).toMatchObject({outcome: 'ok', pulled: 0, pushed: 0, deleted: 0});
	expect(h.repTasks().filter(t => !t.IsDeleted)).toHaveLength(1 + 1 + 2); // master + closed + two new
});

test('R35: every synced field of an occurrence edited locally is accepted by Salesforce; deleting its reminder deletes only that occurrence', async () => {
	const master = h.org.createTask(h.repId, series);
	await h.enable();
	await h.sync();
	const reminder = (await h.reminders()).find(r => r.dueDate === '2026-03-12');
	const id = reminder?.id ?? '';
	await editReminder(
		h.db,
		id,
		{name: 'Pipeline review (moved)', status: 'complete', priority: 'high', dueDate: '2026-03-13', details: 'notes'},
		{now: h.clock.now()},
	);
	const pushed = await h.sync();
	expect(pushed.errors).toEqual([]);
	const after = (await h.reminders()).find(r => r.id === id);
	expect(after?.syncState).toBe('synced');
	const task = h.org.getTask(reminder?.taskId ?? '');
	expect(task).toMatchObject({
		Status: 'Completed',
		Priority: 'High',
		ActivityDate: '2026-03-13',
		Description: 'notes',
		RecurrenceActivityId: master.Id,
	});

	const other = (await h.reminders()).find(r => r.dueDate === '2026-03-16');
	await deleteReminder(h.db, other?.id ?? '', {now: h.clock.now()});
	expect((await h.sync()).errors).toEqual([]);
	expect(h.org.getTask(other?.taskId ?? '')?.IsDeleted).toBe(true);
	expect(h.org.getTask(master.Id)?.IsDeleted).toBe(false);
	expect(occurrences(master.Id)).toHaveLength(4);
	expect(await h.reminders()).toHaveLength(4);
});

/** "Repeat This Task" a week after the due date (salesforce-facts.md §14.3). */
const repeating = {
	Subject: 'Call back Carla',
	ActivityDate: '2026-03-05',
	RecurrenceRegeneratedType: 'RecurrenceRegenerateAfterDueDate',
	RecurrenceInterval: 7,
};

async function namedReminders(name: string) {
	return (await h.reminders())
		.filter(r => r.name === name)
		.sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)));
}

test('R35/§14.3: completing a repeating Task in Tickler — Salesforce makes the next one in the same save, and it is imported exactly once', async () => {
	h.org.createTask(h.repId, repeating);
	await h.enable();
	await h.sync();
	const [first] = await namedReminders('Call back Carla');
	await completeReminder(h.db, first?.id ?? '', {now: h.clock.now()});
	const pushed = await h.sync('local-change');
	expect(pushed.errors).toEqual([]);
	// The next Task carries the same whole-second stamp as the pushed close: a tie the pull must not skip.
	const next = h.repTasks().find(t => t.Subject === 'Call back Carla' && !t.IsClosed);
	expect(next?.ActivityDate).toBe('2026-03-12');
	for (let i = 0; i < 3; i++) {
		h.org.clock.advance(60 * SECOND);
		await h.sync('alarm');
	}
	const reminders = await namedReminders('Call back Carla');
	expect(reminders.map(r => [r.dueDate, r.status, r.taskId])).toEqual([
		['2026-03-05', 'complete', first?.taskId],
		['2026-03-12', 'open', next?.Id],
	]);
	expect(h.repTasks().filter(t => t.Subject === 'Call back Carla')).toHaveLength(2);
});

test('R35/§14.3: a repeating Task closed in Salesforce — the pull closes its reminder and imports the next Task exactly once', async () => {
	const task = h.org.createTask(h.repId, repeating);
	await h.enable();
	await h.sync();
	h.org.clock.advance(5 * SECOND);
	h.org.updateTask(h.repId, task.Id, {Status: 'Completed'});
	for (let i = 0; i < 3; i++) {
		h.org.clock.advance(60 * SECOND);
		expect((await h.sync('alarm')).outcome).toBe('ok');
	}
	const reminders = await namedReminders('Call back Carla');
	expect(reminders.map(r => [r.dueDate, r.status])).toEqual([
		['2026-03-05', 'complete'],
		['2026-03-12', 'open'],
	]);
	expect(new Set(reminders.map(r => r.taskId)).size).toBe(2);
});
