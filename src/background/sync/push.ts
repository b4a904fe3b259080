/**
 * Push (R12, R13, R14, R18, R19): drains the outbox in sObject Collections batches of 200. A create's
 * intent is recorded (createSent) in its own transaction before the request leaves, so an ambiguous
 * failure is resolved by the next pull instead of creating twice. Acks are written only after Salesforce
 * answered, and each is checked against what the reminder holds now (the UI may have edited meanwhile).
 */
import {classifyCode, describeRecordError, isGone, SalesforceApiError} from '@/background/salesforce/errors.js';
import {MAX_BATCH, type SaveResult, type TaskWrite} from '@/background/salesforce/port.js';
import {
	SYNCED_FIELDS,
	type OutboxEntry,
	type Reminder,
	type ReminderFields,
	type SyncedField,
} from '@/shared/store/schema.js';
import {isReadyToPush, withoutUpdateSent} from '@/shared/store/outbox.js';
import {detach, lookUpAccess} from './access.js';
import {assertEnabled, SyncDisabledError, type CycleContext} from './context.js';
import {createWrite, pickFields, updateWrite} from './mapping.js';
import {backoffDelay} from '@/background/schedule/scheduler.js';
import {renderSubject} from '@/shared/subject-template.js';

type Item = {entry: OutboxEntry; reminder: Reminder};
type UpdateItem = Item & {write: TaskWrite; sent: Partial<ReminderFields>};

function chunks<T>(items: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += MAX_BATCH) out.push(items.slice(i, i + MAX_BATCH));
	return out;
}

/**
 * R18: true only when the whole create request is known not to have created anything: sync was disabled
 * before it left (SyncDisabledError from the cycle's guarded port), or Salesforce refused it with a 4xx
 * other than 408 (request timeout) and 429 (too many requests) — validation/JSON errors (400), an invalid
 * session (401), REQUEST_LIMIT_EXCEEDED (403): refused before any DML. Every 5xx, a missing status (network
 * error, timeout) and a malformed answer leave the creates in doubt.
 */
