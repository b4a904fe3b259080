/**
 * The ONLY way the UI writes (engineering guide §1). Each function writes the reminder and its outbox
 * entry in one Dexie transaction, so a change is durable the moment the UI shows it (R17).
 */
import {t} from '../i18n/t.js';
import type {TicklerDb} from './open-db.js';
import {added, deleted, edited, retried, saveOrDropEntry, sentFromLocalOnly, undeleted} from './outbox-lifecycle.js';
import {isWhoAlerts, reminderAtMs, sameFieldValue} from './reminder-time.js';
import {LOCAL_PARTITION, SYNCED_FIELDS, type Reminder, type WhoAlerts} from './schema.js';
import type {ReminderAlertRecord} from './alert-record.js';
import {
	InvalidReminderError,
	type NewReminderInput,
	type ReminderPatch,
	validateNewReminder,
	validatePatch,
} from './reminder-validation.js';

export class ReminderNotFoundError extends Error {
	override name = 'ReminderNotFoundError';
	readonly id: string;
	constructor(id: string) {
		// Not "deleted in Salesforce": it may as well be the rep's own delete from another window (R43).
		super(t('editReminderGone'));
		this.id = id;
	}
}

/**
 * R31: the rep set this time here and now. A time already past still alerts once (the rep asked for it):
 * it counts as known from that time on, not from now (alerts/due-alerts.ts skips times learned long after).
 */
function setByRep(reminderAt: string, now: number): ReminderAlertRecord {
	return {knownAt: Math.min(now, reminderAtMs(reminderAt) ?? now)};
}

/** R43: what Undo says once the delete has gone through: the rep's own delete, not Salesforce's doing. */
export const undoTooLate = (): string => t('undoTooLate');

/** undoDelete after the delete already went through (or the reminder is gone for another reason). */
export class UndoNotPossibleError extends Error {
	override name = 'UndoNotPossibleError';
}

export type EditOptions = {
	/** Local clock, epoch ms (tests pass a fake clock's time). */
	now?: number;
};

export type AddOptions = EditOptions & {
	/** Defaults to the active partition (the one sync was last enabled for), else LOCAL_PARTITION. */
	partition?: string;
	/**
	 * The caller's id for the new reminder. Adding the same id again returns the reminder already stored
	 * and writes nothing: an add retried after its answer was lost never makes a second reminder (R18).
	 */
	id?: string;
};

/** The partition new reminders go into: the last one sync was enabled for, or 'local' (R2, R5). */
export async function activePartition(db: TicklerDb): Promise<string> {
	const row = await db.meta.get('activePartition');
	return row?.value ?? LOCAL_PARTITION;
}

export async function addReminder(db: TicklerDb, input: NewReminderInput, options: AddOptions = {}): Promise<Reminder> {
	const fields = validateNewReminder(input);
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox, db.partitions, db.meta], async () => {
		const existing = options.id === undefined ? undefined : await db.reminders.get(options.id);
		if (existing) return existing;
		const partitionId = options.partition ?? (await activePartition(db));
		const partition = await db.partitions.get(partitionId);
		// R5/R6: only reminders created while sync is on for their partition are ever pushed.
		const localOnly = !partition?.enabled;
		const reminder: Reminder = {
			...fields,
			id: options.id ?? crypto.randomUUID(),
			partition: partitionId,
			createdAt: now,
			updatedAt: now,
			editedAt: Object.fromEntries(SYNCED_FIELDS.map(field => [field, now])),
			origin: 'local',
			localOnly,
			syncState: localOnly ? 'local-only' : 'pending',
			...(typeof fields.reminderAt === 'string' ? {alert: setByRep(fields.reminderAt, now)} : {}),
		};
		await db.reminders.add(reminder);
		if (!localOnly) {
			// The create intent (R18): durable before anything is sent.
			await db.outbox.put(added({reminderId: reminder.id, partition: partitionId}, now));
		}

		return reminder;
	});
}

export async function editReminder(
	db: TicklerDb,
	id: string,
	patch: ReminderPatch,
	options: EditOptions = {},
): Promise<Reminder> {
	const valid = validatePatch(patch);
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		if (!reminder || reminder.deletedAt !== undefined) throw new ReminderNotFoundError(id);
		const changed = SYNCED_FIELDS.filter(field => field in valid && !sameFieldValue(valid[field], reminder[field]));
		if (changed.length === 0) return reminder;
		const editedAt = {...reminder.editedAt};
		for (const field of changed) editedAt[field] = now;
		const next: Reminder = {...reminder, ...valid, editedAt, updatedAt: now};
		// R60: a later edit replaces a held Complete or Snooze: its Undo would now undo more than the offer said.
		delete next.heldEdit;
		if (changed.includes('reminderAt')) {
			// R31: a new time is a new alert on this computer (a snooze too); no time, nothing to record.
			if (typeof next.reminderAt === 'string') next.alert = setByRep(next.reminderAt, now);
			else delete next.alert;
		}

		if (!reminder.localOnly) {
			// A create sends every field anyway; recording them too is harmless and keeps R12 simple.
			await db.outbox.put(
				edited(await db.outbox.get(id), {reminderId: id, partition: reminder.partition}, changed, now),
			);
			next.syncState = 'pending';
			delete next.error;
		}

		await db.reminders.put(next);
		return next;
	});
}

export async function completeReminder(db: TicklerDb, id: string, options: EditOptions = {}): Promise<Reminder> {
	return editReminder(db, id, {status: 'complete'}, options);
}

