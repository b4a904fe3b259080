/**
 * R60: Complete and Snooze with Undo, on R43's terms — the same hold as a delete's (outbox.ts `notBefore`):
 * the change is durable at once and shown at once, but reaches Salesforce only after the Undo offer has passed;
 * Undo within the offer restores everything the change touched (values, edit times, what was queued and how —
 * a parked record stays parked with its error —, the reminder's sync state and its alert record). Like the
 * other UI writes, each is one Dexie transaction.
 */
import {t} from '../i18n/t.js';
import type {TicklerDb} from './open-db.js';
import {editUndone, heldForUndo} from './outbox-lifecycle.js';
import {DELETE_HOLD_MS, isHeldForUndo} from './outbox.js';
import {type EditOptions, editReminder, ReminderNotFoundError, UndoNotPossibleError} from './local-edits.js';
import type {ReminderPatch} from './reminder-validation.js';
import type {HeldEdit} from './kept-values.js';
import {SYNCED_FIELDS, type Reminder, type SyncedField} from './schema.js';

/** Undo after the held change went through, or after another change replaced it. */
export const editUndoTooLate = (): string => t('undoEditTooLate');

/** Complete (or Snooze: a new reminder time) with an Undo offer: held back from Salesforce until it passes. */
export async function editHeldForUndo(
	db: TicklerDb,
	id: string,
	patch: ReminderPatch,
	options: EditOptions = {},
): Promise<Reminder> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const before = await db.reminders.get(id);
		if (!before || before.deletedAt !== undefined) throw new ReminderNotFoundError(id);
		const queuedEntry = await db.outbox.get(id);
		const edited = await editReminder(db, id, patch, {now});
		const changed = SYNCED_FIELDS.filter(field => edited.editedAt[field] === now && before.editedAt[field] !== now);
		if (changed.length === 0) return edited;
		const heldEdit: HeldEdit = {
			until: now + DELETE_HOLD_MS,
			before: Object.fromEntries(changed.map(field => [field, before[field]])),
			editedAt: Object.fromEntries(changed.map(field => [field, before.editedAt[field]])),
			queued: [...(queuedEntry?.fields ?? [])],
			syncState: before.syncState,
			...(before.alert ? {alert: before.alert} : {}),
			...(before.error ? {error: before.error} : {}),
			...(queuedEntry?.parked === 1 ? {parked: true} : {}),
		};
		const entry = await db.outbox.get(id);
		if (entry) await db.outbox.put(heldForUndo(entry, now));
		const next: Reminder = {...edited, heldEdit};
		await db.reminders.put(next);
		return next;
	});
}

/** The edit times as they were before the held edit, for the fields it changed. */
function editedAtBefore(reminder: Reminder, held: HeldEdit, fields: readonly SyncedField[]): Reminder['editedAt'] {
	const kept = Object.entries(reminder.editedAt).filter(([field]) => !fields.includes(field as SyncedField));
	const restored = fields.flatMap(field => {
		const at = held.editedAt[field];
		return at === undefined ? [] : [[field, at] as const];
	});
	return Object.fromEntries([...kept, ...restored]);
}

/**
 * Takes a held Complete or Snooze back while its offer lasts (R60). After the offer, or once the change went
 * to Salesforce, this throws UndoNotPossibleError: the change is the rep's, and it stays.
 */
export async function undoEdit(db: TicklerDb, id: string, options: EditOptions = {}): Promise<Reminder> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		const held = reminder?.heldEdit;
		if (!reminder || reminder.deletedAt !== undefined || !held || held.until <= now)
			throw new UndoNotPossibleError(editUndoTooLate());
		const fields = SYNCED_FIELDS.filter(field => field in held.before);
		const restored: Reminder = {...reminder, ...held.before, updatedAt: now};
		restored.editedAt = editedAtBefore(reminder, held, fields);
		if (held.alert) restored.alert = held.alert;
		else delete restored.alert;
		delete restored.heldEdit;
		const entry = await db.outbox.get(id);
		const next = entry ? editUndone(entry, fields, held.queued) : undefined;
		if (next) await db.outbox.put(held.parked ? {...next, parked: 1} : next);
		else if (entry) await db.outbox.delete(id);
		// As it was: nothing left to push is the state before; a record parked before is parked again, with why.
		if (!next || held.parked) restored.syncState = held.syncState;
		if (held.error) restored.error = held.error;
		await db.reminders.put(restored);
		return restored;
	});
}

/**
 * R48 on R43's terms: while the rep holds the Undo offer open (focus or pointer on it), the page asks that the
 * change — a delete or a held Complete or Snooze — stay held DELETE_HOLD_MS more from now, so an Undo the offer
 * still shows still restores everything. A hold that has passed stays passed (the change may be in Salesforce).
 * Returns whether anything was still held.
 */
export async function extendUndoHold(db: TicklerDb, id: string, options: EditOptions = {}): Promise<boolean> {
	const now = options.now ?? Date.now();
	const until = now + DELETE_HOLD_MS;
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		const entry = await db.outbox.get(id);
		let held = false;
		if (reminder?.heldEdit && reminder.heldEdit.until > now) {
			await db.reminders.put({
				...reminder,
				heldEdit: {...reminder.heldEdit, until: Math.max(reminder.heldEdit.until, until)},
			});
			held = true;
		}

		if (entry && isHeldForUndo(entry) && (entry.notBefore ?? 0) > now) {
			await db.outbox.put({...entry, notBefore: Math.max(entry.notBefore ?? 0, until)});
			held = true;
		}

		// A local-only reminder's delete has no entry: its tombstone is Undo's for as long as it lasts.
		return held || (reminder?.deletedAt !== undefined && reminder.localOnly);
	});
}