export function definitelyNotCreated(error: unknown): boolean {
	if (error instanceof SyncDisabledError) return true;
	if (!(error instanceof SalesforceApiError) || error.status === undefined) return false;
	const {status} = error;
	return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export async function push(ctx: CycleContext): Promise<void> {
	const {db} = ctx.deps;
	const now = ctx.deps.clock.now();
	// Not before a record's retry wait (R19) nor, for a delete, before its Undo offer has passed (R43).
	const entries = (await db.outbox.where('[partition+parked]').equals([ctx.partition.id, 0]).toArray()).filter(e =>
		isReadyToPush(e, now),
	);
	const reminders = await db.reminders.bulkGet(entries.map(e => e.reminderId));
	const template = ctx.partition.subjectTemplate;
	const creates: Item[] = [];
	const updates: UpdateItem[] = [];
	const deletes: Item[] = [];
	const dropEntries: string[] = [];
	const dropReminders: string[] = [];
	const ackedLocally: UpdateItem[] = [];
	entries.forEach((entry, index) => {
		const reminder = reminders[index];
		if (!reminder || reminder.localOnly) {
			dropEntries.push(entry.reminderId);
		} else if (reminder.deletedAt !== undefined) {
			if (reminder.taskId) {
				deletes.push({entry, reminder});
			} else {
				// Never reached Salesforce: the pull just completed and linked no in-doubt create (R18).
				dropEntries.push(entry.reminderId);
				dropReminders.push(reminder.id);
			}
		} else if (!reminder.taskId) {
			if (entry.create || entry.createSent) creates.push({entry, reminder});
			else dropEntries.push(entry.reminderId);
		} else if (entry.fields.length > 0) {
			const base = reminder.base;
			const changed = entry.fields.filter(field => !base || reminder[field] !== base[field]);
			const write = updateWrite(reminder, changed, template, ctx.picklists);
			const sent = Object.fromEntries(changed.map(field => [field, reminder[field]])) as Partial<ReminderFields>;
			(Object.keys(write).length === 0 ? ackedLocally : updates).push({entry, reminder, write, sent});
		} else {
			dropEntries.push(entry.reminderId);
		}
	});
	if (dropEntries.length > 0 || dropReminders.length > 0) {
		await db.transaction('rw', [db.outbox, db.reminders], async () => {
			await db.outbox.bulkDelete(dropEntries);
			await db.reminders.bulkDelete(dropReminders);
		});
	}

	// Nothing to send (e.g. a rename with a template that ignores the name, R10): settle locally.
	for (const item of ackedLocally) await ackUpdate(ctx, item);

	for (const batch of chunks(deletes)) {
		await assertEnabled(ctx);
		const results = await ctx.sf.deleteTasks(batch.map(item => item.reminder.taskId ?? ''));
		await settle(ctx, batch, results, async item => ackDelete(ctx, item), 'delete');
	}

	for (const batch of chunks(creates)) {
		await assertEnabled(ctx);
		const sentAt = ctx.serverNow();
		const cursor = (await db.checkpoints.get(ctx.partition.id))?.systemModstamp ?? null;
		const payload = batch.map(item => ({
			fields: pickFields(item.reminder),
			write: createWrite(item.reminder, template, ctx.picklists),
		}));
		// R18: the intent is durable before the request leaves.
		await db.transaction('rw', db.outbox, async () => {
			for (const [i, item] of batch.entries()) {
				const sent = payload[i];
				if (!sent) continue;
				await db.outbox.update(item.entry.reminderId, {
					createSent: {at: sentAt, subject: sent.write.Subject ?? '', fields: sent.fields, cursor},
				});
			}
		});
		let results: SaveResult[];
		try {
			results = await ctx.sf.createTasks(payload.map(p => p.write));
		} catch (error) {
			// R18: only a definite refusal of the whole request means nothing was created; then the creates are
			// no longer in doubt. Anything else — any 5xx (a 502/503/504 from a gateway can follow a committed
			// insert), no answer (timeout, dropped connection, the worker stopped) or an answer we cannot read —
			// stays in doubt, and the next complete pull links the Task or finds none and sends it again.
			if (definitelyNotCreated(error)) {
				await db.transaction('rw', db.outbox, async () => {
					for (const item of batch) {
						const entry = await db.outbox.get(item.entry.reminderId);
						if (entry?.createSent) {
							const next = {...entry};
							delete next.createSent;
							await db.outbox.put(next);
						}
					}
				});
			}

			throw error;
		}
		await settle(
			ctx,
			batch,
			results,
			async (item, result, i) => ackCreate(ctx, item, result.id, payload[i]?.fields ?? pickFields(item.reminder)),
			'create',
		);
	}

	for (const batch of chunks(updates)) {
		await assertEnabled(ctx);
		// R16/R18: what this update sends is durable before the request leaves, so that if its answer is lost
		// the next pull can tell our own committed values from an edit made in Salesforce.
		const sentAt = ctx.serverNow();
		await db.transaction('rw', db.outbox, async () => {
			for (const item of batch) {
				const entry = await db.outbox.get(item.entry.reminderId);
				if (entry) await db.outbox.put({...entry, updateSent: {at: sentAt, fields: item.sent}});
			}
		});
		let results: SaveResult[];
		try {
			results = await ctx.sf.updateTasks(batch.map(item => ({...item.write, Id: item.reminder.taskId ?? ''})));
		} catch (error) {
			// As for creates: only a definite refusal of the whole request means nothing was written.
			if (definitelyNotCreated(error)) await clearUpdateSent(ctx, batch);
			throw error;
		}

		await settle(
			ctx,
			batch,
			results,
			async item => ackUpdate(ctx, item),
			'update',
			async item => goneInSalesforce(ctx, item),
		);
	}
}

/** R37: refusals that may mean the Task is no longer the rep's; one Id lookup tells (access.ts). */
const ACCESS_REFUSED: readonly string[] = ['INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS'];

type Refusal<T> = {item: T; code: string; message: string};

/**
 * Per-record outcome: success → ack; gone → counts as deleted (R14); transient → retry later; permanent →
 * park (R19); an access refusal of an update or delete → looked up (R37, `settleAccessRefusals`).
 */
async function settle<T extends Item>(
	ctx: CycleContext,
	batch: T[],
	results: SaveResult[],
	ack: (item: T, result: {id: string}, index: number) => Promise<void>,
	kind: 'create' | 'update' | 'delete',
	onGone?: (item: T) => Promise<void>,
): Promise<void> {
	const isCreate = kind === 'create';
	const refusedAccess: Array<Refusal<T>> = [];
	for (const [i, item] of batch.entries()) {
		const result = results[i];
		if (!result) continue;
		if (result.success) {
			await ack(item, result, i);
			ctx.stats.pushed++;
			continue;
		}

		const first = result.errors[0] ?? {statusCode: 'UNKNOWN', message: ''};
		if (!isCreate && isGone(first.statusCode)) {
			await (onGone ? onGone(item) : ack(item, {id: item.reminder.taskId ?? ''}, i));
			if (!onGone) ctx.stats.pushed++;
			continue;
		}

		ctx.stats.errors.push({code: first.statusCode, message: 'A record was refused'});
		if (!isCreate && ACCESS_REFUSED.includes(first.statusCode)) {
			refusedAccess.push({item, code: first.statusCode, message: first.message});
			continue;
		}

		const cls = classifyCode(first.statusCode);
		await (cls === 'permanent'
			? park(ctx, item, first.statusCode, first.message, isCreate)
			: retryLater(ctx, item, isCreate));
	}

	if (refusedAccess.length > 0) await settleAccessRefusals(ctx, refusedAccess, kind, ack, onGone);
}

/**
 * R37: an update or delete refused for lack of access. One `queryAll` by Id for the whole batch says why:
 * deleted → as gone (R14); reassigned or invisible → an update detaches the reminder (kept, marked, no
 * longer synced), a delete is done locally (the Task is not the rep's, R1); still the rep's but read-only
 * (record type, sharing, permission) → parked with the refusal's message and hint (R19). Nothing retries
 * by itself, so nothing loops.
 */
async function settleAccessRefusals<T extends Item>(
	ctx: CycleContext,
	refused: Array<Refusal<T>>,
	kind: 'create' | 'update' | 'delete',
	ack: (item: T, result: {id: string}, index: number) => Promise<void>,
	onGone?: (item: T) => Promise<void>,
): Promise<void> {
	const access = await lookUpAccess(
		ctx,
		refused.map(r => r.item.reminder.taskId ?? ''),
	);
	const notYours: string[] = [];
	const hidden: string[] = [];
	for (const [i, {item, code, message}] of refused.entries()) {
		const state = access.get(item.reminder.taskId ?? '') ?? 'missing';
		if (state === 'yours') {
			await park(ctx, item, code, message, false);
		} else if (state === 'deleted' || kind === 'delete') {
			await (onGone ? onGone(item) : ack(item, {id: item.reminder.taskId ?? ''}, i));
		} else {
			(state === 'not-yours' ? notYours : hidden).push(item.reminder.id);
		}
	}

	if (notYours.length > 0) await detach(ctx, notYours, 'not-yours');
	if (hidden.length > 0) await detach(ctx, hidden, 'no-access');
}

async function ackCreate(ctx: CycleContext, item: Item, taskId: string, sentFields: ReminderFields): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const current = await db.reminders.get(item.reminder.id);
		const entry = await db.outbox.get(item.reminder.id);
		if (!current) return;
		const next: Reminder = {
			...current,
			taskId,
			base: {...sentFields, lastModifiedDate: '', systemModstamp: '', sfStatus: '', sfPriority: ''},
		};
		const pending = SYNCED_FIELDS.filter(field => current[field] !== sentFields[field]);
		const nextEntry: OutboxEntry | undefined = entry
			? {...entry, create: false, fields: pending, attempts: 0, nextAttemptAt: 0}
			: undefined;
		if (nextEntry) delete nextEntry.createSent;
		if (nextEntry && (nextEntry.delete || pending.length > 0)) {
			await db.outbox.put(nextEntry);
			next.syncState = 'pending';
		} else {
			await db.outbox.delete(item.reminder.id);
			next.syncState = 'synced';
		}

		await db.reminders.put(next);
	});
}

