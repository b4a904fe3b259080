import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from './open-db.js';
import {editUndoTooLate, editHeldForUndo, extendUndoHold, undoEdit} from './held-edits.js';
import {deleteReminder, editReminder, undoDelete, UndoNotPossibleError} from './local-edits.js';
import {DELETE_HOLD_MS, isReadyToPush, UNDO_OFFER_MS} from './outbox.js';
import {heldDeleteReadyAt, readyToPushCount} from './queries.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {aReminder, syncedBase} from '../../../test/fakes/reminder-builder.js';
import {TEST_PARTITION_ID} from '../../../test/fakes/partition.js';

let db: TicklerDb;
beforeEach(() => {
	db = openTestDb('held-edits');
});
afterEach(async () => {
	await Promise.all(db.tables.map(table => table.clear()));
	db.close();
});

/** A linked reminder, in step with its Task: nothing queued. */
async function synced(overrides = {}) {
	const reminder = aReminder({
		taskId: '00T000000000001AAA',
		syncState: 'synced',
		editedAt: {status: 5, reminderAt: 5},
		reminderAt: '2026-03-05T09:00:00.000Z',
		alert: {knownAt: 5, notifiedFor: '2026-03-05T09:00:00.000Z'},
		...overrides,
	});
	reminder.base = syncedBase(reminder);
	await db.reminders.put(reminder);
	return reminder;
}

test('R60: Complete offered with Undo is shown at once but held from Salesforce until the offer has passed', async () => {
	const r = await synced();
	const done = await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	expect(done).toMatchObject({status: 'complete', syncState: 'pending'});
	const entry = await db.outbox.get(r.id);
	expect(entry).toMatchObject({fields: ['status'], holdsEdit: true, notBefore: 1000 + DELETE_HOLD_MS});
	expect(entry && isReadyToPush(entry, 1000 + UNDO_OFFER_MS)).toBe(false);
	expect(entry && isReadyToPush(entry, 1000 + DELETE_HOLD_MS)).toBe(true);
	// The schedule sets an alarm for it like for a held delete (R43), and the push counts it only then.
	expect(await heldDeleteReadyAt(db, TEST_PARTITION_ID, 1000)).toBe(1000 + DELETE_HOLD_MS);
	expect(await readyToPushCount(db, TEST_PARTITION_ID, 1000)).toBe(0);
	expect(await readyToPushCount(db, TEST_PARTITION_ID, 1000 + DELETE_HOLD_MS)).toBe(1);
});

test('R60: Undo of a Complete restores everything: open again, its edit time, nothing queued, Synced again', async () => {
	const r = await synced();
	await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	const restored = await undoEdit(db, r.id, {now: 1000 + UNDO_OFFER_MS});
	expect(restored).toMatchObject({status: 'open', syncState: 'synced', editedAt: {status: 5, reminderAt: 5}});
	expect(restored.heldEdit).toBeUndefined();
	expect(await db.outbox.get(r.id)).toBeUndefined();
	expect(await db.reminders.get(r.id)).toEqual({...restored});
});

test('R60: Undo of a Snooze brings back the old time and its alert record; an edit queued before stays queued', async () => {
	const r = await synced({syncState: 'pending'});
	await editReminder(db, r.id, {details: 'ask about budget'}, {now: 500});
	await editHeldForUndo(db, r.id, {reminderAt: '2026-03-05T10:00:00.000Z'}, {now: 1000});
	expect((await db.reminders.get(r.id))?.alert).toEqual({knownAt: 1000});
	const restored = await undoEdit(db, r.id, {now: 2000});
	expect(restored).toMatchObject({
		reminderAt: '2026-03-05T09:00:00.000Z',
		alert: {knownAt: 5, notifiedFor: '2026-03-05T09:00:00.000Z'},
		details: 'ask about budget',
		syncState: 'pending',
	});
	const entry = await db.outbox.get(r.id);
	expect(entry?.fields).toEqual(['details']);
	// The edit queued before the Snooze goes at once, as it would have without the Snooze.
	expect(entry?.holdsEdit).toBeUndefined();
	expect(entry && isReadyToPush(entry, 2000)).toBe(true);
});

