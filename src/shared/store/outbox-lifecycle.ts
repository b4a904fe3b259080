/**
 * The outbox entry's whole life, in one place (R12–R19, R43). One entry per reminder with local work to push
 * (R17); every change to an entry is one of the pure transitions below, called by the UI's writes
 * (`local-edits.ts`), the push (`push-send.ts`, `push-settle.ts`) and the pull (`row-decision.ts`, committed by `apply-rows.ts`) inside the same transaction as the
 * reminder. A transition returns the next entry, or `undefined` when nothing is left to push: the caller
 * then writes it with `saveOrDropEntry`, which deletes the entry in that case. `hasWork` is the one
 * definition of "something is left".
 *
 * ```
 *                 addReminder, sendLocalOnly (R5, R44)
 *   (none) ─────────────────────────────────────────► QUEUED {create}
 *     │  editReminder (any state; un-parks, R19)            │ push: createSending — intent durable first (R18)
 *     ▼                                                     ▼
 *   QUEUED {fields} ◄─────── fields edited since ──── CREATE IN DOUBT {createSent}
 *     │                      (createAcknowledged)           │ ├─ answer / pull links the Task ─► (none) or QUEUED
 *     │ push: updateSending (R16)                           │ ├─ whole request refused (4xx) ─► QUEUED {create}
 *     ▼                                                     │ │    (refusedWhole; R39 re-sends the halves)
 *   UPDATE IN DOUBT {updateSent}                            │ └─ no answer: stays; the next complete pull
 *     ├─ answer (updateAcknowledged) ─► (none) or QUEUED    │      links it or finds none and it is sent again
 *     ├─ a pulled row of the Task (rowApplied) ─► idem      │
 *     └─ whole request refused (refusedWhole) ─► QUEUED     │
 *                                                           │
 *   any ── deleteReminder (held for Undo, R43) ─► QUEUED {delete} ── undoDeleted ─► the work before, or (none)
 *   any ── Complete/Snooze held for Undo (R60) ─► QUEUED {fields, holdsEdit} ── editUndone ─► the work before
 *                                                           └── delete acknowledged / Task gone ─► (none)
 *
 *   per record, from any in-flight state:
 *     transient refusal ─► WAITING {attempts, nextAttemptAt}  ── its time comes ─► as before (R19)
 *     permanent refusal ─► PARKED {parked: 1}  ── editReminder / retryReminder ─► QUEUED (R19)
 *     (a parked delete is no longer a delete: the reminder comes back with its error)
 * ```
 *
 * The entry also goes, with its reminder, when the Task is deleted in Salesforce (row-decision.ts, R14), gone
 * at reconciliation (reconcile.ts, R15), or the reminder detached (access.ts, R37): those are not transitions
 * of the entry but ends of the reminder. When an entry is ready to push is `outbox.ts` `readyAt`.
 */
import {DELETE_HOLD_MS} from './outbox.js';
import type {TicklerDb} from './open-db.js';
import type {OutboxEntry, SyncedField} from './schema.js';

/** An entry, or none (the reminder has nothing to push). */
export type Outbox = OutboxEntry | undefined;
/** Which reminder an entry belongs to, for transitions that may start from none. */
export type EntryKey = {reminderId: string; partition: string};
export type CreateSent = NonNullable<OutboxEntry['createSent']>;
export type UpdateSent = NonNullable<OutboxEntry['updateSent']>;

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

/** True when the entry still asks for work: the one definition every transition and caller uses. */
export function hasWork(entry: OutboxEntry): boolean {
	return entry.create || entry.delete || entry.fields.length > 0 || entry.createSent !== undefined;
}

function orNone(entry: OutboxEntry): Outbox {
	return hasWork(entry) ? entry : undefined;
}

/** A fresh attempt: not parked, no retry wait (R19). */
function fresh(entry: OutboxEntry): OutboxEntry {
	return {...entry, parked: 0, attempts: 0, nextAttemptAt: 0};
}

function withoutSent(entry: OutboxEntry): OutboxEntry {
	const next = {...entry};
	delete next.createSent;
	delete next.updateSent;
	return next;
}

// ── The rep's writes (local-edits.ts) ───────────────────────────────────────────────────────────────────

/** addReminder: the create intent (R18), durable before anything is sent. */
export function added(key: EntryKey, now: number): OutboxEntry {
	return {...emptyEntry(key.reminderId, key.partition, now), create: true};
}

/** editReminder: the fields join whatever is queued; a fresh local edit is a new attempt (R19). */
export function edited(entry: Outbox, key: EntryKey, fields: readonly SyncedField[], now: number): OutboxEntry {
	const current = entry ?? emptyEntry(key.reminderId, key.partition, now);
	return fresh({...current, fields: [...new Set<SyncedField>([...current.fields, ...fields])]});
}

/**
 * deleteReminder at `now`. A delete the UI offers to undo is held until the offer has passed (R43:
 * `notBefore`); any other is ready at once.
 */
export function deleted(entry: Outbox, key: EntryKey, now: number, heldForUndo: boolean): OutboxEntry {
	const next: OutboxEntry = fresh({...(entry ?? emptyEntry(key.reminderId, key.partition, now)), delete: true});
	if (heldForUndo) next.notBefore = now + DELETE_HOLD_MS;
	else delete next.notBefore;
	return next;
}