async function ackUpdate(ctx: CycleContext, item: UpdateItem): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const current = await db.reminders.get(item.reminder.id);
		const entry = await db.outbox.get(item.reminder.id);
		if (!current?.base) return;
		const next: Reminder = {...current, base: {...current.base, ...item.sent}};
		const nextBase = next.base ?? current.base;
		// Value-based ack: whatever now equals what Salesforce has is done; edits made meanwhile stay queued.
		const fields = (entry?.fields ?? []).filter((field: SyncedField) => current[field] !== nextBase[field]);
		if (entry && (fields.length > 0 || entry.delete)) {
			await db.outbox.put({...withoutUpdateSent(entry), fields, attempts: 0, nextAttemptAt: 0});
		} else {
			await db.outbox.delete(item.reminder.id);
			if (current.syncState === 'pending') next.syncState = 'synced';
		}

		await db.reminders.put(next);
	});
}

async function clearUpdateSent(ctx: CycleContext, batch: Item[]): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', db.outbox, async () => {
		for (const item of batch) {
			const entry = await db.outbox.get(item.entry.reminderId);
			if (entry) await db.outbox.put(withoutUpdateSent(entry));
		}
	});
}

async function ackDelete(ctx: CycleContext, item: Item): Promise<void> {
	const {db} = ctx.deps;
	// R14: once Salesforce confirmed (or the Task was already gone), the tombstone goes; even an undo that
	// raced with the request loses, because the Task no longer exists.
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		await db.reminders.delete(item.reminder.id);
		await db.outbox.delete(item.reminder.id);
	});
}

