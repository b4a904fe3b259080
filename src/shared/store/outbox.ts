/**
 * Coalescing rules for the outbox: at most one entry per reminder (R17), merged as edits arrive.
 * Pure functions; callers write the result inside the same transaction as the reminder.
 */
import type {OutboxEntry, SyncedField} from './schema.js';

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