/** undoDelete: nothing of the delete is left (R43); what was queued before it stays. */
export function undeleted(entry: OutboxEntry): Outbox {
	const next = {...entry, delete: false};
	delete next.notBefore;
	return orNone(next);
}

/** R60: a Complete or Snooze the UI offers to undo is held, like a delete (R43), until the offer has passed. */
export function heldForUndo(entry: OutboxEntry, now: number): OutboxEntry {
	return {...entry, holdsEdit: true, notBefore: now + DELETE_HOLD_MS};
}

/**
 * undoEdit (R60): the held fields leave the entry unless they were queued before the edit; the hold goes with
 * them (a delete's own hold stays).
 */
export function editUndone(
	entry: OutboxEntry,
	held: readonly SyncedField[],
	queuedBefore: readonly SyncedField[],
): Outbox {
	const next: OutboxEntry = {
		...entry,
		fields: entry.fields.filter(field => !held.includes(field) || queuedBefore.includes(field)),
	};
	delete next.holdsEdit;
	if (!next.delete) delete next.notBefore;
	return orNone(next);
}

/** sendLocalOnly (R44/R5): a local-only reminder becomes an ordinary create intent (R18). */
export function sentFromLocalOnly(entry: Outbox, key: EntryKey, now: number): OutboxEntry {
	return fresh({...(entry ?? emptyEntry(key.reminderId, key.partition, now)), create: true});
}

/** retryReminder: the rep asks to send a parked record again (R19). */
export function retried(entry: OutboxEntry): OutboxEntry {
	return fresh(entry);
}

// ── The push (push-send.ts, push-settle.ts) ─────────────────────────────────────────────────────────────────

/** R18: just before a create request leaves; written again before each half of a split request (R39). */
export function createSending(entry: OutboxEntry, sent: CreateSent): OutboxEntry {
	return {...entry, createSent: sent};
}

/** R16: just before an update request leaves: what it sends, so a lost answer is recognised later. */
export function updateSending(entry: OutboxEntry, sent: UpdateSent): OutboxEntry {
	return {...entry, updateSent: sent};
}

/** The whole request was definitely refused (a 4xx, or sync switched off before it left): nothing in doubt. */
export function refusedWhole(entry: OutboxEntry): OutboxEntry {
	return withoutSent(entry);
}

/**
 * The create went through — Salesforce answered with the Task id, or the pull found the Task of a create in
 * doubt (R18). `pending`: the fields edited since the values sent, still to be pushed as an update.
 */
export function createAcknowledged(entry: Outbox, pending: readonly SyncedField[]): Outbox {
	if (!entry) return undefined;
	return orNone(fresh({...withoutSent(entry), create: false, fields: [...pending]}));
}

/** The update went through; `pending`: the queued fields whose values still differ from what Salesforce has. */
export function updateAcknowledged(entry: Outbox, pending: readonly SyncedField[]): Outbox {
	if (!entry) return undefined;
	const next = {...entry, fields: [...pending], attempts: 0, nextAttemptAt: 0};
	delete next.updateSent;
	return orNone(next);
}

/** A transient per-record refusal (R19): a definite "not written", retried at `nextAttemptAt`. */
export function retryingLater(entry: OutboxEntry, nextAttemptAt: number): OutboxEntry {
	return {...withoutSent(entry), attempts: entry.attempts + 1, nextAttemptAt};
}

/**
 * A permanent per-record refusal (R19, R39): parked until the rep edits or retries. A refused delete is no
 * longer a delete — its reminder comes back into view with the error.
 */
export function parked(entry: OutboxEntry): OutboxEntry {
	const next: OutboxEntry = {...withoutSent(entry), parked: 1, delete: false};
	delete next.notBefore;
	delete next.holdsEdit;
	return next;
}

// ── The pull (row-decision.ts) ────────────────────────────────────────────────────────────────────────────

/**
 * A pulled row of the Task was merged: `pending` are the fields still to push. The row also shows whether an
 * update in doubt was committed (the merge took it into account), so `updateSent` is settled.
 */
export function rowApplied(entry: Outbox, key: EntryKey, pending: readonly SyncedField[], now: number): Outbox {
	if (!entry && pending.length === 0) return undefined;
	const next = {...(entry ?? emptyEntry(key.reminderId, key.partition, now)), fields: [...pending]};
	delete next.updateSent;
	return orNone(next);
}

// ── Writing a transition's result ───────────────────────────────────────────────────────────────────────────

/**
 * Writes what a transition returned, inside the caller's transaction: the next entry, or — when nothing is
 * left to push (`undefined`) — no entry at all. True when an entry is left, so the caller can say whether the
 * reminder is still pending.
 */
export async function saveOrDropEntry(
	outbox: Pick<TicklerDb['outbox'], 'put' | 'delete'>,
	reminderId: string,
	entry: Outbox,
): Promise<boolean> {
	if (entry) await outbox.put(entry);
	else await outbox.delete(reminderId);
	return entry !== undefined;
}