/** An update hit a Task deleted in Salesforce: the deletion wins (R16), the reminder goes. */
async function goneInSalesforce(ctx: CycleContext, item: Item): Promise<void> {
	await ackDelete(ctx, item);
	ctx.stats.deleted++;
}

async function retryLater(ctx: CycleContext, item: Item, isCreate: boolean): Promise<void> {
	const {db} = ctx.deps;
	const entry = await db.outbox.get(item.reminder.id);
	if (!entry) return;
	const attempts = entry.attempts + 1;
	// A per-record failure is a definite answer: the update was not written either.
	const next: OutboxEntry = {
		...withoutUpdateSent(entry),
		attempts,
		nextAttemptAt: ctx.deps.clock.now() + backoffDelay(attempts - 1, ctx.deps.random?.() ?? 0.5),
	};
	// A per-record failure is a definite "not created", so the create is no longer in doubt.
	if (isCreate) delete next.createSent;
	await db.outbox.put(next);
}

async function park(ctx: CycleContext, item: Item, code: string, message: string, isCreate: boolean): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const entry = await db.outbox.get(item.reminder.id);
		const current = await db.reminders.get(item.reminder.id);
		if (!entry || !current) return;
		const next: OutboxEntry = {...withoutUpdateSent(entry), parked: 1};
		if (isCreate) delete next.createSent;
		await db.outbox.put(next);
		const reminder: Reminder = {...current, syncState: 'error', error: describeRecordError(code, message)};
		// A refused delete brings the reminder back into view, so the rep can see the error (R19).
		if (entry.delete) {
			delete reminder.deletedAt;
			next.delete = false;
			await db.outbox.put(next);
		}

		await db.reminders.put(reminder);
	});
}

export {renderSubject};
