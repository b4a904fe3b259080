/** R13–R16 against the local org over HTTP. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {
	addReminder,
	completeReminder,
	deleteReminder,
	editReminder,
	UndoNotPossibleError,
	undoDelete,
} from '@/shared/store/local-edits.js';
import {conflicts, syncHistory} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

test('R13: after the first sync, changes on either side reach the other with automatic cycles only', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'existing'});
	await h.enable();
	await h.sync('alarm');
	h.org.clock.advance(60_000);
	const created = h.org.createTask(h.repId, {Subject: 'created in Salesforce', ActivityDate: '2026-03-06'});
	h.org.updateTask(h.repId, t.Id, {Status: 'Completed', Description: 'done'});
	await h.sync('alarm');
	expect(await h.reminderNamed('created in Salesforce')).toMatchObject({dueDate: '2026-03-06', status: 'open'});
	expect(await h.reminderNamed('existing')).toMatchObject({status: 'complete', details: 'done'});
	const local = await addReminder(h.db, {name: 'created locally'}, {now: h.clock.now()});
	await completeReminder(h.db, (await h.reminderNamed('created in Salesforce')).id, {now: h.clock.now()});
	await deleteReminder(h.db, (await h.reminderNamed('existing')).id, {now: h.clock.now()});
	await h.sync('local-change');
	expect(h.org.getTask(created.Id)?.Status).toBe('Completed');
	expect(h.org.getTask(t.Id)?.IsDeleted).toBe(true);
	expect(
		h
			.repTasks()
			.map(x => x.Subject)
			.sort(),
	).toEqual(['created in Salesforce', 'created locally']);
	expect((await h.db.reminders.get(local.id))?.taskId).toBeDefined();
});

test('R14: a Task deleted in Salesforce deletes the reminder, even one with local edits pending', async () => {
	const a = h.org.createTask(h.repId, {Subject: 'a'});
	const b = h.org.createTask(h.repId, {Subject: 'b'});
	await h.enable();
	await h.sync();
	await editReminder(h.db, (await h.reminderNamed('b')).id, {details: 'local edit'}, {now: h.clock.now()});
	h.org.deleteTask(h.repId, a.Id);
	h.org.deleteTask(h.org.users.rep2.id, b.Id);
	const result = await h.sync();
	expect(result.deleted).toBe(2);
	expect(await h.reminders()).toEqual([]);
	expect(await h.db.outbox.count()).toBe(0);
	await h.sync();
	expect(await h.db.reminders.count()).toBe(0);
});

test('R14: a local deletion deletes the Task; a Task that is already gone counts as deleted; nothing comes back', async () => {
	h.org.createTask(h.repId, {Subject: 'a'});
	const b = h.org.createTask(h.repId, {Subject: 'b'});
	await h.enable();
	await h.sync();
	await deleteReminder(h.db, (await h.reminderNamed('a')).id);
	await deleteReminder(h.db, (await h.reminderNamed('b')).id);
	// b disappears in Salesforce between our pull and our delete.
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'deleteTasks') h.org.deleteTask(h.repId, b.Id);
			return undefined;
		},
	});
	const result = await h.sync();
	expect(result.errors).toEqual([]);
	expect(h.repTasks()).toEqual([]);
	expect(await h.db.reminders.count()).toBe(0);
	h.sf = sf;
	h.org.clock.advance(60_000);
	await h.sync();
	await h.sync();
	expect(await h.db.reminders.count()).toBe(0);
});

test('R14: undo before the deletion is pushed restores the reminder and its Task; once pushed, undo is refused and the Task stays deleted', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'undo me'});
	await h.enable();
	await h.sync();
	const id = (await h.reminderNamed('undo me')).id;
	await deleteReminder(h.db, id);
	await undoDelete(h.db, id);
	await h.sync();
	expect(h.org.getTask(t.Id)?.IsDeleted).toBe(false);
	expect((await h.reminderNamed('undo me')).syncState).toBe('synced');
	await deleteReminder(h.db, id);
	await h.sync();
	expect(h.org.getTask(t.Id)?.IsDeleted).toBe(true);
	await expect(undoDelete(h.db, id)).rejects.toBeInstanceOf(UndoNotPossibleError);
});

test('R15/R37: after more than 15 days without sync, linked reminders whose Task is gone are removed, archived ones kept, a reassigned one kept and marked, and the log says why', async () => {
	const gone = h.org.createTask(h.repId, {Subject: 'gone'});
	const moved = h.org.createTask(h.repId, {Subject: 'moved'});
	const archived = h.org.createTask(h.repId, {Subject: 'archived', ActivityDate: '2025-03-01'});
	h.org.createTask(h.repId, {Subject: 'kept'});
	await h.enable();
	await h.sync();
	h.org.updateTask(h.repId, archived.Id, {Status: 'Completed'});
	h.org.deleteTask(h.repId, gone.Id);
	h.org.updateTask(h.repId, moved.Id, {OwnerId: h.org.users.rep2.id});
	h.org.clock.advance(20 * DAY);
	h.org.purgeRecycleBin();
	h.signIn();
	h.org.resetRequestLog();
	const result = await h.sync();
	expect(result.outcome).toBe('ok');
	expect((await h.reminders()).map(r => r.name).sort()).toEqual(['archived', 'kept', 'moved']);
	// R37: a reassignment is not a deletion — the reminder stays, marked with the reason and a hint.
	const marked = await h.reminderNamed('moved');
	expect(marked).toMatchObject({syncState: 'error', localOnly: true, taskId: moved.Id});
	expect(marked.error?.code).toBe('TASK_NOT_YOURS');
	expect(marked.error?.hint).toMatch(/assigned back/);
	const [last] = await syncHistory(h.db, h.partition, 1);
	expect(last?.notes.join(' ')).toMatch(/Reconciliation \(R15\): removed 1/);
	expect(last?.notes.join(' ')).toMatch(/R37: 1 reminder\(s\) marked/);
	// Bounded by the linked reminders: one Id IN (…) query on top of the poll (no discovery, it is fresh).
	expect(h.org.requests.filter(r => r.path.endsWith('/queryAll')).length).toBe(2);
});

test("R15: a worker stopped between the pull that ends a long gap and its reconciliation still owes it — the next cycle removes the purged Task's reminder instead of marking it hidden (soak seed 367989294)", async () => {
	const gone = h.org.createTask(h.repId, {Subject: 'gone'});
	h.org.createTask(h.repId, {Subject: 'kept'});
	await h.enable();
	await h.sync();
	h.org.deleteTask(h.repId, gone.Id);
	h.org.clock.advance(20 * DAY);
	h.org.purgeRecycleBin();
	h.signIn();
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	// The pull completes and commits its checkpoint; the worker stops as the reconciliation's lookup leaves.
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'query' && String(call.args[0]).includes(' IN (')) throw new Error('worker stopped');
			return undefined;
		},
	});
	expect((await h.sync()).outcome).toBe('failed');
	expect((await h.reminders()).map(r => r.name).sort()).toEqual(['gone', 'kept']);
	h.restart();
	h.org.clock.advance(60_000);
	expect((await h.sync()).outcome).toBe('ok');
	expect((await h.reminders()).map(r => r.name)).toEqual(['kept']);
	// Paid: the next cycle owes nothing, so an idle poll is one request again (R21).
	h.org.resetRequestLog();
	h.org.clock.advance(60_000);
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.org.requests.filter(r => r.countedAsApi).length).toBe(1);
});

test('R16: different fields changed on each side are both kept', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'x', ActivityDate: '2026-03-09'});
	await h.enable();
	await h.sync();
	await editReminder(h.db, (await h.reminderNamed('x')).id, {priority: 'high'}, {now: h.clock.now()});
	h.org.updateTask(h.org.users.rep2.id, t.Id, {ActivityDate: '2026-03-20'});
	const result = await h.sync();
	expect(result.conflicts).toBe(0);
	expect(await h.reminderNamed('x')).toMatchObject({priority: 'high', dueDate: '2026-03-20'});
	expect(h.org.getTask(t.Id)).toMatchObject({Priority: 'High', ActivityDate: '2026-03-20'});
});

test('R16: the same field changed on both sides — the later edit wins, either way, and the rep can see what was overwritten', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'x', Description: 'base'});
	await h.enable();
	await h.sync();
	const id = (await h.reminderNamed('x')).id;
	await editReminder(h.db, id, {details: 'local, earlier'}, {now: h.clock.now()});
	h.org.clock.advance(5000);
	h.org.updateTask(h.org.users.rep2.id, t.Id, {Description: 'salesforce, later'});
	await h.sync();
	expect((await h.db.reminders.get(id))?.details).toBe('salesforce, later');
	h.org.updateTask(h.org.users.rep2.id, t.Id, {Description: 'salesforce, earlier'});
	h.org.clock.advance(5000);
	await editReminder(h.db, id, {details: 'local, later'}, {now: h.clock.now()});
	await h.sync();
	expect((await h.db.reminders.get(id))?.details).toBe('local, later');
	expect(h.org.getTask(t.Id)?.Description).toBe('local, later');
	const logged = await conflicts(h.db, h.partition);
	expect(logged.map(c => [c.winner, c.overwritten, c.kept])).toEqual([
		['local', 'salesforce, earlier', 'local, later'],
		['salesforce', 'local, earlier', 'salesforce, later'],
	]);
});

test('R16: the local clock is corrected by the offset measured from Salesforce Date headers', async () => {
	await h.close();
	// This PC's clock runs 10 minutes fast: uncorrected, its earlier edit would look later.
	h = await startHarness({skewMs: 10 * 60_000});
	const t = h.org.createTask(h.repId, {Subject: 'x', Description: 'base'});
	await h.enable();
	await h.sync();
	const offset = (await h.db.partitions.get(h.partition))?.clockOffsetMs ?? 0;
	expect(Math.abs(offset + 10 * 60_000)).toBeLessThan(2000);
	const id = (await h.reminderNamed('x')).id;
	await editReminder(h.db, id, {details: 'local, earlier'}, {now: h.clock.now()});
	h.org.clock.advance(60_000);
	h.org.updateTask(h.org.users.rep2.id, t.Id, {Description: 'salesforce, a minute later'});
	await h.sync();
	expect((await h.db.reminders.get(id))?.details).toBe('salesforce, a minute later');
	expect(h.org.getTask(t.Id)?.Description).toBe('salesforce, a minute later');
	expect((await conflicts(h.db, h.partition))[0]).toMatchObject({winner: 'salesforce', overwritten: 'local, earlier'});
});

test('R16: an edit against a deletion — the deletion wins, on either side', async () => {
	const a = h.org.createTask(h.repId, {Subject: 'deleted locally'});
	h.org.createTask(h.repId, {Subject: 'deleted in Salesforce'});
	await h.enable();
	await h.sync();
	await deleteReminder(h.db, (await h.reminderNamed('deleted locally')).id);
	h.org.updateTask(h.org.users.rep2.id, a.Id, {Description: 'edited later in Salesforce'});
	const b = await h.reminderNamed('deleted in Salesforce');
	await editReminder(h.db, b.id, {details: 'edited locally'}, {now: h.clock.now()});
	h.org.clock.advance(1000);
	h.org.deleteTask(h.org.users.rep2.id, b.taskId ?? '');
	await h.sync();
	expect(h.org.getTask(a.Id)?.IsDeleted).toBe(true);
	expect(await h.db.reminders.count()).toBe(0);
	expect(h.repTasks()).toEqual([]);
});
