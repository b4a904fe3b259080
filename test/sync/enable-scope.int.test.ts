/** R1–R7 against the local org over HTTP (real jsforce, real engine, Dexie on fake-indexeddb). */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {disableSync} from '@/background/sync/enable.js';
import {runSyncCycle} from '@/background/sync/engine.js';
import {addReminder, deleteReminder, editReminder} from '@/shared/store/local-edits.js';
import {LOCAL_PARTITION} from '@/shared/store/schema.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

test('R1: only reminder-like Tasks owned by the signed-in user are imported', async () => {
	h.org.createTask(h.repId, {Subject: 'mine'});
	h.org.createTask(h.org.users.rep2.id, {Subject: 'not mine'});
	h.org.createTask(h.org.users.admin.id, {Subject: 'assigned to me', OwnerId: h.repId});
	h.org.createTask(h.repId, {Subject: 'logged email', TaskSubtype: 'Email'});
	h.org.createTask(h.repId, {Subject: 'logged call', TaskSubtype: 'Call'});
	const master = h.org.createTask(h.repId, {Subject: 'series master'});
	h.org.updateTask(h.repId, master.Id, {IsRecurrence: true}, {system: true});
	await h.enable();
	expect((await h.sync()).outcome).toBe('ok');
	expect((await h.reminders()).map(r => r.name).sort()).toEqual(['assigned to me', 'mine']);
});

test('R1: an archived Task is not imported', async () => {
	h.org.createTask(h.repId, {Subject: 'old and closed', Status: 'Completed', ActivityDate: '2024-01-02'});
	h.org.createTask(h.repId, {Subject: 'fresh'});
	await h.enable();
	await h.sync();
	expect((await h.reminders()).map(r => r.name)).toEqual(['fresh']);
});

test('R2: a session of another user pauses sync with a reason and writes nothing into the partition', async () => {
	h.org.createTask(h.repId, {Subject: 'mine'});
	await h.enable();
	await h.sync();
	const before = await h.db.reminders.toArray();
	h.org.createTask(h.org.users.rep2.id, {Subject: 'theirs'});
	h.sf = h.newPort(h.org.createSession(h.org.users.rep2.id, 'api'));
	const result = await h.sync();
	expect(result.outcome).toBe('paused');
	const partition = await h.db.partitions.get(h.partition);
	expect(partition?.status).toMatchObject({phase: 'paused', pauseReason: 'other-identity'});
	expect(partition?.status.message).toMatch(/different user/);
	expect(await h.db.reminders.toArray()).toEqual(before);
	// The other user gets a partition of their own; neither sees the other's reminders.
	const rep2Partition = await h.enable();
	expect(rep2Partition.id).toBe(`${h.org.orgId}:${h.org.users.rep2.id}`);
	await runSyncCycle(h.deps(), {partition: rep2Partition.id, trigger: 'manual'});
	const rep2Names = (await h.db.reminders.where('partition').equals(rep2Partition.id).toArray()).map(r => r.name);
	expect(rep2Names).toEqual(['theirs']);
	expect((await h.reminders()).map(r => r.name)).toEqual(['mine']);
});

test('R3: sync is off by default — no partition, no traffic, reminders stay local', async () => {
	const reminder = await addReminder(h.db, {name: 'before anything'});
	expect(reminder).toMatchObject({partition: LOCAL_PARTITION, localOnly: true});
	const result = await h.sync('alarm');
	expect(result).toMatchObject({outcome: 'skipped', skipped: 'disabled', apiRequests: 0});
	expect(h.org.requests.length).toBe(0);
});

test('R4: the first sync imports Tasks modified in the 24 hours before enabledAt, and no older ones', async () => {
	h.org.createTask(h.repId, {Subject: 'two days old'});
	h.org.clock.advance(DAY + HOUR);
	h.org.createTask(h.repId, {Subject: 'yesterday'});
	const old = h.org.createTask(h.repId, {Subject: 'old but touched'});
	h.org.clock.advance(HOUR);
	h.org.updateTask(h.repId, old.Id, {Description: 'touched'});
	h.org.clock.advance(20 * HOUR);
	h.signIn();
	await h.enable();
	const partition = await h.db.partitions.get(h.partition);
	expect(partition?.enabledAt).toBeGreaterThan(0);
	await h.sync();
	expect((await h.reminders()).map(r => r.name).sort()).toEqual(['old but touched', 'yesterday']);
});

test('R5: reminders from before enabledAt are adopted local-only and never pushed, even when edited; later ones are', async () => {
	const early = await addReminder(h.db, {name: 'early'}, {now: h.clock.now()});
	await h.enable();
	await h.sync();
	const adopted = await h.db.reminders.get(early.id);
	expect(adopted).toMatchObject({partition: h.partition, localOnly: true, syncState: 'local-only'});
	await editReminder(h.db, early.id, {name: 'early, edited'});
	const late = await addReminder(h.db, {name: 'late'}, {now: h.clock.now()});
	expect(late.localOnly).toBe(false);
	await h.sync();
	expect(h.repTasks().map(t => t.Subject)).toEqual(['late']);
	expect(await h.db.outbox.count()).toBe(0);
});

