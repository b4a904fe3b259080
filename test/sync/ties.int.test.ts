/**
 * R36: whole-second SystemModstamps (salesforce-facts.md §13.6). One write stamps all its rows alike, so a
 * tie of equal stamps can straddle a 2,000-row query page and the checkpoint committed with that page.
 * No pull misses or repeats a row in a tie — across a stopped worker, a later write within the cursor's
 * second, deletions and conflicts.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import {editReminder} from '@/shared/store/local-edits.js';
import {syncHistory} from '@/shared/store/queries.js';
import {insertTasksInOneSecond} from '../org/seed.js';
import {startHarness, type Harness} from './harness.js';
import {stoppingPort, wrapPort} from './port-wrappers.js';

const SECOND = 1000;
let h: Harness;
beforeEach(async () => {
	h = await startHarness();
	await h.enable();
	await h.sync(); // the first sync (empty): from now on every pull is a queryAll from the checkpoint
	h.org.clock.advance(2 * SECOND);
});
afterEach(async () => {
	await h.close();
});

/** Runs one cycle whose worker is stopped before its first `queryMore` leaves: only page 1 is applied. */
async function syncOnlyFirstPage(): Promise<void> {
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = stoppingPort(sf, 2, 'before-send'); // 1: identity, 2: the queryAll; the queryMore never leaves
	const stopped = await h.sync();
	expect(stopped.outcome).toBe('failed');
	h.restart();
}

async function checkpointStamp(): Promise<number> {
	const checkpoint = await h.db.checkpoints.get(h.partition);
	return parseSalesforceDateTime(checkpoint?.systemModstamp ?? '');
}

async function expectEveryTaskOnce(): Promise<void> {
	const reminders = await h.reminders();
	const taskIds = reminders.map(r => r.taskId);
	expect(new Set(taskIds).size).toBe(taskIds.length);
	expect(new Set(taskIds)).toEqual(new Set(h.repTasks().map(t => t.Id)));
}

test('R36: a 2,000-row page ends inside a tie, the worker stops after its checkpoint, and a write later in that second with a lower Id — every row imported once, none missed', async () => {
	const earlier = insertTasksInOneSecond(h.org, h.repId, 1_000, i => ({Subject: `earlier ${i}`}));
	h.org.clock.advance(SECOND);
	const tied = insertTasksInOneSecond(h.org, h.repId, 2_500, i => ({Subject: `tied ${i}`}));
	const tieStamp = h.org.getTask(tied[0] ?? '')?.SystemModstamp ?? 0;
	expect(new Set(tied.map(id => h.org.getTask(id)?.SystemModstamp)).size).toBe(1);

	await syncOnlyFirstPage();
	// Page 1 = the 1,000 earlier rows + the first 1,000 of the tie; its checkpoint sits inside the tie.
	expect(await h.reminders()).toHaveLength(2_000);
	expect(await checkpointStamp()).toBe(tieStamp);

	// Later within the same second: a Task with a lower Id than every tied row (the checkpoint's row
	// included) and one already imported from the tie are edited by another user — same stamp as the cursor.
	h.org.clock.set(new Date(tieStamp + 400));
	const lowId = earlier[0] ?? '';
	const importedTied = tied[0] ?? '';
	h.org.updateTask(h.org.users.rep2.id, lowId, {Description: 'late in the tie second'});
	h.org.updateTask(h.org.users.rep2.id, importedTied, {Description: 'edited in the same second'});
	expect(h.org.getTask(importedTied)?.SystemModstamp).toBe(tieStamp);

	const resumed = await h.sync();
	expect(resumed.outcome).toBe('ok');
	expect(await h.reminders()).toHaveLength(3_500);
	await expectEveryTaskOnce();
	const byTask = new Map((await h.reminders()).map(r => [r.taskId, r]));
	expect(byTask.get(lowId)?.details).toBe('late in the tie second');
	// Its base stamp equals the stamp it was imported with: only its content shows the second write.
	expect(byTask.get(importedTied)?.details).toBe('edited in the same second');
	expect(byTask.get(tied.at(-1))?.name).toBe('tied 2499');

	// A further idle poll re-reads the tie second and applies nothing twice.
	const idle = await h.sync();
	expect(idle).toMatchObject({outcome: 'ok', pulled: 0, deleted: 0, conflicts: 0});
	expect(await h.reminders()).toHaveLength(3_500);
});

