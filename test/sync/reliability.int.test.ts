/** R17–R20 (never lose, never duplicate, errors, sessions) against the local org over HTTP. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import type {TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {runSyncCycle} from '@/background/sync/engine.js';
import {addReminder, deleteReminder, editReminder, retryReminder} from '@/shared/store/local-edits.js';
import {pendingCount, remindersInError} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';
import {routeCalls, stoppingPort, wrapPort} from './port-wrappers.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
	await h.enable();
	await h.sync();
});
afterEach(async () => {
	await h.close();
});

/**
 * The next cycle's create is held by the org (the timeout fault) and the client gives up on it. Only the
 * create goes through a port with a short client timeout; the pull before it keeps the harness's generous
 * one, so a slow machine cannot turn an answered request into a second timeout. Returns the undo.
 */
function createTimesOut(): () => void {
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.org.faults.set({failNth: {n: 2, kind: 'timeout'}}); // 1: the pull's queryAll, 2: the create
	h.sf = routeCalls(sf, 'createTasks', h.newPort(h.sid, 150));
	return () => {
		h.sf = sf;
	};
}

function subjects(): string[] {
	return h
		.repTasks()
		.map(t => t.Subject ?? '')
		.sort();
}

test('R17: a local change survives the browser closing, network failures and session expiry, and is pushed once sync can run', async () => {
	const r = await addReminder(h.db, {name: 'durable'}, {now: h.clock.now()});
	await editReminder(h.db, r.id, {priority: 'high'}, {now: h.clock.now()});
	h.reopenDb();
	h.restart();
	expect(await h.db.outbox.get(r.id)).toMatchObject({create: true});
	h.org.faults.set({rate503: 1});
	expect((await h.sync()).outcome).toBe('failed');
	h.org.faults.clear();
	h.org.expireAllSessions();
	expect((await h.sync()).outcome).toBe('paused');
	expect(await pendingCount(h.db, h.partition)).toBe(1);
	h.signIn();
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.repTasks().map(t => [t.Subject, t.Priority])).toEqual([['durable', 'High']]);
	expect(await pendingCount(h.db, h.partition)).toBe(0);
});

test('R18: a create committed by Salesforce whose answer was lost (commit-then-drop) is linked, not created again', async () => {
	const r = await addReminder(h.db, {name: 'once', dueDate: '2026-03-07'}, {now: h.clock.now()});
	h.org.faults.set({commitThenDrop: 1});
	expect((await h.sync()).outcome).toBe('failed');
	expect(subjects()).toEqual(['once']);
	expect((await h.db.outbox.get(r.id))?.createSent).toBeDefined();
	await editReminder(h.db, r.id, {details: 'edited while in doubt'}, {now: h.clock.now()});
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();
	expect(subjects()).toEqual(['once']);
	const [task] = h.repTasks();
	expect(task?.Description).toBe('edited while in doubt');
	expect((await h.db.reminders.get(r.id))?.taskId).toBe(task?.Id);
	expect((await h.reminders()).length).toBe(1);
});

test('R18: reminders with the same name and due date, all in doubt, each get back the Task with their own values', async () => {
	// Five creates in one batch, committed, answer lost. Subject and due date cannot tell the Tasks apart;
	// details and priority can.
	const sent = ['a', 'b', 'c', 'd', 'e'];
	const ids = new Map<string, string>();
	for (const [i, details] of sent.entries()) {
		const priority = i % 2 ? 'high' : 'normal';
		const r = await addReminder(h.db, {name: 'twin', dueDate: '2026-03-09', details, priority}, {now: h.clock.now()});
		ids.set(r.id, details);
	}

	h.org.faults.set({commitThenDrop: 1});
	expect((await h.sync()).outcome).toBe('failed');
	expect(h.repTasks()).toHaveLength(5);
	// Someone sets one Task In Progress (a value that does not sync, R8): the pull now meets that Task last,
	// out of the order the creates were sent in.
	h.org.clock.advance(1000);
	const [firstTask] = h.repTasks().toSorted((a, b) => a.Id.localeCompare(b.Id));
	h.org.updateTask(h.org.users.rep2.id, firstTask!.Id, {Status: 'In Progress'});
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();
	expect(h.repTasks()).toHaveLength(5);
	for (const [id, details] of ids) {
		const reminder = await h.db.reminders.get(id);
		expect(reminder?.details, id).toBe(details);
		expect(h.org.getTask(reminder?.taskId ?? '')?.Description, id).toBe(details);
	}

	expect(new Set((await h.reminders()).map(r => r.taskId)).size).toBe(5);
	expect(await h.db.outbox.count()).toBe(0);
});

