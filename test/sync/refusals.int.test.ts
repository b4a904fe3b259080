/**
 * R39 (sharpens R19), with R18 and R14: Salesforce refuses a whole collections request because of one record
 * (the local org's `refuseRequestsWith` fault, test/org/api/fault-responses.ts). Real engine, jsforce, Dexie.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import {addReminder, deleteReminder, editReminder, retryReminder} from '@/shared/store/local-edits.js';
import {remindersInError} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
	await h.enable();
	await h.sync();
});
afterEach(async () => {
	await h.close();
});

const REFUSAL = {
	errorCode: 'JSON_PARSER_ERROR',
	message: 'Cannot deserialize instance of date from VALUE_STRING value BAD-RECORD',
};

/** Collections writes of one method sent since the request log was last reset. */
function writes(method: 'POST' | 'PATCH' | 'DELETE'): number {
	return h.org.requests.filter(r => r.method === method && r.path.endsWith('/composite/sobjects')).length;
}

/** errors.ts / push.ts: at most 1 + 2·k·⌈log₂ n⌉ requests for k records at fault among n. */
function bound(n: number, k: number): number {
	return 1 + 2 * k * Math.ceil(Math.log2(n));
}

test('R39: one bad record among 200 creates — 199 created, the bad one parked with its error and a hint, the same cycle still sends updates and deletes; the next cycle neither resends it nor loops', async () => {
	const kept = await addReminder(h.db, {name: 'to update'}, {now: h.clock.now()});
	const doomed = await addReminder(h.db, {name: 'to delete'}, {now: h.clock.now()});
	await h.sync();
	const doomedTask = (await h.db.reminders.get(doomed.id))?.taskId ?? '';
	expect(doomedTask).not.toBe('');

	await editReminder(h.db, kept.id, {details: 'updated in the same cycle'}, {now: h.clock.now()});
	await deleteReminder(h.db, doomed.id, {now: h.clock.now()});
	const names = Array.from({length: 199}, (_, i) => `good ${String(i).padStart(3, '0')}`);
	for (const name of names) await addReminder(h.db, {name}, {now: h.clock.now()});
	const bad = await addReminder(h.db, {name: 'BAD-RECORD'}, {now: h.clock.now()});

	h.org.faults.set({refuseRequestsWith: {text: 'BAD-RECORD', ...REFUSAL}});
	h.org.resetRequestLog();
	const result = await h.sync();
	expect(result.outcome).toBe('ok');
	expect(writes('POST')).toBeGreaterThan(1);
	expect(writes('POST')).toBeLessThanOrEqual(bound(200, 1));
	expect(writes('DELETE')).toBe(1);
	expect(writes('PATCH')).toBe(1);

	const subjects = h.repTasks().map(t => t.Subject ?? '');
	expect(subjects.filter(s => s.startsWith('good ')).toSorted()).toEqual(names);
	expect(subjects).not.toContain('BAD-RECORD');
	expect(h.org.getTask(doomedTask)?.IsDeleted).toBe(true);
	const keptTask = (await h.db.reminders.get(kept.id))?.taskId ?? '';
	expect(h.org.getTask(keptTask)?.Description).toBe('updated in the same cycle');

	const parked = await remindersInError(h.db, h.partition);
	expect(parked.map(r => r.id)).toEqual([bad.id]);
	expect(parked[0]?.error?.code).toBe('JSON_PARSER_ERROR');
	expect(parked[0]?.error?.message).toMatch(/^Salesforce refused this change/);
	expect(parked[0]?.error?.hint).toMatch(/could not read one of this reminder's values/);
	expect((await h.db.outbox.get(bad.id))?.createSent).toBeUndefined();
	expect((await h.db.partitions.get(h.partition))?.status.message).toBeUndefined();

	h.org.resetRequestLog();
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.org.requests).toHaveLength(1); // the poll: the bad record is not sent again
	expect(await h.db.outbox.count()).toBe(1);

	// Once the rep fixes what Salesforce refused and retries, it goes.
	h.org.faults.clear();
	await retryReminder(h.db, bad.id);
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.repTasks().filter(t => t.Subject === 'BAD-RECORD')).toHaveLength(1);
	expect(await remindersInError(h.db, h.partition)).toEqual([]);
});

test('R39: two bad records among 200 — both isolated within 1 + 2·k·⌈log₂ n⌉ requests', async () => {
	for (let i = 0; i < 198; i++) await addReminder(h.db, {name: `ok ${i}`}, {now: h.clock.now()});
	const one = await addReminder(h.db, {name: 'BAD-RECORD one'}, {now: h.clock.now()});
	const two = await addReminder(h.db, {name: 'BAD-RECORD two'}, {now: h.clock.now()});
	h.org.faults.set({refuseRequestsWith: {text: 'BAD-RECORD', ...REFUSAL}});
	h.org.resetRequestLog();
	expect((await h.sync()).outcome).toBe('ok');
	expect(writes('POST')).toBeLessThanOrEqual(bound(200, 2));
	expect(h.repTasks().filter(t => t.Subject?.startsWith('ok '))).toHaveLength(198);
	expect((await remindersInError(h.db, h.partition)).map(r => r.id).toSorted()).toEqual([one.id, two.id].toSorted());
});