test('R36: deletions in a tie that straddles a page and a stopped worker — each reminder deleted once, the count is not repeated', async () => {
	const tied = insertTasksInOneSecond(h.org, h.repId, 2_300, i => ({Subject: `tied ${i}`}));
	await h.sync();
	expect(await h.reminders()).toHaveLength(2_300);
	h.org.clock.advance(2 * SECOND);
	const doomed = tied.slice(100);
	// One write deletes 2,200 Tasks: they share one stamp; the next pull re-reads the 100 live tied rows
	// of the cursor's second first, so page 1 ends 1,900 rows into the deletion tie.
	h.org.tasks.oneWrite(() => {
		for (const id of doomed) h.org.tasks.delete(h.org.users.rep2.id, id);
	});
	h.org.changed();

	await syncOnlyFirstPage();
	expect(await h.reminders()).toHaveLength(2_300 - 1_900);
	const resumed = await h.sync();
	expect(resumed.outcome).toBe('ok');
	expect(await h.reminders()).toHaveLength(100);
	await expectEveryTaskOnce();
	const history = await syncHistory(h.db, h.partition, 3);
	// The stopped cycle deleted 1,900, the resumed one the other 300: 2,200 in all, none counted twice.
	expect(history.reduce((sum, row) => sum + row.deleted, 0)).toBe(2_200);
	expect(resumed.deleted).toBe(300);
});

test('R36: an idle poll after one 200-record write is one request that re-reads only that second; nothing is re-applied or re-logged', async () => {
	insertTasksInOneSecond(h.org, h.repId, 200);
	await h.sync();
	const before = await h.reminders();
	let rowsRead = 0;
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		after(call, result) {
			if (call.method === 'query') rowsRead += (result as {records: unknown[]}).records.length;
		},
	});
	h.org.clock.advance(60 * SECOND);
	const idle = await h.sync('alarm');
	expect(idle).toMatchObject({outcome: 'ok', apiRequests: 1, pulled: 0, pushed: 0, deleted: 0, conflicts: 0});
	// The price of never missing a write committed late in the cursor's second: its 200 rows come again.
	expect(rowsRead).toBe(200);
	const after = await h.reminders();
	expect(after.map(r => [r.id, r.updatedAt, r.syncState])).toEqual(before.map(r => [r.id, r.updatedAt, r.syncState]));
});

test('R36: a Salesforce edit in the same second as the applied row, against a local edit, is one conflict — re-reading the tie never logs it again', async () => {
	const [id] = insertTasksInOneSecond(h.org, h.repId, 1, () => ({Subject: 'tie conflict', Description: 'v0'}));
	await h.sync();
	const stamp = h.org.getTask(id ?? '')?.SystemModstamp ?? 0;
	const reminder = await h.reminderNamed('tie conflict');
	// Salesforce edits within the applied second (same stamp); the local edit comes after it.
	h.org.clock.set(new Date(stamp + 500));
	h.org.updateTask(h.org.users.rep2.id, id ?? '', {Description: 'salesforce, same second'});
	expect(h.org.getTask(id ?? '')?.SystemModstamp).toBe(stamp);
	h.org.clock.set(new Date(stamp + 3 * SECOND));
	await editReminder(h.db, reminder.id, {details: 'local, later'}, {now: h.clock.now()});
	const first = await h.sync();
	expect(first.conflicts).toBe(1);
	expect(h.org.getTask(id ?? '')?.Description).toBe('local, later');
	for (let i = 0; i < 2; i++) {
		h.org.clock.advance(SECOND);
		expect((await h.sync()).conflicts).toBe(0);
	}

	expect(await h.db.conflicts.where('reminderId').equals(reminder.id).count()).toBe(1);
	expect((await h.reminderNamed('tie conflict')).details).toBe('local, later');
});