test('R16/R17: an update committed by Salesforce whose answer was lost is our own write, not a Salesforce edit that beats a later local edit (soak seed 889822500)', async () => {
	// `SOAK_SEED=889822500 SOAK_PATH=3920:2:0:8:6:6:6:17:16:15:15:15:15:15 npm run soak`, shrunk: the
	// update (due date cleared) committed, its answer was lost; the rep then set a due date locally, and
	// afterwards the Task was touched in Salesforce on another field. The cleared due date came back and
	// overwrote the later local edit: Salesforce's only change to the due date was our own update.
	const t = h.org.createTask(h.repId, {Subject: 'recent', ActivityDate: '2026-03-06'});
	await h.sync();
	const r = await h.reminderNamed('recent');
	await editReminder(h.db, r.id, {dueDate: null}, {now: h.clock.now()});
	h.org.faults.set({commitThenDrop: 1});
	expect((await h.sync()).outcome).toBe('failed');
	expect(h.org.getTask(t.Id)?.ActivityDate).toBeNull();
	h.org.clock.advance(1000);
	await editReminder(h.db, r.id, {dueDate: '2026-03-05'}, {now: h.clock.now()});
	h.org.clock.advance(1000);
	h.org.updateTask(h.org.users.rep2.id, t.Id, {Description: 'from Salesforce'});
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();
	expect(await h.db.reminders.get(r.id)).toMatchObject({dueDate: '2026-03-05', details: 'from Salesforce'});
	expect(h.org.getTask(t.Id)).toMatchObject({ActivityDate: '2026-03-05', Description: 'from Salesforce'});
	expect(await h.db.outbox.count()).toBe(0);
});

test('R18: the worker stopped between Salesforce accepting a batch of creates and the store recording it — no duplicates after restart', async () => {
	for (let i = 0; i < 230; i++) await addReminder(h.db, {name: `r${i}`}, {now: h.clock.now()});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = stoppingPort(sf, 2, 'after-send'); // poll, first create batch → answer lost
	expect((await h.sync()).outcome).toBe('failed');
	expect(h.repTasks().length).toBe(200);
	h.restart();
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.repTasks().length).toBe(230);
	expect(new Set(subjects()).size).toBe(230);
	const reminders = await h.reminders();
	expect(reminders.length).toBe(230);
	expect(new Set(reminders.map(x => x.taskId)).size).toBe(230);
	expect(await h.db.outbox.count()).toBe(0);
});

test('R18: an older Task with the same Subject (just deleted) is never taken for a create in doubt', async () => {
	const first = await addReminder(h.db, {name: 'same', dueDate: '2026-04-01'}, {now: h.clock.now()});
	await h.sync();
	const firstTask = (await h.db.reminders.get(first.id))?.taskId ?? '';
	h.org.clock.advance(2000);
	h.org.deleteTask(h.repId, firstTask);
	const second = await addReminder(h.db, {name: 'same', dueDate: '2026-04-01'}, {now: h.clock.now()});
	const restore = createTimesOut();
	expect((await h.sync()).outcome).toBe('failed');
	restore();
	expect((await h.sync()).outcome).toBe('ok');
	const kept = await h.db.reminders.get(second.id);
	expect(kept?.deletedAt).toBeUndefined();
	expect(kept?.taskId).toBeDefined();
	expect(kept?.taskId).not.toBe(firstTask);
	expect(subjects()).toEqual(['same']);
});

test('R18: a create that timed out before Salesforce committed it is sent again exactly once', async () => {
	await addReminder(h.db, {name: 'timed out'}, {now: h.clock.now()});
	const restore = createTimesOut();
	expect((await h.sync()).outcome).toBe('failed');
	expect(subjects()).toEqual([]);
	restore();
	expect((await h.sync()).outcome).toBe('ok');
	expect(subjects()).toEqual(['timed out']);
	await h.sync();
	expect(subjects()).toEqual(['timed out']);
});

/** A gateway between the rep and Salesforce answers `status` for the create request, before or after Salesforce committed it. */
function gatewayError(status: number, committed: boolean): void {
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	let armed = true;
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'createTasks' && armed && !committed) {
				armed = false;
				throw new SalesforceApiError(`ERROR_HTTP_${status}`, 'Bad gateway', {status});
			}

			return undefined;
		},
		after(call) {
			if (call.method === 'createTasks' && armed && committed) {
				armed = false;
				throw new SalesforceApiError(`ERROR_HTTP_${status}`, 'Gateway timeout', {status});
			}
		},
	});
}

