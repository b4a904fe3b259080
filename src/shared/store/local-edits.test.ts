import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import type {TicklerDb} from './open-db.js';
import {
	addReminder,
	completeReminder,
	deleteReminder,
	editReminder,
	reopenReminder,
	retryReminder,
	sendLocalOnly,
	SyncOffError,
	undoTooLate,
	UndoNotPossibleError,
	undoDelete,
} from './local-edits.js';
import {InvalidReminderError} from './reminder-validation.js';
import {DELETE_HOLD_MS} from './outbox.js';
import {LOCAL_PARTITION, type Partition} from './schema.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {isCalendarDate} from './reminder-validation.js';

let db: TicklerDb;
beforeEach(() => {
	db = openTestDb();
});
afterEach(() => {
	db.close();
});

const P = '00D000000000001AAA:005000000000001AAA';
function partition(enabled: boolean): Partition {
	return {
		id: P,
		orgId: 'o',
		userId: 'u',
		instanceHost: 'h',
		username: 'u',
		displayName: 'U',
		enabled,
		enabledAt: 0,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		status: {phase: enabled ? 'idle' : 'off', budget: 'normal'},
	};
}

describe('validation (issue 4 "Bad input")', () => {
	test('names are trimmed and must have 1–255 characters', async () => {
		const r = await addReminder(db, {name: '  call Ana  '});
		expect(r.name).toBe('call Ana');
		await expect(addReminder(db, {name: '   '})).rejects.toBeInstanceOf(InvalidReminderError);
		await expect(addReminder(db, {name: 'x'.repeat(256)})).rejects.toThrow(/at most 255/);
		await expect(addReminder(db, {name: 'x'.repeat(255)})).resolves.toMatchObject({name: 'x'.repeat(255)});
	});

	test('line breaks in a name become spaces (R10)', async () => {
		expect((await addReminder(db, {name: 'a\nb'})).name).toBe('a b');
	});

	test('details over 32,000 characters are rejected', async () => {
		await expect(addReminder(db, {name: 'a', details: 'd'.repeat(32_001)})).rejects.toThrow(/32000/);
		await expect(addReminder(db, {name: 'a', details: 'd'.repeat(32_000)})).resolves.toBeDefined();
	});

	test('R11: a well-formed due date outside 1700–4000 says what Salesforce accepts, on the due date field', async () => {
		for (const dueDate of ['1650-01-01', '9999-12-31', '1699-12-31', '4001-01-01']) {
			const refused = addReminder(db, {name: 'a', dueDate});
			await expect(refused).rejects.toThrow('Salesforce accepts due dates from 1700 to 4000.');
			await expect(refused).rejects.toMatchObject({field: 'dueDate'});
		}

		expect(isCalendarDate('1700-01-01')).toBe(true);
		expect(isCalendarDate('4000-12-31')).toBe(true);
		await expect(addReminder(db, {name: 'a', dueDate: '1650-02-30'})).rejects.toThrow(/not a calendar date/);
	});

	test('due dates must be real calendar dates (R11)', async () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-29')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-1-01')).toBe(false);
		await expect(addReminder(db, {name: 'a', dueDate: '2026-02-30'})).rejects.toBeInstanceOf(InvalidReminderError);
		await expect(addReminder(db, {name: 'a', dueDate: '2026-03-05T00:00:00Z'})).rejects.toThrow(/calendar date/);
		expect((await addReminder(db, {name: 'a', dueDate: null})).dueDate).toBeNull();
	});

	test('an invalid edit changes nothing', async () => {
		const r = await addReminder(db, {name: 'a'});
		await expect(editReminder(db, r.id, {name: ''})).rejects.toBeInstanceOf(InvalidReminderError);
		await expect(editReminder(db, r.id, {status: 'done' as never})).rejects.toBeInstanceOf(InvalidReminderError);
		expect(await db.reminders.get(r.id)).toEqual(r);
	});
});

describe('R5: local-only decision', () => {
	test('reminders created with no enabled partition are local-only and never queued', async () => {
		const r = await addReminder(db, {name: 'a'}, {now: 5});
		expect(r).toMatchObject({partition: LOCAL_PARTITION, localOnly: true, syncState: 'local-only', createdAt: 5});
		await editReminder(db, r.id, {name: 'b'});
		await deleteReminder(db, r.id);
		expect(await db.outbox.count()).toBe(0);
	});

	test('reminders created while sync is on record a create intent in the same transaction (R17, R18)', async () => {
		await db.partitions.put(partition(true));
		await db.meta.put({key: 'activePartition', value: P});
		const r = await addReminder(db, {name: 'a'});
		expect(r).toMatchObject({partition: P, localOnly: false, syncState: 'pending'});
		expect(await db.outbox.get(r.id)).toMatchObject({create: true, delete: false, parked: 0});
	});

	test('R18: an add sent again with the same id (its answer lost) returns the first reminder and writes nothing', async () => {
		await db.partitions.put(partition(true));
		await db.meta.put({key: 'activePartition', value: P});
		const id = crypto.randomUUID();
		const first = await addReminder(db, {name: 'once'}, {id, now: 1});
		const again = await addReminder(db, {name: 'once, edited in the form'}, {id, now: 2});
		expect(again).toEqual(first);
		expect(await db.reminders.count()).toBe(1);
		expect(await db.outbox.count()).toBe(1);
		expect((await db.reminders.get(id))?.name).toBe('once');
	});

	test('R6: reminders created while sync is off for the partition are local-only', async () => {
		await db.partitions.put(partition(false));
		await db.meta.put({key: 'activePartition', value: P});
		expect(await addReminder(db, {name: 'a'})).toMatchObject({partition: P, localOnly: true});
	});
});