test('R39: an update and a delete refused as a whole request are isolated and marked; the others go', async () => {
	const reminders = [];
	for (let i = 0; i < 6; i++) reminders.push(await addReminder(h.db, {name: `r${i}`}, {now: h.clock.now()}));
	await h.sync();
	const [badUpdate, goodUpdate, badDelete, goodDelete] = reminders;
	if (!badUpdate || !goodUpdate || !badDelete || !goodDelete) throw new Error('setup');
	const badDeleteTask = (await h.db.reminders.get(badDelete.id))?.taskId ?? '';
	const goodDeleteTask = (await h.db.reminders.get(goodDelete.id))?.taskId ?? '';
	await editReminder(h.db, badUpdate.id, {details: 'BAD-RECORD'}, {now: h.clock.now()});
	await editReminder(h.db, goodUpdate.id, {details: 'fine'}, {now: h.clock.now()});
	await deleteReminder(h.db, badDelete.id, {now: h.clock.now()});
	await deleteReminder(h.db, goodDelete.id, {now: h.clock.now()});

	// The org refuses any update request that carries the bad details.
	h.org.faults.set({refuseRequestsWith: {text: 'BAD-RECORD', ...REFUSAL}});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	// Deletes carry only ids: refuse the bad Task's delete as a whole with MALFORMED_ID.
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'deleteTasks' && (call.args[0] as string[]).includes(badDeleteTask))
				throw new SalesforceApiError('MALFORMED_ID', 'Task ID: id value of incorrect type', {status: 400});
			return undefined;
		},
	});
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.org.getTask(goodDeleteTask)?.IsDeleted).toBe(true);
	expect(h.org.getTask(badDeleteTask)?.IsDeleted).toBe(false);
	const goodTask = (await h.db.reminders.get(goodUpdate.id))?.taskId ?? '';
	expect(h.org.getTask(goodTask)?.Description).toBe('fine');

	const parked = await remindersInError(h.db, h.partition);
	expect(parked.map(r => r.id).toSorted()).toEqual([badUpdate.id, badDelete.id].toSorted());
	// A refused delete brings the reminder back into view with its error (R19).
	expect((await h.db.reminders.get(badDelete.id))?.deletedAt).toBeUndefined();
	expect((await h.db.reminders.get(badDelete.id))?.error?.code).toBe('MALFORMED_ID');
	expect((await h.db.outbox.get(badUpdate.id))?.updateSent).toBeUndefined();
});

test('R18/R39: creates stay exactly-once through the splitting, even when a half is committed and its answer lost', async () => {
	const good = [];
	for (let i = 0; i < 7; i++) good.push(await addReminder(h.db, {name: `half ${i}`}, {now: h.clock.now()}));
	const bad = await addReminder(h.db, {name: 'BAD-RECORD'}, {now: h.clock.now()});
	h.org.faults.set({refuseRequestsWith: {text: 'BAD-RECORD', ...REFUSAL}});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	let lost = false;
	// The first create request Salesforce accepts (a half without the bad record) commits, and its answer is lost.
	h.sf = wrapPort(sf, {
		after(call) {
			if (call.method !== 'createTasks' || lost) return;
			lost = true;
			throw new SalesforceApiError('NETWORK_ERROR', 'Salesforce did not answer.');
		},
	});
	expect((await h.sync()).outcome).toBe('failed');
	expect(lost).toBe(true);
	h.sf = sf;
	h.org.clock.advance(60_000);
	expect((await h.sync()).outcome).toBe('ok');
	await h.sync();

	const subjects = h.repTasks().map(t => t.Subject ?? '');
	expect(subjects.toSorted()).toEqual(good.map(r => r.name).toSorted());
	for (const r of good) expect((await h.db.reminders.get(r.id))?.taskId, r.name).toBeDefined();
	expect(new Set((await h.reminders()).map(r => r.taskId).filter(Boolean)).size).toBe(7);
	expect((await remindersInError(h.db, h.partition)).map(r => r.id)).toEqual([bad.id]);
});

test('R39: 401, 403 limit, 5xx and lock errors are not record faults: the request is never split', async () => {
	for (let i = 0; i < 8; i++) await addReminder(h.db, {name: `whole ${i}`}, {now: h.clock.now()});
	for (const kind of ['invalidSession', 'limitExceeded', '500', '503'] as const) {
		h.org.faults.set({failNth: {n: 2, kind}}); // 1: the poll, 2: the create
		h.org.resetRequestLog();
		expect((await h.sync()).outcome, kind).not.toBe('ok');
		expect(h.org.requests.length, kind).toBe(2);
		h.org.faults.clear();
	}

	h.org.faults.set({lockRowRate: 1});
	h.org.resetRequestLog();
	expect((await h.sync()).outcome).toBe('failed');
	expect(writes('POST')).toBe(1);
	expect(await remindersInError(h.db, h.partition)).toEqual([]);
	h.org.faults.clear();
	h.org.clock.advance(3_600_000);
	expect((await h.sync()).outcome).toBe('ok');
	expect(h.repTasks().filter(t => t.Subject?.startsWith('whole '))).toHaveLength(8);
});