for (const status of [502, 503, 504]) {
	test(`R18: a ${status} for a create that Salesforce committed keeps it in doubt; the next pull links the Task (no duplicate)`, async () => {
		const r = await addReminder(h.db, {name: `gateway ${status}`, dueDate: '2026-03-09'}, {now: h.clock.now()});
		gatewayError(status, true);
		expect((await h.sync()).outcome).toBe('failed');
		expect(subjects()).toEqual([`gateway ${status}`]);
		expect((await h.db.outbox.get(r.id))?.createSent).toBeDefined();
		expect((await h.sync()).outcome).toBe('ok');
		await h.sync();
		expect(subjects()).toEqual([`gateway ${status}`]);
		expect((await h.db.reminders.get(r.id))?.taskId).toBe(h.repTasks()[0]?.Id);
		expect(await h.db.outbox.count()).toBe(0);
	});
}

test('R18: a 504 for a create that never reached Salesforce stays in doubt, and is sent again exactly once after a pull finds no Task', async () => {
	const r = await addReminder(h.db, {name: 'not committed'}, {now: h.clock.now()});
	gatewayError(504, false);
	expect((await h.sync()).outcome).toBe('failed');
	expect(subjects()).toEqual([]);
	expect((await h.db.outbox.get(r.id))?.createSent).toBeDefined();
	expect((await h.sync()).outcome).toBe('ok');
	expect(subjects()).toEqual(['not committed']);
	await h.sync();
	expect(subjects()).toEqual(['not committed']);
	expect(await h.db.outbox.count()).toBe(0);
});

test("R18: the org's 503 SERVER_UNAVAILABLE (nothing committed) leaves the create in doubt; it is created exactly once", async () => {
	const r = await addReminder(h.db, {name: 'unavailable'}, {now: h.clock.now()});
	h.org.faults.set({failNth: {n: 2, kind: '503'}});
	expect((await h.sync()).outcome).toBe('failed');
	expect((await h.db.outbox.get(r.id))?.createSent).toBeDefined();
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();
	expect(subjects()).toEqual(['unavailable']);
	expect((await h.db.reminders.get(r.id))?.taskId).toBe(h.repTasks()[0]?.Id);
});

test('R18: a definite refusal of the whole create request (4xx: 400, 401, 403 limit) means nothing was created: no longer in doubt', async () => {
	for (const kind of ['lockRow', 'invalidSession', 'limitExceeded'] as const) {
		const r = await addReminder(h.db, {name: `refused ${kind}`}, {now: h.clock.now()});
		if (kind === 'lockRow') h.org.faults.set({lockRowRate: 1});
		else h.org.faults.set({failNth: {n: 2, kind}});
		expect((await h.sync()).outcome).not.toBe('ok');
		expect((await h.db.outbox.get(r.id))?.createSent).toBeUndefined();
		expect((await h.db.outbox.get(r.id))?.create).toBe(true);
		h.org.faults.clear();
		h.signIn();
		h.org.clock.advance(3_600_000);
		expect((await h.sync()).outcome).toBe('ok');
	}

	expect(subjects()).toEqual(['refused invalidSession', 'refused limitExceeded', 'refused lockRow']);
});

test('R18: a Task deleted by the same push that then leaves a create with the same Subject in doubt is never taken for it', async () => {
	const first = await addReminder(h.db, {name: 'same', dueDate: '2026-04-01'}, {now: h.clock.now()});
	await h.sync();
	h.org.clock.advance(2000);
	await h.sync();
	const firstTask = (await h.db.reminders.get(first.id))?.taskId ?? '';
	h.org.clock.advance(2000);
	await deleteReminder(h.db, first.id, {now: h.clock.now()});
	const second = await addReminder(h.db, {name: 'same', dueDate: '2026-04-01'}, {now: h.clock.now()});
	// Requests: poll, delete, create (→ 503, nothing committed).
	h.org.faults.set({failNth: {n: 3, kind: '503'}});
	expect((await h.sync()).outcome).toBe('failed');
	expect(h.org.getTask(firstTask)?.IsDeleted).toBe(true);
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();
	const kept = await h.db.reminders.get(second.id);
	expect(kept?.deletedAt).toBeUndefined();
	expect(kept?.taskId).toBeDefined();
	expect(kept?.taskId).not.toBe(firstTask);
	expect(subjects()).toEqual(['same']);
});