describe('outbox coalescing (R12, R17)', () => {
	async function synced() {
		await db.partitions.put(partition(true));
		const r = await addReminder(db, {name: 'a'}, {partition: P, now: 1});
		await db.outbox.delete(r.id);
		await db.reminders.update(r.id, {taskId: '00T000000000001AAA', syncState: 'synced'});
		return r;
	}

	test('edits record only the changed fields and their edit times', async () => {
		const r = await synced();
		await editReminder(db, r.id, {name: 'a', priority: 'high'}, {now: 10});
		await completeReminder(db, r.id, {now: 20});
		expect((await db.outbox.get(r.id))?.fields.sort()).toEqual(['priority', 'status']);
		const stored = await db.reminders.get(r.id);
		expect(stored?.editedAt).toMatchObject({name: 1, priority: 10, status: 20});
		expect(stored?.syncState).toBe('pending');
		await reopenReminder(db, r.id);
		expect((await db.reminders.get(r.id))?.status).toBe('open');
	});

	test('delete tombstones; undo restores with the pending edits', async () => {
		const r = await synced();
		await editReminder(db, r.id, {details: 'x'});
		await deleteReminder(db, r.id);
		expect(await db.outbox.get(r.id)).toMatchObject({delete: true, fields: ['details']});
		expect((await db.reminders.get(r.id))?.deletedAt).toBeDefined();
		await expect(editReminder(db, r.id, {name: 'z'})).rejects.toThrow(/no longer exists/);
		const restored = await undoDelete(db, r.id);
		expect(restored.deletedAt).toBeUndefined();
		expect(await db.outbox.get(r.id)).toMatchObject({delete: false, fields: ['details']});
	});

	test('R43: a delete the rep can undo is held until the offer has passed; Undo removes every trace of it', async () => {
		const r = await synced();
		await deleteReminder(db, r.id, {now: 1000, heldForUndo: true});
		expect(await db.outbox.get(r.id)).toMatchObject({delete: true, notBefore: 1000 + DELETE_HOLD_MS});
		const restored = await undoDelete(db, r.id, {now: 2000});
		expect(restored).toMatchObject({taskId: '00T000000000001AAA', syncState: 'synced', name: 'a'});
		expect(await db.outbox.get(r.id)).toBeUndefined();
	});

	test('undo after the delete was pushed is refused', async () => {
		const r = await synced();
		await deleteReminder(db, r.id);
		await db.reminders.delete(r.id); // what the engine does once Salesforce confirmed
		await expect(undoDelete(db, r.id)).rejects.toBeInstanceOf(UndoNotPossibleError);
		// R43: the message is about the rep's own delete, never "deleted in Salesforce".
		await expect(undoDelete(db, r.id)).rejects.toThrow(undoTooLate());
		expect(undoTooLate()).not.toMatch(/Salesforce/);
	});

	test('retry clears a parked error', async () => {
		const r = await synced();
		await editReminder(db, r.id, {name: 'b'});
		await db.outbox.update(r.id, {parked: 1, attempts: 3});
		await db.reminders.update(r.id, {syncState: 'error', error: {code: 'X', message: 'm', hint: 'h'}});
		await retryReminder(db, r.id);
		expect(await db.outbox.get(r.id)).toMatchObject({parked: 0, attempts: 0});
		const stored = await db.reminders.get(r.id);
		expect(stored?.syncState).toBe('pending');
		expect(stored?.error).toBeUndefined();
	});
});

describe('R44/R5: sending local-only reminders on purpose', () => {
	async function withLocalOnly(enabled: boolean) {
		const old = await addReminder(db, {name: 'from before sync'}, {partition: LOCAL_PARTITION, now: 1});
		await db.partitions.put(partition(enabled));
		await db.meta.put({key: 'activePartition', value: P});
		await db.reminders.update(old.id, {partition: P, localOnly: true, syncState: 'local-only'});
		return old;
	}

	test('R44: a local-only reminder becomes a create intent (R18); pressed twice, only one', async () => {
		const old = await withLocalOnly(true);
		expect(await sendLocalOnly(db, [old.id, old.id], {now: 50})).toBe(1);
		expect(await db.reminders.get(old.id)).toMatchObject({localOnly: false, syncState: 'pending'});
		expect(await db.outbox.get(old.id)).toMatchObject({create: true, partition: P});
		expect(await sendLocalOnly(db, [old.id], {now: 60})).toBe(0);
		expect(await db.outbox.count()).toBe(1);
	});

	test('R5: nothing is sent with sync off, nor a deleted or another partition’s reminder', async () => {
		const old = await withLocalOnly(false);
		await expect(sendLocalOnly(db, [old.id])).rejects.toBeInstanceOf(SyncOffError);
		expect(await db.reminders.get(old.id)).toMatchObject({localOnly: true});
		await db.partitions.update(P, {enabled: true});
		await deleteReminder(db, old.id);
		const other = await addReminder(db, {name: 'elsewhere'}, {partition: 'other', now: 1});
		expect(await sendLocalOnly(db, [old.id, other.id, 'missing'])).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});
