/**
 * Coalescing rules for the outbox: at most one entry per reminder (R17), merged as edits arrive.
 * Pure functions; callers write the result inside the same transaction as the reminder.
 */
import type {OutboxEntry, SyncedField} from './schema.js';

/** R43: how long the UI offers Undo after a delete (the popup's and the All reminders page's toast). */
export const UNDO_OFFER_MS = 8000;
/**
 * R43: how long a delete is held back from Salesforce: the offer, plus room for an Undo clicked at its last
 * moment to reach the worker. Until then the delete is Tickler's alone and Undo restores everything.
 */
export const DELETE_HOLD_MS = UNDO_OFFER_MS + 2000;

export function emptyEntry(reminderId: string, partition: string, now: number): OutboxEntry {
	return {
		reminderId,
		partition,
		create: false,
		fields: [],
		delete: false,
		parked: 0,
		attempts: 0,
		nextAttemptAt: 0,
		enqueuedAt: now,
	};
}

export function withFields(entry: OutboxEntry, fields: readonly SyncedField[]): OutboxEntry {
	const merged = new Set<SyncedField>([...entry.fields, ...fields]);
	// A fresh local edit is a new attempt: un-park it and reset the retry clock (R19).
	return {...entry, fields: [...merged], parked: 0, attempts: 0, nextAttemptAt: 0};
}

/**
 * The entry once its reminder was deleted at `now`. A delete the UI offers to undo is held until the offer has
 * passed (R43: `notBefore`); any other is ready at once.
 */
export function withDelete(entry: OutboxEntry, now: number, heldForUndo: boolean): OutboxEntry {
	const next: OutboxEntry = {...entry, delete: true, parked: 0, attempts: 0, nextAttemptAt: 0};
	if (heldForUndo) next.notBefore = now + DELETE_HOLD_MS;
	else delete next.notBefore;
	return next;
}

/** The entry once Undo took its delete back: nothing of the delete is left (R43). */
export function withoutDelete(entry: OutboxEntry): OutboxEntry {
	const next = {...entry, delete: false};
	delete next.notBefore;
	return next;
}

/**
 * When the next cycle may push this entry: after its per-record retry wait (R19) and, for a delete, after the
 * Undo offer (R43). One decision for push and for the schedule, so they never disagree.
 */
export function readyAt(entry: OutboxEntry): number {
	return Math.max(entry.nextAttemptAt, entry.delete ? (entry.notBefore ?? 0) : 0);
}

export function isReadyToPush(entry: OutboxEntry, now: number): boolean {
	return readyAt(entry) <= now;
}

/** True when the entry still asks for work. */
export function hasWork(entry: OutboxEntry): boolean {
	return entry.create || entry.delete || entry.fields.length > 0 || entry.createSent !== undefined;
}

/** The entry once an answer (or a pulled row) has settled its update in doubt (OutboxEntry.updateSent). */
export function withoutUpdateSent(entry: OutboxEntry): OutboxEntry {
	const next = {...entry};
	delete next.updateSent;
	return next;
}
