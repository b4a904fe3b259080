/**
 * R37: Tasks Tickler can no longer read or write — reassigned to another user or a queue, hidden by a
 * sharing change, refused by a validation rule. The reminder is marked with the reason and a hint, the
 * others keep syncing, nothing is lost and nothing loops (no request per cycle for it).
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {deleteReminder, editReminder} from '@/shared/store/local-edits.js';
import {syncHistory} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';

const SECOND = 1000;
const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

test('R37: a Task reassigned to another user is not a deletion — the weekly reconciliation marks its reminder (reason + hint), local edits and deletes stay local, and it syncs again once it is assigned back', async () => {
	const moved = h.org.createTask(h.repId, {Subject: 'moved away', Description: 'v0'});
	h.org.createTask(h.repId, {Subject: 'stays'});
	await h.enable();
	await h.sync();
	h.org.clock.advance(5 * SECOND);
	h.org.updateTask(h.org.users.admin.id, moved.Id, {OwnerId: h.org.users.rep2.id});

	// The poll filters OwnerId = me: the reassignment is simply not seen, and costs nothing per cycle.
	const poll = await h.sync('alarm');
	expect(poll).toMatchObject({outcome: 'ok', apiRequests: 1});
	expect((await h.reminderNamed('moved away')).syncState).toBe('synced');

	// The weekly reconciliation (R15) looks the linked Tasks up by Id: reassigned → kept and marked.
	h.org.clock.advance(8 * DAY);
	h.signIn();
	const reconciled = await h.sync('alarm');
	expect(reconciled.outcome).toBe('ok');
	const marked = await h.reminderNamed('moved away');
	expect(marked).toMatchObject({syncState: 'error', localOnly: true, taskId: moved.Id, details: 'v0'});
	expect(marked.error).toMatchObject({code: 'TASK_NOT_YOURS'});
	expect(marked.error?.message).toMatch(/someone else or to a queue/);
	expect(marked.error?.hint).toMatch(/assigned back/);
	expect((await h.reminderNamed('stays')).syncState).toBe('synced');
	const [last] = await syncHistory(h.db, h.partition, 1);
	expect(last?.notes.join(' ')).toMatch(/R37: 1 reminder\(s\) marked/);

	// Nothing loops: later cycles are one request each and never touch the Task.
	h.org.resetRequestLog();
	await editReminder(h.db, marked.id, {details: 'edited while not mine'}, {now: h.clock.now()});
	for (let i = 0; i < 3; i++) {
		h.org.clock.advance(60 * SECOND);
		expect(await h.sync('alarm')).toMatchObject({outcome: 'ok', apiRequests: 1, pushed: 0});
	}

	expect(h.org.getTask(moved.Id)?.Description).toBe('v0');
	expect(h.org.requests.filter(r => r.method !== 'GET')).toHaveLength(0);
	expect((await h.reminderNamed('moved away')).syncState).toBe('error');

	// Assigned back: the pull reads it again, the reminder is linked back and its local edit goes up.
	h.org.updateTask(h.org.users.admin.id, moved.Id, {OwnerId: h.repId});
	h.org.clock.advance(SECOND);
	await h.sync();
	const back = await h.reminderNamed('moved away');
	expect(back).toMatchObject({localOnly: false, syncState: 'synced', taskId: moved.Id});
	expect(back.error).toBeUndefined();
	expect(h.org.getTask(moved.Id)?.Description).toBe('edited while not mine');
	expect(new Set((await h.reminders()).map(r => r.taskId)).size).toBe(2);
});

test('R37: deleting the reminder of a reassigned Task deletes nothing in Salesforce', async () => {
	const moved = h.org.createTask(h.repId, {Subject: 'not mine any more'});
	await h.enable();
	await h.sync();
	h.org.updateTask(h.org.users.admin.id, moved.Id, {OwnerId: h.org.users.rep2.id});
	h.org.clock.advance(8 * DAY);
	h.signIn();
	await h.sync();
	const marked = await h.reminderNamed('not mine any more');
	expect(marked.error?.code).toBe('TASK_NOT_YOURS');
	await deleteReminder(h.db, marked.id, {now: h.clock.now()});
	const cycle = await h.sync();
	expect(cycle).toMatchObject({outcome: 'ok', apiRequests: 1});
	expect(await h.reminders()).toHaveLength(0);
	expect(h.org.getTask(moved.Id)?.IsDeleted).toBe(false);
});
