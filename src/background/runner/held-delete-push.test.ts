/**
 * R57 on fake timers: a delete held for its Undo offer starts its push as soon as the hold has passed, while
 * the worker that took the delete is awake — well within 15 s of the offer passing — and not a cycle more.
 */
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {editHeldForUndo, undoEdit} from '@/shared/store/held-edits.js';
import {addReminder, deleteReminder, undoDelete} from '@/shared/store/local-edits.js';
import {DELETE_HOLD_MS, UNDO_OFFER_MS} from '@/shared/store/outbox.js';
import type {SyncTrigger} from '@/shared/store/schema.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {AWAKE_WAIT_MAX_MS, pushHeldDeletesWhenReady} from './held-delete-push.js';

const dbs = openTestWorkerDbs('held-delete-push');
const {db} = dbs;

const CLICK = Date.parse('2026-03-05T09:00:00Z');
let started: Array<{trigger: SyncTrigger; at: number}>;
const start = (trigger: SyncTrigger) => {
	started.push({trigger, at: Date.now()});
};

/** A reminder linked to its Task, deleted by the rep at CLICK (held for the Undo offer, as the popup's delete is). */
async function deletedAtClick(): Promise<string> {
	const reminder = await addReminder(
		db,
		{name: 'Call Ana', dueDate: null},
		{partition: TEST_PARTITION_ID, now: CLICK - 60_000},
	);
	await db.reminders.update(reminder.id, {localOnly: false, syncState: 'synced', taskId: '00T000000000001AAA'});
	await db.outbox.clear();
	await deleteReminder(db, reminder.id, {heldForUndo: true, now: CLICK});
	return reminder.id;
}

/** Lets the timer's IndexedDB reads finish (fake-indexeddb answers on real macrotasks). */
async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise(resolve => setImmediate(resolve));
}

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(partitionFixture());
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	started = [];
	vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date'], now: CLICK});
});
afterEach(() => {
	vi.useRealTimers();
});

test('R57: the push starts as soon as the hold has passed — within 15 s of the offer passing — once', async () => {
	await deletedAtClick();
	const wait = await pushHeldDeletesWhenReady(dbs, CLICK, start);
	expect(wait).toBeDefined();
	await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS - 1000);
	await settle();
	expect(started).toEqual([]);
	await vi.advanceTimersByTimeAsync(2000);
	await settle();
	expect(started).toHaveLength(1);
	expect(started[0]?.trigger).toBe('local-change');
	const offerPassed = CLICK + UNDO_OFFER_MS;
	expect(started[0]!.at - offerPassed).toBeGreaterThanOrEqual(0);
	expect(started[0]!.at - offerPassed).toBeLessThanOrEqual(15_000);
	// Never before the hold (R43: Undo restores everything until then).
	expect(started[0]!.at).toBeGreaterThanOrEqual(CLICK + DELETE_HOLD_MS);
	await vi.advanceTimersByTimeAsync(60_000);
	await settle();
	expect(started).toHaveLength(1);
});

test('R57/R43: an Undo within the offer leaves nothing to push: no cycle', async () => {
	const id = await deletedAtClick();
	await pushHeldDeletesWhenReady(dbs, CLICK, start);
	await vi.advanceTimersByTimeAsync(3000);
	await undoDelete(db, id);
	await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS);
	await settle();
	expect(started).toEqual([]);
});

test('R57: nothing held, sync off, or another account active by then: no cycle; a wait beyond the worker’s life is the alarm’s', async () => {
	expect(await pushHeldDeletesWhenReady(dbs, CLICK, start)).toBeUndefined();
	await deletedAtClick();
	// The rep turned sync off meanwhile.
	await pushHeldDeletesWhenReady(dbs, CLICK, start);
	await db.partitions.update(TEST_PARTITION_ID, {enabled: false});
	await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS + 1000);
	await settle();
	expect(started).toEqual([]);
	// A hold that ends further out than the worker stays awake is left to the alarm.
	expect(await pushHeldDeletesWhenReady(dbs, CLICK + DELETE_HOLD_MS - AWAKE_WAIT_MAX_MS - 1000, start)).toBeUndefined();
});

test('R60/R57: a Complete held for its Undo offer starts its push once the hold has passed; undone, none', async () => {
	const id = await deletedAtClick();
	await undoDelete(db, id, {now: CLICK});
	await editHeldForUndo(db, id, {status: 'complete'}, {now: CLICK});
	await pushHeldDeletesWhenReady(dbs, CLICK, start);
	await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS - 1000);
	await settle();
	expect(started).toEqual([]);
	await vi.advanceTimersByTimeAsync(2000);
	await settle();
	expect(started.map(({trigger}) => trigger)).toEqual(['local-change']);
	// A Snooze undone within its offer leaves nothing to push.
	started = [];
	const later = CLICK + 60_000;
	vi.setSystemTime(later);
	const other = await deletedAtClick();
	await undoDelete(db, other, {now: later});
	await db.outbox.clear();
	await editHeldForUndo(db, other, {reminderAt: '2026-03-05T11:00:00.000Z'}, {now: later});
	await pushHeldDeletesWhenReady(dbs, later, start);
	await undoEdit(db, other, {now: later + 1000});
	await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS + 1000);
	await settle();
	expect(started).toEqual([]);
});
