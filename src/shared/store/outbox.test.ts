import {expect, test} from 'vitest';
import {DELETE_HOLD_MS, isReadyToPush, readyAt, UNDO_OFFER_MS} from './outbox.js';
import {deleted, emptyEntry, undeleted} from './outbox-lifecycle.js';

const key = {reminderId: 'r', partition: 'P'};
const withDelete = (entry: ReturnType<typeof emptyEntry>, now: number, held: boolean) => deleted(entry, key, now, held);

test('R43: a delete the UI offers to undo is not ready before the offer (and room for a late click) has passed', () => {
	expect(DELETE_HOLD_MS).toBeGreaterThan(UNDO_OFFER_MS);
	const held = withDelete(emptyEntry('r', 'P', 0), 1000, true);
	expect(held).toMatchObject({delete: true, notBefore: 1000 + DELETE_HOLD_MS});
	expect(isReadyToPush(held, 1000 + UNDO_OFFER_MS)).toBe(false);
	expect(isReadyToPush(held, 1000 + DELETE_HOLD_MS)).toBe(true);
	expect(readyAt(held)).toBe(1000 + DELETE_HOLD_MS);
});

test('R43: a delete nobody can undo is ready at once; the later of retry wait and offer decides (R19)', () => {
	expect(isReadyToPush(withDelete(emptyEntry('r', 'P', 0), 1000, false), 1000)).toBe(true);
	const retrying = {...withDelete(emptyEntry('r', 'P', 0), 0, true), nextAttemptAt: DELETE_HOLD_MS + 5000};
	expect(readyAt(retrying)).toBe(DELETE_HOLD_MS + 5000);
});

test('R43: Undo takes the delete back entirely; an edit pending before it is ready as before', () => {
	const edited = {...emptyEntry('r', 'P', 0), fields: ['name' as const]};
	const undone = undeleted(withDelete(edited, 1000, true));
	expect(undone?.delete).toBe(false);
	expect(undone?.notBefore).toBeUndefined();
	expect(undone && isReadyToPush(undone, 1000)).toBe(true);
	// A delete with nothing queued before it leaves no entry once undone.
	expect(undeleted(withDelete(emptyEntry('r', 'P', 0), 1000, true))).toBeUndefined();
	// A stale notBefore on a non-delete entry holds nothing back.
	expect(isReadyToPush({...edited, notBefore: 99_999}, 1000)).toBe(true);
});