test('R19: transient failures (503, HTML 503, lock errors) back off with a persisted, growing delay and then succeed', async () => {
	// The engine's clock stands still here and moves only when the test moves it, so each delay is measured
	// from the moment it was computed: with the org's real-time clock, "the second delay is longer" would be
	// read against a clock that had already moved past the first one.
	let now = h.clock.now();
	const deps = {...h.deps(), clock: {now: () => now}};
	const sync = async () => runSyncCycle({...deps, salesforce: h.sf}, {partition: h.partition, trigger: 'alarm'});
	const moveTo = (at: number) => {
		h.org.clock.advance(at - now);
		now = at;
	};

	const r = await addReminder(h.db, {name: 'retry me'}, {now});
	h.org.faults.set({rate503: 1, html503: true});
	expect((await sync()).outcome).toBe('failed');
	const first = (await h.db.partitions.get(h.partition))?.status.backoff;
	if (!first) throw new Error('no backoff after a 503');
	const firstDelay = first.until - now;
	expect(firstDelay).toBeGreaterThan(0);
	expect(await sync()).toMatchObject({skipped: 'backoff', apiRequests: 0});
	h.org.faults.set({rate503: 0, lockRowRate: 1});
	moveTo(first.until + 1);
	expect((await sync()).outcome).toBe('failed');
	const second = (await h.db.partitions.get(h.partition))?.status.backoff;
	if (!second) throw new Error('no backoff after UNABLE_TO_LOCK_ROW');
	expect(second.attempt).toBe(first.attempt + 1);
	expect(second.until - now).toBeGreaterThan(firstDelay);
	h.org.faults.clear();
	moveTo(second.until + 1);
	expect((await sync()).outcome).toBe('ok');
	expect((await h.db.partitions.get(h.partition))?.status.backoff).toBeUndefined();
	expect((await h.db.reminders.get(r.id))?.taskId).toBeDefined();
});

test('R19: a permanent error of one record parks that reminder with a readable message and hint, and never blocks the others', async () => {
	const bad = await addReminder(h.db, {name: 'bad'}, {now: h.clock.now()});
	await addReminder(h.db, {name: 'good 1'}, {now: h.clock.now()});
	await addReminder(h.db, {name: 'good 2'}, {now: h.clock.now()});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	// An org whose rules refuse this one record: Salesforce answers STRING_TOO_LONG for it alone.
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method !== 'createTasks') return undefined;
			return [(call.args[0] as TaskWrite[]).map(w => (w.Subject === 'bad' ? {...w, Subject: 'x'.repeat(300)} : w))];
		},
	});
	expect((await h.sync()).outcome).toBe('ok');
	expect(subjects()).toEqual(['good 1', 'good 2']);
	const [parked] = await remindersInError(h.db, h.partition);
	expect(parked?.id).toBe(bad.id);
	expect(parked?.error).toMatchObject({code: 'STRING_TOO_LONG'});
	expect(parked?.error?.hint).toMatch(/Shorten/);
	h.org.resetRequestLog();
	await h.sync();
	expect(h.org.requests.length).toBe(1);
	h.sf = sf;
	await retryReminder(h.db, bad.id);
	await h.sync();
	expect(subjects()).toEqual(['bad', 'good 1', 'good 2']);
	expect(await remindersInError(h.db, h.partition)).toEqual([]);
});

test('R20: an expired or missing session pauses sync, says so, loses nothing, and resumes on a fresh session', async () => {
	h.org.expireSession(h.sid);
	const r = await addReminder(h.db, {name: 'while expired'}, {now: h.clock.now()});
	expect((await h.sync()).outcome).toBe('paused');
	expect((await h.db.partitions.get(h.partition))?.status).toMatchObject({
		phase: 'paused',
		pauseReason: 'session-expired',
		message: 'Sign in to Salesforce to resume sync',
	});
	h.sf = null;
	expect((await h.sync('alarm')).outcome).toBe('paused');
	expect((await h.db.partitions.get(h.partition))?.status).toMatchObject({
		pauseReason: 'no-session',
		message: 'Sign in to Salesforce to resume sync',
	});
	expect(await h.db.outbox.get(r.id)).toBeDefined();
	h.signIn();
	expect((await h.sync('alarm')).outcome).toBe('ok');
	expect((await h.db.partitions.get(h.partition))?.status.phase).toBe('idle');
	expect((await h.db.partitions.get(h.partition))?.status.pauseReason).toBeUndefined();
	expect(subjects()).toEqual(['while expired']);
});
