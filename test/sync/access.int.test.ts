/**
 * R37: Tasks Tickler can no longer read or write — reassigned to another user or a queue, hidden by a
 * sharing change, refused by a validation rule. The reminder is marked with the reason and a hint, the
 * others keep syncing, nothing is lost and nothing loops (no request per cycle for it).
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {addReminder, deleteReminder, editReminder, retryReminder} from '@/shared/store/local-edits.js';
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

test('R37: a Task moved to a queue the rep is not in — the push of a local edit is refused, one lookup by Id marks the reminder "no access" with a hint, the other reminder of the batch syncs, and nothing loops', async () => {
	const hidden = h.org.createTask(h.repId, {Subject: 'to the queue', Description: 'v0'});
	const fine = h.org.createTask(h.repId, {Subject: 'still mine'});
	await h.enable();
	await h.sync();
	const queue = h.org.addQueue('Inbound leads', [h.org.users.rep2.id]);
	h.org.changeTaskOwner(hidden.Id, queue);
	await editReminder(h.db, (await h.reminderNamed('to the queue')).id, {details: 'my note'}, {now: h.clock.now()});
	await editReminder(h.db, (await h.reminderNamed('still mine')).id, {priority: 'high'}, {now: h.clock.now()});
	h.org.clock.advance(SECOND);
	h.org.resetRequestLog();
	const cycle = await h.sync();
	expect(cycle.outcome).toBe('ok');
	// The poll, the update batch, and one Id lookup for the refused record.
	expect(cycle.apiRequests).toBe(3);
	const marked = await h.reminderNamed('to the queue');
	expect(marked).toMatchObject({syncState: 'error', localOnly: true, taskId: hidden.Id, details: 'my note'});
	expect(marked.error?.code).toBe('TASK_NOT_VISIBLE');
	expect(marked.error?.hint).toMatch(/admin/);
	expect(h.org.getTask(fine.Id)?.Priority).toBe('High');
	expect((await h.reminderNamed('still mine')).syncState).toBe('synced');
	expect(h.org.getTask(hidden.Id)?.Description).toBe('v0');
	for (let i = 0; i < 3; i++) {
		h.org.clock.advance(60 * SECOND);
		expect(await h.sync('alarm')).toMatchObject({outcome: 'ok', apiRequests: 1, pushed: 0});
	}

	// The weekly reconciliation does not take the unreturned Task for a deletion: the reminder stays.
	h.org.clock.advance(8 * 86_400_000);
	h.signIn();
	await h.sync();
	expect((await h.reminderNamed('to the queue')).error?.code).toBe('TASK_NOT_VISIBLE');
});

test('R37: a Task the rep may still read but not edit — the refusal parks the reminder with the reason and hint (not detached), Salesforce edits still arrive, and a retry once access is back pushes it', async () => {
	const task = h.org.createTask(h.repId, {Subject: 'read only', Description: 'v0'});
	await h.enable();
	await h.sync();
	h.org.access.grant(task.Id, h.repId, 'read');
	const id = (await h.reminderNamed('read only')).id;
	await editReminder(h.db, id, {priority: 'high'}, {now: h.clock.now()});
	h.org.clock.advance(SECOND);
	const refused = await h.sync();
	expect(refused.apiRequests).toBe(3);
	const parked = await h.reminderNamed('read only');
	expect(parked).toMatchObject({syncState: 'error', localOnly: false, priority: 'high'});
	expect(parked.error?.code).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
	expect(parked.error?.hint).toMatch(/may not edit/);
	expect((await h.db.outbox.get(id))?.parked).toBe(1);
	// No loop: parked, so later cycles send nothing for it; Salesforce edits of other fields still arrive.
	h.org.updateTask(h.org.users.admin.id, task.Id, {Description: 'from Salesforce'});
	h.org.clock.advance(60 * SECOND);
	expect(await h.sync('alarm')).toMatchObject({apiRequests: 1, pushed: 0});
	expect((await h.reminderNamed('read only')).details).toBe('from Salesforce');
	h.org.access.grant(task.Id, h.repId, 'edit');
	await retryReminder(h.db, id, {now: h.clock.now()});
	await h.sync();
	expect(h.org.getTask(task.Id)?.Priority).toBe('High');
	expect((await h.reminderNamed('read only')).syncState).toBe('synced');
});

test("R37/R19: a validation rule refuses one record — that reminder is parked with the rule's message and a hint, the rest of the batch syncs, and editing it retries", async () => {
	await h.enable();
	await h.sync();
	h.org.validationRules.set({
		name: 'No_internal_codes',
		errorMessage: 'Comments may not contain internal project codes (PRJ-).',
		field: 'Description',
		when: {field: 'Description', contains: 'PRJ-'},
		on: ['create', 'update'],
	});
	const bad = await addReminder(h.db, {name: 'refused', details: 'see PRJ-12'}, {now: h.clock.now()});
	await addReminder(h.db, {name: 'accepted one'}, {now: h.clock.now()});
	await addReminder(h.db, {name: 'accepted two'}, {now: h.clock.now()});
	const cycle = await h.sync();
	expect(cycle.outcome).toBe('ok');
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['accepted one', 'accepted two']);
	const parked = await h.reminderNamed('refused');
	expect(parked.syncState).toBe('error');
	expect(parked.error?.code).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
	expect(parked.error?.message).toContain('internal project codes');
	expect(parked.error?.hint).toMatch(/Open the Task in Salesforce to fill in what your org asks for/);
	h.org.clock.advance(60 * SECOND);
	expect(await h.sync('alarm')).toMatchObject({apiRequests: 1, pushed: 0});
	await editReminder(h.db, bad.id, {details: 'see the project page'}, {now: h.clock.now()});
	await h.sync();
	expect((await h.reminderNamed('refused')).syncState).toBe('synced');
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['accepted one', 'accepted two', 'refused']);
});
