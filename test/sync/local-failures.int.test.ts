/**
 * R40: a full disk during a cycle, against the local org over HTTP with the real engine, jsforce and Dexie
 * (on fake-indexeddb, made "full" by test/fakes/full-disk.ts). The cycle ends cleanly and says so, nothing
 * held locally is lost, nothing is duplicated in Salesforce, and sync resumes by itself once there is space.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {pendingCount} from '@/shared/store/queries.js';
import {installFullDisk, type FullDisk} from '../fakes/full-disk.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

let h: Harness;
let disk: FullDisk;
beforeEach(async () => {
	h = await startHarness();
	await h.enable();
	await h.sync();
	// A new connection to the same database, with the full-disk switch in its middleware stack.
	h.reopenDb();
	disk = installFullDisk(h.db);
});
afterEach(async () => {
	await h.close();
});

async function partitionStatus() {
	return (await h.db.partitions.get(h.partition))?.status;
}

test('R40: a full disk while a pulled page is applied ends the cycle cleanly — said in plain words, nothing half-applied, resumed once space is back', async () => {
	h.org.createTask(h.repId, {Subject: 'Call Ana', ActivityDate: '2026-03-05'});
	h.org.createTask(h.repId, {Subject: 'Email Bo', ActivityDate: '2026-03-06'});
	h.org.clock.advance(1000);
	const checkpointBefore = await h.db.checkpoints.get(h.partition);
	const historyBefore = await h.db.syncHistory.count();
	disk.fill(['reminders', 'checkpoints']);

	const failed = await h.sync('alarm');
	expect(failed).toMatchObject({outcome: 'failed', localFailure: 'storage-full'});
	expect(disk.refused.length).toBeGreaterThan(0);
	// The page and its checkpoint commit together or not at all.
	expect(await h.reminders()).toEqual([]);
	expect(await h.db.checkpoints.get(h.partition)).toEqual(checkpointBefore);
	const status = await partitionStatus();
	expect(status?.phase).toBe('idle');
	expect(status?.localFailure).toBe('storage-full');
	expect(status?.message).toBe(LOCAL_FAILURE_TEXT['storage-full']);
	expect(status?.backoff?.until).toBeGreaterThan(h.clock.now());
	const history = await h.db.syncHistory.orderBy('seq').toArray();
	expect(history.length).toBe(historyBefore + 1);
	expect(history.at(-1)).toMatchObject({outcome: 'failed', errors: [{code: 'storage-full'}]});

	// Backing off: an automatic cycle does not hammer a full disk.
	expect((await h.sync('alarm')).skipped).toBe('backoff');

	disk.free();
	h.org.clock.advance(31 * 60_000);
	expect((await h.sync('alarm')).outcome).toBe('ok');
	expect((await h.reminders()).map(r => r.name).sort()).toEqual(['Call Ana', 'Email Bo']);
	const healthy = await partitionStatus();
	expect(healthy?.localFailure).toBeUndefined();
	expect(healthy?.message).toBeUndefined();
	expect(healthy?.backoff).toBeUndefined();
});

test('R40: when the disk is so full that not even the status can be written, the cycle still returns (never stuck half-way) and reports the failure to its caller', async () => {
	const r = await addReminder(h.db, {name: 'kept'}, {now: h.clock.now()});
	h.org.createTask(h.repId, {Subject: 'From Salesforce'});
	h.org.clock.advance(1000);
	disk.fill('all');

	const failed = await h.sync('manual');
	expect(failed).toMatchObject({outcome: 'failed', localFailure: 'storage-full'});
	expect(await h.db.reminders.get(r.id)).toMatchObject({name: 'kept'});
	expect(await h.db.outbox.get(r.id)).toMatchObject({create: true});
	// Nothing was sent that could not be recorded first (R18: the create intent could not be written).
	expect(h.repTasks().map(t => t.Subject)).toEqual(['From Salesforce']);

	disk.free();
	expect((await h.sync('manual')).outcome).toBe('ok');
	expect(
		h
			.repTasks()
			.map(t => t.Subject)
			.sort(),
	).toEqual(['From Salesforce', 'kept']);
	expect((await h.reminders()).map(r2 => r2.name).sort()).toEqual(['From Salesforce', 'kept']);
	expect(await pendingCount(h.db, h.partition)).toBe(0);
	expect((await partitionStatus())?.phase).toBe('idle');
});

test('R40: a full disk when Salesforce’s answer to a create is recorded loses nothing and duplicates nothing: the create stays in doubt and the next cycle links the Task (R18)', async () => {
	const r = await addReminder(h.db, {name: 'ack me', dueDate: '2026-03-09'}, {now: h.clock.now()});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		after(call) {
			// Salesforce committed the create; the disk fills before its answer can be written down.
			if (call.method === 'createTasks') disk.fill('all');
		},
	});

	const failed = await h.sync('manual');
	expect(failed).toMatchObject({outcome: 'failed', localFailure: 'storage-full'});
	expect(h.repTasks().map(t => t.Subject)).toEqual(['ack me']);
	const entry = await h.db.outbox.get(r.id);
	expect(entry?.createSent).toBeDefined();
	expect((await h.db.reminders.get(r.id))?.taskId).toBeUndefined();

	disk.free();
	h.sf = sf;
	h.org.clock.advance(1000);
	expect((await h.sync('manual')).outcome).toBe('ok');
	const tasks = h.repTasks();
	expect(tasks.map(t => t.Subject)).toEqual(['ack me']);
	expect((await h.db.reminders.get(r.id))?.taskId).toBe(tasks[0]?.Id);
	expect(await h.db.outbox.get(r.id)).toBeUndefined();
	expect((await h.reminders()).length).toBe(1);
});

test('R40: once the store takes writes again, a cycle that pauses for another reason (no session, R20) no longer says the disk is full', async () => {
	h.org.createTask(h.repId, {Subject: 'Call Ana'});
	h.org.clock.advance(1000);
	disk.fill(['reminders']);
	expect((await h.sync('manual')).localFailure).toBe('storage-full');
	expect((await partitionStatus())?.localFailure).toBe('storage-full');

	disk.free();
	const sf = h.sf;
	h.sf = null;
	expect((await h.sync('manual')).outcome).toBe('paused');
	expect((await partitionStatus())?.localFailure).toBeUndefined();
	expect((await partitionStatus())?.pauseReason).toBe('no-session');

	h.sf = sf;
	h.org.expireAllSessions();
	disk.fill(['reminders']);
	h.signIn();
	expect((await h.sync('manual')).localFailure).toBe('storage-full');
	disk.free();
	h.org.expireAllSessions();
	expect((await h.sync('manual')).outcome).toBe('paused');
	const paused = await partitionStatus();
	expect(paused?.pauseReason).toBe('session-expired');
	expect(paused?.localFailure).toBeUndefined();
	expect(paused?.message).not.toBe(LOCAL_FAILURE_TEXT['storage-full']);
});