test('R60: Undo after the offer has passed, or after another edit replaced the held one, is refused and changes nothing', async () => {
	const r = await synced();
	await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	await expect(undoEdit(db, r.id, {now: 1000 + DELETE_HOLD_MS})).rejects.toThrow(editUndoTooLate());
	expect((await db.reminders.get(r.id))?.status).toBe('complete');
	const s = await synced({id: 'r2'});
	await editHeldForUndo(db, s.id, {status: 'complete'}, {now: 1000});
	await editReminder(db, s.id, {name: 'Renamed'}, {now: 1500});
	await expect(undoEdit(db, s.id, {now: 2000})).rejects.toBeInstanceOf(UndoNotPossibleError);
	expect(editUndoTooLate()).not.toMatch(/Salesforce/);
});

test('R60: a local-only reminder completes and undoes the same way, and never gets an outbox entry (R5)', async () => {
	const r = aReminder({localOnly: true, syncState: 'local-only'});
	await db.reminders.put(r);
	await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	expect(await db.outbox.count()).toBe(0);
	expect(await undoEdit(db, r.id, {now: 2000})).toMatchObject({status: 'open', syncState: 'local-only'});
});

test('R60: Undo of a Complete on a refused (parked) reminder puts back its refusal and its parked record (R19)', async () => {
	const error = {code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Related To is required', hint: 'Open the Task.'};
	const r = await synced({syncState: 'error', error});
	await db.outbox.put({
		reminderId: r.id,
		partition: r.partition,
		create: false,
		fields: ['details'],
		delete: false,
		parked: 1,
		attempts: 1,
		nextAttemptAt: 0,
		enqueuedAt: 1,
	});
	await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	expect(await db.outbox.get(r.id)).toMatchObject({parked: 0, holdsEdit: true});
	const restored = await undoEdit(db, r.id, {now: 2000});
	expect(restored).toMatchObject({status: 'open', syncState: 'error', error});
	expect(await db.outbox.get(r.id)).toMatchObject({parked: 1, fields: ['details']});
	expect((await db.outbox.get(r.id))?.holdsEdit).toBeUndefined();
});

test('R48/R43: an Undo offer held open keeps its Complete held, so Undo later still restores it', async () => {
	const r = await synced();
	await editHeldForUndo(db, r.id, {status: 'complete'}, {now: 1000});
	const later = 1000 + UNDO_OFFER_MS;
	expect(await extendUndoHold(db, r.id, {now: later})).toBe(true);
	const entry = await db.outbox.get(r.id);
	expect(entry?.notBefore).toBe(later + DELETE_HOLD_MS);
	expect(entry && isReadyToPush(entry, 1000 + DELETE_HOLD_MS)).toBe(false);
	expect((await db.reminders.get(r.id))?.heldEdit?.until).toBe(later + DELETE_HOLD_MS);
	const restored = await undoEdit(db, r.id, {now: later + DELETE_HOLD_MS - 1});
	expect(restored).toMatchObject({status: 'open', syncState: 'synced'});
});

test('R48/R43: a held delete is held longer too; a hold already passed is not brought back', async () => {
	const r = await synced();
	await deleteReminder(db, r.id, {heldForUndo: true, now: 1000});
	expect(await extendUndoHold(db, r.id, {now: 5000})).toBe(true);
	expect((await db.outbox.get(r.id))?.notBefore).toBe(5000 + DELETE_HOLD_MS);
	expect(await undoDelete(db, r.id, {now: 5000 + DELETE_HOLD_MS - 1})).toMatchObject({id: r.id});

	const other = await synced({id: 'other'});
	await editHeldForUndo(db, other.id, {status: 'complete'}, {now: 1000});
	const passed = 1000 + DELETE_HOLD_MS;
	expect(await extendUndoHold(db, other.id, {now: passed})).toBe(false);
	expect((await db.outbox.get(other.id))?.notBefore).toBe(passed);
});
