/** R43 against the local org over HTTP: a delete the rep can undo waits out the offer, then goes exactly once. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {deleteReminder, undoDelete} from '@/shared/store/local-edits.js';
import {DELETE_HOLD_MS} from '@/shared/store/outbox.js';
import {heldDeleteReadyAt} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

function deleteRequests(): number {
	return h.org.requests.filter(entry => entry.method === 'DELETE').length;
}

test('R43: cycles during the Undo offer leave the Task alone; Undo restores the reminder with its link', async () => {
	const task = h.org.createTask(h.repId, {Subject: 'keep me'});
	await h.enable();
	await h.sync();
	const reminder = await h.reminderNamed('keep me');
	await deleteReminder(h.db, reminder.id, {now: h.clock.now(), heldForUndo: true});
	await h.sync('local-change');
	h.org.clock.advance(DELETE_HOLD_MS - 1000);
	await h.sync('alarm');
	expect(h.org.getTask(task.Id)?.IsDeleted).toBe(false);
	const restored = await undoDelete(h.db, reminder.id, {now: h.clock.now()});
	expect(restored).toMatchObject({taskId: task.Id, syncState: 'synced', name: 'keep me'});
	h.org.clock.advance(60_000);
	await h.sync('alarm');
	expect(h.org.getTask(task.Id)?.IsDeleted).toBe(false);
	expect((await h.reminderNamed('keep me')).taskId).toBe(task.Id);
	expect(await h.db.outbox.count()).toBe(0);
});

test('R43: once the offer has passed the delete goes — after a browser restart too — exactly once', async () => {
	const task = h.org.createTask(h.repId, {Subject: 'delete me'});
	await h.enable();
	await h.sync();
	const reminder = await h.reminderNamed('delete me');
	const deletedAt = h.clock.now();
	await deleteReminder(h.db, reminder.id, {now: deletedAt, heldForUndo: true});
	expect(await heldDeleteReadyAt(h.db, h.partition, deletedAt)).toBe(deletedAt + DELETE_HOLD_MS);
	await h.sync('local-change');
	expect(h.org.getTask(task.Id)?.IsDeleted).toBe(false);
	// The popup closed and the browser with it: the held delete is in IndexedDB, nowhere else.
	h.reopenDb();
	h.restart();
	h.org.clock.advance(DELETE_HOLD_MS);
	const before = deleteRequests();
	await h.sync('alarm');
	expect(h.org.getTask(task.Id)?.IsDeleted).toBe(true);
	expect(await h.db.reminders.count()).toBe(0);
	expect(await h.db.outbox.count()).toBe(0);
	await h.sync('alarm');
	expect(deleteRequests() - before).toBe(1);
	await expect(undoDelete(h.db, reminder.id)).rejects.toThrow(/Undo offer has passed/);
});