test('R6: re-enabling applies Salesforce deletions of the last 15 days, continues from the checkpoint, and keeps reminders made while off local-only', async () => {
	const a = h.org.createTask(h.repId, {Subject: 'a'});
	const b = h.org.createTask(h.repId, {Subject: 'b'});
	await h.enable();
	await h.sync();
	await h.disable();
	h.org.clock.advance(3 * DAY);
	h.org.deleteTask(h.repId, a.Id);
	h.org.updateTask(h.repId, b.Id, {Priority: 'High'});
	h.org.createTask(h.repId, {Subject: 'created while off'});
	const whileOff = await addReminder(h.db, {name: 'while off'}, {now: h.clock.now()});
	expect(whileOff.localOnly).toBe(true);
	h.org.clock.advance(3 * DAY);
	h.signIn();
	await h.enable();
	await h.sync();
	const names = (await h.reminders()).map(r => `${r.name}:${r.priority}`).sort();
	expect(names).toEqual(['b:high', 'created while off:normal', 'while off:normal']);
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['b', 'created while off']);
});

test('R7: disabling stops traffic at once, deletes nothing, and keeps pending changes for re-enable', async () => {
	h.org.createTask(h.repId, {Subject: 'a'});
	await h.enable();
	await h.sync();
	const reminder = await addReminder(h.db, {name: 'pending'}, {now: h.clock.now()});
	// Disable while the cycle's pull is in flight: nothing may be sent after it.
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		async after(call) {
			if (call.method === 'query') await disableSync(h.deps(), h.partition);
		},
	});
	h.org.resetRequestLog();
	const result = await h.sync();
	expect(result.outcome).toBe('skipped');
	expect(h.org.requests.map(r => r.method)).toEqual(['GET']);
	expect((await h.db.partitions.get(h.partition))?.status.phase).toBe('off');
	expect(await runSyncCycle(h.deps(), {partition: h.partition, trigger: 'manual'})).toMatchObject({
		skipped: 'disabled',
	});
	expect(h.org.requests.length).toBe(1);
	expect((await h.reminders()).length).toBe(2);
	expect(await h.db.outbox.get(reminder.id)).toMatchObject({create: true});
	h.sf = sf;
	await h.enable();
	await h.sync();
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['a', 'pending']);
});

// Every kind of Salesforce request of one cycle, in order: identity (fresh session), picklists (over a day
// old), the poll, reconciliation (over 7 days since the last), then a delete, a create and an update.
const CYCLE_CALLS = ['identity', 'taskPicklists', 'query', 'query', 'deleteTasks', 'createTasks', 'updateTasks'];
for (const [index, method] of CYCLE_CALLS.slice(0, -1).entries()) {
	test(`R7: sync disabled while a cycle's ${method} request (${index + 1} of ${CYCLE_CALLS.length}) is in flight: no further request, nothing lost, no error`, async () => {
		h.org.createTask(h.repId, {Subject: 'to edit'});
		h.org.createTask(h.repId, {Subject: 'to delete'});
		await h.enable();
		await h.sync();
		const [toEdit, toDelete] = ['to edit', 'to delete'].map(name => h.repTaskNamed(name));
		const local = await h.reminders();
		const edited = local.find(r => r.taskId === toEdit?.Id);
		const deleted = local.find(r => r.taskId === toDelete?.Id);
		if (!edited || !deleted) throw new Error('not imported');
		await editReminder(h.db, edited.id, {priority: 'high'}, {now: h.clock.now()});
		await deleteReminder(h.db, deleted.id, {now: h.clock.now()});
		const added = await addReminder(h.db, {name: 'new'}, {now: h.clock.now()});
		h.org.clock.advance(8 * DAY);
		h.signIn();
		const sf = h.sf;
		if (!sf) throw new Error('no port');
		let seen = 0;
		const observed = wrapPort(sf, {
			async after() {
				seen++;
				if (seen === index + 1) await disableSync(h.deps(), h.partition);
			},
		});
		h.sf = observed;
		h.org.resetRequestLog();
		const result = await h.sync();
		expect(observed.calls.map(c => c.method)).toEqual(CYCLE_CALLS.slice(0, index + 1));
		expect(h.org.requests.length).toBe(index + 1);
		expect(result).toMatchObject({outcome: 'skipped', skipped: 'disabled', errors: [], apiRequests: index + 1});
		expect((await h.db.partitions.get(h.partition))?.status.phase).toBe('off');
		expect((await h.db.syncHistory.toArray()).at(-1)).toMatchObject({outcome: 'skipped', errors: []});
		// Nothing local is lost: what was not yet pushed is still queued (R7, R17).
		if (index < CYCLE_CALLS.indexOf('createTasks'))
			expect(await h.db.outbox.get(added.id)).toMatchObject({create: true});
		if (index < CYCLE_CALLS.indexOf('updateTasks'))
			expect((await h.db.outbox.get(edited.id))?.fields).toEqual(['priority']);
		h.sf = sf;
		await h.enable();
		expect((await h.sync()).outcome).toBe('ok');
		expect(
			h
				.repTasks()
				.filter(t => !t.IsDeleted)
				.map(t => [t.Subject, t.Priority])
				.sort(),
		).toEqual([
			['new', 'Normal'],
			['to edit', 'High'],
		]);
		expect(await h.db.outbox.count()).toBe(0);
	});
}
