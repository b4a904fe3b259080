/**
 * When an outbox entry may be pushed (R19, R43), and the Undo offer's timing. The entry's transitions — how
 * it is created, coalesced, sent, acknowledged, parked — live in `outbox-lifecycle.ts`, with its state diagram.
 */
import type {OutboxEntry} from './schema.js';

/** R43: how long the UI offers Undo after a delete (the popup's and the All reminders page's toast). */
export const UNDO_OFFER_MS = 8000;
/**
 * R43: how long a delete is held back from Salesforce: the offer, plus room for an Undo clicked at its last
 * moment to reach the worker. Until then the delete is Tickler's alone and Undo restores everything.
 */
export const DELETE_HOLD_MS = UNDO_OFFER_MS + 2000;

/**
 * When the next cycle may push this entry: after its per-record retry wait (R19) and, for a delete or a held
 * Complete or Snooze, after the Undo offer (R43, R60). One decision for push and for the schedule, so they never
 * disagree.
 */
export function readyAt(entry: OutboxEntry): number {
	return Math.max(entry.nextAttemptAt, isHeldForUndo(entry) ? (entry.notBefore ?? 0) : 0);
}

/** R43/R60: the entry waits for an Undo offer (a delete, or a held edit), whether or not the offer has passed. */
export function isHeldForUndo(entry: OutboxEntry): boolean {
	return entry.delete || entry.holdsEdit === true;
}

/**
 * Whether the next cycle pushes this entry: not parked (a parked entry waits for the rep's edit or retry, R19)
 * and `readyAt` has come. The one answer for push, the schedule's count and the Task-page badge (R13, R21).
 */
export function isReadyToPush(entry: OutboxEntry, now: number): boolean {
	return entry.parked === 0 && readyAt(entry) <= now;
}