export async function reopenReminder(db: TicklerDb, id: string, options: EditOptions = {}): Promise<Reminder> {
	return editReminder(db, id, {status: 'open'}, options);
}

/**
 * Soft-deletes: the reminder disappears from every query at once and a tombstone stays until the
 * Task's deletion is pushed (R14) — not before the Undo offer has passed (R43). A reminder that never
 * reached Salesforce needs no push.
 */
export type DeleteOptions = EditOptions & {
	/**
	 * R43: the UI offers Undo for this delete, so it is held back from Salesforce until the offer has passed
	 * (outbox.ts DELETE_HOLD_MS). The worker's deleteReminder message — every delete the rep makes — sets it.
	 */
	heldForUndo?: boolean;
};

export async function deleteReminder(db: TicklerDb, id: string, options: DeleteOptions = {}): Promise<void> {
	const now = options.now ?? Date.now();
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		if (!reminder || reminder.deletedAt !== undefined) throw new ReminderNotFoundError(id);
		await db.reminders.put({...reminder, deletedAt: now, updatedAt: now});
		if (reminder.localOnly) return;
		// R43: held back until the Undo offer has passed; durable with the tombstone, so it still goes (once)
		// when the popup is closed, the worker stopped or the browser restarted meanwhile.
		const entry = await db.outbox.get(id);
		const key = {reminderId: id, partition: reminder.partition};
		await db.outbox.put(deleted(entry, key, now, options.heldForUndo ?? false));
	});
}

/**
 * Restores a deleted reminder whose deletion has not been pushed yet, with its pending edits and its link
 * (R43: within the Undo offer it always has not). Once the engine has deleted the Task, the tombstone is
 * gone and this throws UndoNotPossibleError: a deletion is never undone by sync (R14). The message says
 * what happened — the offer passed — and never blames Salesforce for the rep's own delete (R43).
 */
export async function undoDelete(db: TicklerDb, id: string, options: EditOptions = {}): Promise<Reminder> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		if (!reminder || reminder.deletedAt === undefined) {
			throw new UndoNotPossibleError(undoTooLate());
		}

		const restored: Reminder = {...reminder, updatedAt: now};
		delete restored.deletedAt;
		const entry = await db.outbox.get(id);
		if (entry) {
			const left = await saveOrDropEntry(db.outbox, id, undeleted(entry));
			if (!left && restored.syncState === 'pending') restored.syncState = 'synced';
		}

		await db.reminders.put(restored);
		return restored;
	});
}

/** Sending local-only reminders needs sync on for their partition: there is nowhere to send them otherwise. */
export class SyncOffError extends Error {
	override name = 'SyncOffError';
	constructor() {
		super(t('sendLocalOnlySyncOff'));
	}
}

/**
 * R44/R5: the rep sends local-only reminders to Salesforce on purpose. Each becomes an ordinary create
 * through the outbox — the create intent of R18, so a request that may have gone out is matched by the
 * next pull, never sent twice. Idempotent: a reminder already sent is no longer local-only and is skipped,
 * so pressing twice (or again after an interruption: this is one transaction) creates no duplicate.
 * Only reminders of the active partition, not deleted and never linked, are sent. Returns how many were.
 */
export async function sendLocalOnly(db: TicklerDb, ids: readonly string[], options: EditOptions = {}): Promise<number> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', [db.reminders, db.outbox, db.partitions, db.meta], async () => {
		const partitionId = await activePartition(db);
		const partition = await db.partitions.get(partitionId);
		if (!partition?.enabled) throw new SyncOffError();
		const rows = await db.reminders.bulkGet([...new Set(ids)]);
		let sent = 0;
		for (const reminder of rows) {
			if (!reminder?.localOnly || reminder.partition !== partitionId) continue;
			if (reminder.deletedAt !== undefined || reminder.taskId !== undefined) continue;
			const key = {reminderId: reminder.id, partition: partitionId};
			await db.outbox.put(sentFromLocalOnly(await db.outbox.get(reminder.id), key, now));
			const next: Reminder = {...reminder, localOnly: false, syncState: 'pending', updatedAt: now};
			delete next.error;
			await db.reminders.put(next);
			sent++;
		}

		return sent;
	});
}

/** Clears a reminder's error so the engine pushes it again (R19). */
export async function retryReminder(db: TicklerDb, id: string, options: EditOptions = {}): Promise<void> {
	const now = options.now ?? Date.now();
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const reminder = await db.reminders.get(id);
		if (!reminder) throw new ReminderNotFoundError(id);
		const entry = await db.outbox.get(id);
		const next: Reminder = {
			...reminder,
			syncState: entry ? 'pending' : reminder.localOnly ? 'local-only' : 'synced',
			updatedAt: now,
		};
		delete next.error;
		await db.reminders.put(next);
		if (entry) await db.outbox.put(retried(entry));
	});
}

/** Changes the subject template of a partition (R10; options page). */
export async function setSubjectTemplate(db: TicklerDb, partition: string, template: string): Promise<void> {
	if (template.length > 1000) throw new InvalidReminderError('name', t('templateTooLong'));
	await db.partitions.update(partition, {subjectTemplate: template});
}

/** R32: who alerts at this partition's reminder times (options page). Changes no reminder: see docs/rules.md R32. */
export async function setWhoAlerts(db: TicklerDb, partition: string, whoAlerts: WhoAlerts): Promise<void> {
	if (!isWhoAlerts(whoAlerts)) throw new InvalidReminderError('reminderAt', t('whoAlertsInvalid'));
	await db.partitions.update(partition, {whoAlerts});
}
