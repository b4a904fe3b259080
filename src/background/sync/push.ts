/**
 * Push (R12, R13, R14, R18, R19, R39): drains the outbox in sObject Collections requests of up to 200
 * records, in three steps, each keyed by the work's kind (`delete`, `create`, `update`):
 *
 *   plan   (pure)  outbox entries + reminders ─► what to drop, what settles without a request, and per kind
 *                  the records to send with what each carries
 *   send           per kind, per batch: mark what leaves (a create's intent, an update's values — R18, R16),
 *                  then one request; a request refused as a whole for what it carries is split until the
 *                  records at fault are alone (R39)
 *   settle         per record: success → ack; gone → deleted (R14); access refused → looked up (R37);
 *                  transient → that record retries later; permanent → parked with a message and hint (R19)
 *
 * Acks are written only after Salesforce answered, and each is checked against what the reminder holds now
 * (the UI may have edited meanwhile).
 */
import {
	asRecordError,
	classifyCode,
	describeRecordError,
	isGone,
	isRecordFault,
	SalesforceApiError,
} from '@/background/salesforce/errors.js';
import {MAX_BATCH, type SaveResult, type TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {
	SYNCED_FIELDS,
	type OutboxEntry,
	type Reminder,
	type ReminderFields,
	type SyncedField,
	type WhoAlerts,
} from '@/shared/store/schema.js';
import {isReadyToPush} from '@/shared/store/outbox.js';
import {
	createAcknowledged,
	createSending,
	parked,
	refusedWhole,
	retryingLater,
	updateAcknowledged,
	updateSending,
} from '@/shared/store/outbox-lifecycle.js';
import {detach, lookUpAccess} from './access.js';
import {assertEnabled, SyncDisabledError, type CycleContext} from './cycle-context.js';
import {backoffDelay} from '@/background/runner/cadence.js';
import {createWrite, pickFields, updateWrite, type OrgPicklists} from './mapping.js';
import {salesforceAlertAfterWrite, withSalesforceAlert} from './reminder-mapping.js';
import {DEFAULT_WHO_ALERTS, sameFieldValue} from '@/shared/store/reminder-time.js';
import {effectiveWhoAlerts} from '@/shared/who-alerts.js';

/** What a request does to a Task. Deletes go first, then creates, then updates (docs/sync-protocol.md). */
export type PushKind = 'delete' | 'create' | 'update';
export const PUSH_ORDER: readonly PushKind[] = ['delete', 'create', 'update'];

/** One record's share of a request. */
export type Work = {
	kind: PushKind;
	entry: OutboxEntry;
	reminder: Reminder;
	/** The Task written or deleted; '' for a create. */
	taskId: string;
	/** The fields the request carries for this record; {} for a delete. */
	write: TaskWrite;
	/** The reminder's values this request makes Salesforce's: all five for a create, the changed ones for an update. */
	sent: Partial<ReminderFields>;
};

export type PushPlan = {
	/** Entries with nothing left to push (their reminder is gone, local-only, or has no change). */
	dropEntries: string[];
	/** Tombstones of reminders that never reached Salesforce (no Task to delete). */
	dropReminders: string[];
	/** Updates with nothing to send (e.g. a rename with a template that ignores the name, R10). */
	settleLocally: Work[];
	send: Record<PushKind, Work[]>;
};

/** Pure: what this push does with each ready entry. */
export function planPush(
	entries: readonly OutboxEntry[],
	reminders: ReadonlyArray<Reminder | undefined>,
	template: string,
	picklists: OrgPicklists,
	whoAlerts: WhoAlerts = DEFAULT_WHO_ALERTS,
): PushPlan {
	const plan: PushPlan = {
		dropEntries: [],
		dropReminders: [],
		settleLocally: [],
		send: {delete: [], create: [], update: []},
	};
	entries.forEach((entry, index) => {
		const reminder = reminders[index];
		if (!reminder || reminder.localOnly) {
			plan.dropEntries.push(entry.reminderId);
		} else if (reminder.deletedAt !== undefined) {
			if (reminder.taskId) {
				plan.send.delete.push({kind: 'delete', entry, reminder, taskId: reminder.taskId, write: {}, sent: {}});
			} else {
				// Never reached Salesforce: the pull just completed and linked no in-doubt create (R18).
				plan.dropEntries.push(entry.reminderId);
				plan.dropReminders.push(reminder.id);
			}
		} else if (!reminder.taskId) {
			if (entry.create || entry.createSent) {
				const write = createWrite(reminder, template, picklists, whoAlerts);
				plan.send.create.push({kind: 'create', entry, reminder, taskId: '', write, sent: pickFields(reminder)});
			} else {
				plan.dropEntries.push(entry.reminderId);
			}
		} else if (entry.fields.length > 0) {
			const base = reminder.base;
			const changed = entry.fields.filter(field => !base || !sameFieldValue(reminder[field], base[field]));
			const write = updateWrite(reminder, changed, template, picklists, whoAlerts);
			const sent = Object.fromEntries(changed.map(field => [field, reminder[field]])) as Partial<ReminderFields>;
			const work: Work = {kind: 'update', entry, reminder, taskId: reminder.taskId, write, sent};
			(Object.keys(write).length === 0 ? plan.settleLocally : plan.send.update).push(work);
		} else {
			plan.dropEntries.push(entry.reminderId);
		}
	});
	return plan;
}

function chunks<T>(items: T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += MAX_BATCH) out.push(items.slice(i, i + MAX_BATCH));
	return out;
}

/**
 * R18: true only when the whole request is known not to have written anything: sync was disabled before it
 * left (SyncDisabledError from the cycle's guarded port), or Salesforce refused it with a 4xx other than 408
 * (request timeout) and 429 (too many requests) — validation/JSON errors (400), an invalid session (401),
 * REQUEST_LIMIT_EXCEEDED (403): refused before any DML. Every 5xx, a missing status (network error,
 * timeout) and a malformed answer leave the creates (and updates) in doubt.
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
	// R32: without the notifications permission Salesforce alerts in Tickler's place (IsReminderSet=true).
	// R32: the permission arrives through the deps (the engine never calls browser APIs); absent = granted.
	const granted = (await ctx.deps.notificationsGranted?.()) ?? true;
	const whoAlerts = effectiveWhoAlerts(ctx.partition.whoAlerts ?? DEFAULT_WHO_ALERTS, granted);
	const plan = planPush(entries, reminders, ctx.partition.subjectTemplate, ctx.picklists, whoAlerts);
	if (plan.dropEntries.length > 0 || plan.dropReminders.length > 0) {
		await db.transaction('rw', [db.outbox, db.reminders], async () => {
			await db.outbox.bulkDelete(plan.dropEntries);
			await db.reminders.bulkDelete(plan.dropReminders);
		});
	}

	for (const work of plan.settleLocally) await ackUpdate(ctx, work);

	// R39: a record Salesforce refuses never stops the others: `send` isolates it and settles it as that
	// record's error, so each kind runs whatever the others met. A failure that is not about the records
	// (no answer, 5xx, lock, session, limit) is Salesforce's as a whole: the cycle ends and backs off (R19–R21).
	for (const kind of PUSH_ORDER) {
		for (const batch of chunks(plan.send[kind])) await send(ctx, kind, batch);
	}
}

/**
 * One request for `batch` (all of `kind`). R39: when Salesforce refuses the whole request for what it carries
 * (errors.ts `isRecordFault`: a 400 such as JSON_PARSER_ERROR or MALFORMED_ID, definitely nothing written),
 * the batch is split in halves and each half sent, down to single records; a single record's refusal is
 * settled as its own per-record error (parked with message and hint, or gone, or an access lookup).
 *
 * Bound: a split happens only for a request that failed, and every failed request holds a record at fault, so
 * at each of the ⌈log₂ n⌉ levels of halving at most k requests fail (k records at fault) and each sends two
 * halves. A batch of n records costs at most 1 + 2·k·⌈log₂ n⌉ requests: 17 for one bad record among 200
 * (tested in test/sync/refusals.int.test.ts).
 *
 * R18: a create's intent (`createSent`) is written before every request that carries it, halves included. It
 * is cleared only by a definite answer: a per-record result, or a whole-request refusal that is not split
 * further. Splitting re-sends only after a definite refusal (a 4xx: nothing was created), so every create
 * still reaches Salesforce at most once; a worker stopped mid-split leaves the intent in doubt for the next
 * pull to resolve, as for any create.
 */
async function send(ctx: CycleContext, kind: PushKind, batch: Work[]): Promise<void> {
	await assertEnabled(ctx);
	await markSent(ctx, kind, batch);
	let results: SaveResult[];
	try {
		results = await request(ctx, kind, batch);
	} catch (error) {
		// In doubt (any 5xx, no answer, an unreadable answer): the marks stay for the next pull to resolve (R18).
		if (!definitelyNotCreated(error)) throw error;
		if (!isRecordFault(error)) {
			await clearSent(ctx, kind, batch);
			throw error;
		}

		if (batch.length > 1) {
			const half = Math.ceil(batch.length / 2);
			await send(ctx, kind, batch.slice(0, half));
			await send(ctx, kind, batch.slice(half));
			return;
		}

		results = [{success: false, errors: [asRecordError(error)]}];
	}

	await settle(ctx, kind, batch, results);
}

async function request(ctx: CycleContext, kind: PushKind, batch: Work[]): Promise<SaveResult[]> {
	switch (kind) {
		case 'delete':
			return ctx.sf.deleteTasks(batch.map(work => work.taskId));
		case 'create':
			return ctx.sf.createTasks(batch.map(work => work.write));
		case 'update':
			return ctx.sf.updateTasks(batch.map(work => ({...work.write, Id: work.taskId})));
	}
}

/** R18 (creates) and R16 (updates): what leaves is durable before the request does. */
async function markSent(ctx: CycleContext, kind: PushKind, batch: Work[]): Promise<void> {
	if (kind === 'delete') return;
	const {db} = ctx.deps;
	const at = ctx.serverNow();
	const cursor = kind === 'create' ? ((await db.checkpoints.get(ctx.partition.id))?.systemModstamp ?? null) : null;
	await db.transaction('rw', db.outbox, async () => {
		for (const work of batch) {
			const entry = await db.outbox.get(work.entry.reminderId);
			if (!entry) continue;
			await db.outbox.put(
				kind === 'create'
					? createSending(entry, {at, subject: work.write.Subject ?? '', fields: pickFields(work.reminder), cursor})
					: updateSending(entry, {at, fields: work.sent}),
			);
		}
	});
}

/** A definite refusal of the whole request: nothing was written, so nothing is in doubt any more (R18). */
async function clearSent(ctx: CycleContext, kind: PushKind, batch: Work[]): Promise<void> {
	if (kind === 'delete') return;
	const {db} = ctx.deps;
	await db.transaction('rw', db.outbox, async () => {
		for (const work of batch) {
			const entry = await db.outbox.get(work.entry.reminderId);
			if (entry) await db.outbox.put(refusedWhole(entry));
		}
	});
}

function carriesRelated(write: TaskWrite): boolean {
	return 'WhoId' in write || 'WhatId' in write;
}

/** R37: refusals that may mean the Task is no longer the rep's; one Id lookup tells (access.ts). */
const ACCESS_REFUSED: readonly string[] = ['INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS'];

type Refusal = {work: Work; code: string; message: string};

/**
 * Per-record outcome: success → ack; gone → counts as deleted (R14); transient → retry later; permanent →
 * park (R19); an access refusal of an update or delete → looked up (R37, `settleAccessRefusals`).
 */
async function settle(ctx: CycleContext, kind: PushKind, batch: Work[], results: SaveResult[]): Promise<void> {
	const refusedAccess: Refusal[] = [];
	const refusedRelated: Refusal[] = [];
	for (const [i, work] of batch.entries()) {
		const result = results[i];
		if (!result) continue;
		if (result.success) {
			await acknowledge(ctx, work, result.id);
			ctx.stats.pushed++;
			continue;
		}

		const first = result.errors[0] ?? {statusCode: 'UNKNOWN', message: ''};
		// R33: an update that sets WhoId/WhatId can be refused with a "gone" code about the Contact or record it
		// points at (deleted meanwhile), not about the Task: one lookup says whether the Task itself is gone.
		if (kind === 'update' && isGone(first.statusCode) && carriesRelated(work.write)) {
			refusedRelated.push({work, code: first.statusCode, message: first.message});
			continue;
		}

		if (kind !== 'create' && isGone(first.statusCode)) {
			await taskGone(ctx, work);
			if (kind === 'delete') ctx.stats.pushed++;
			continue;
		}

		ctx.stats.errors.push({code: first.statusCode, message: 'A record was refused'});
		if (kind !== 'create' && ACCESS_REFUSED.includes(first.statusCode)) {
			refusedAccess.push({work, code: first.statusCode, message: first.message});
			continue;
		}

		await (classifyCode(first.statusCode) === 'permanent'
			? park(ctx, work, first.statusCode, first.message)
			: retryLater(ctx, work));
	}

	if (refusedAccess.length > 0) await settleAccessRefusals(ctx, kind, refusedAccess);
	if (refusedRelated.length > 0) await settleRelatedRefusals(ctx, refusedRelated);
}

/**
 * R33: updates carrying WhoId/WhatId refused with a "gone" code. Only a Task the lookup finds alive and the
 * rep's is kept — parked with Salesforce's message (the refusal was about the record it points at); anything
 * else is settled as before, as a Task gone (R14).
 */
async function settleRelatedRefusals(ctx: CycleContext, refused: Refusal[]): Promise<void> {
	const access = await lookUpAccess(
		ctx,
		refused.map(r => r.work.taskId),
	);
	for (const {work, code, message} of refused) {
		if (access.get(work.taskId) === 'yours') {
			ctx.stats.errors.push({code, message: 'A record was refused'});
			await park(ctx, work, code, message);
		} else {
			await taskGone(ctx, work);
		}
	}
}

/**
 * R37: an update or delete refused for lack of access. One `queryAll` by Id for the whole batch says why:
 * deleted → as gone (R14); reassigned or invisible → an update detaches the reminder (kept, marked, no
 * longer synced), a delete is done locally (the Task is not the rep's, R1); still the rep's but read-only
 * (record type, sharing, permission) → parked with the refusal's message and hint (R19). Nothing retries
 * by itself, so nothing loops.
 */
async function settleAccessRefusals(ctx: CycleContext, kind: PushKind, refused: Refusal[]): Promise<void> {
	const access = await lookUpAccess(
		ctx,
		refused.map(r => r.work.taskId),
	);
	const notYours: string[] = [];
	const hidden: string[] = [];
	for (const {work, code, message} of refused) {
		const state = access.get(work.taskId) ?? 'missing';
		if (state === 'yours') {
			await park(ctx, work, code, message);
		} else if (state === 'deleted' || kind === 'delete') {
			await taskGone(ctx, work);
		} else {
			(state === 'not-yours' ? notYours : hidden).push(work.reminder.id);
		}
	}

	if (notYours.length > 0) await detach(ctx, notYours, 'not-yours');
	if (hidden.length > 0) await detach(ctx, hidden, 'no-access');
}

async function acknowledge(ctx: CycleContext, work: Work, taskId: string): Promise<void> {
	switch (work.kind) {
		case 'delete':
			return ackDelete(ctx, work);
		case 'create':
			return ackCreate(ctx, work, taskId);
		case 'update':
			return ackUpdate(ctx, work);
	}
}

async function ackCreate(ctx: CycleContext, work: Work, taskId: string): Promise<void> {
	const {db} = ctx.deps;
	const sentFields = pickFields(work.reminder);
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const current = await db.reminders.get(work.reminder.id);
		const entry = await db.outbox.get(work.reminder.id);
		if (!current) return;
		const next: Reminder = withSalesforceAlert(
			{
				...current,
				taskId,
				base: {...sentFields, lastModifiedDate: '', systemModstamp: '', sfStatus: '', sfPriority: ''},
			},
			salesforceAlertAfterWrite(work.write, current),
		);
		const nextEntry = createAcknowledged(
			entry,
			SYNCED_FIELDS.filter(field => !sameFieldValue(current[field], sentFields[field])),
		);
		if (nextEntry) {
			await db.outbox.put(nextEntry);
			next.syncState = 'pending';
		} else {
			await db.outbox.delete(work.reminder.id);
			next.syncState = 'synced';
		}

		await db.reminders.put(next);
	});
}

async function ackUpdate(ctx: CycleContext, work: Work): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const current = await db.reminders.get(work.reminder.id);
		const entry = await db.outbox.get(work.reminder.id);
		if (!current?.base) return;
		const next: Reminder = withSalesforceAlert(
			{...current, base: {...current.base, ...work.sent}},
			salesforceAlertAfterWrite(work.write, current),
		);
		const nextBase = next.base ?? current.base;
		// Value-based ack: whatever now equals what Salesforce has is done; edits made meanwhile stay queued.
		const pending = (entry?.fields ?? []).filter(
			(field: SyncedField) => !sameFieldValue(current[field], nextBase[field]),
		);
		const nextEntry = updateAcknowledged(entry, pending);
		if (nextEntry) {
			await db.outbox.put(nextEntry);
		} else {
			await db.outbox.delete(work.reminder.id);
			if (current.syncState === 'pending') next.syncState = 'synced';
		}

		await db.reminders.put(next);
	});
}

async function ackDelete(ctx: CycleContext, work: Work): Promise<void> {
	const {db} = ctx.deps;
	// R14: once Salesforce confirmed (or the Task was already gone), the tombstone goes; even an undo that
	// raced with the request loses, because the Task no longer exists.
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		await db.reminders.delete(work.reminder.id);
		await db.outbox.delete(work.reminder.id);
	});
}

/** The Task is already gone (R14): a delete is done; an update loses to the deletion (R16), the reminder goes. */
async function taskGone(ctx: CycleContext, work: Work): Promise<void> {
	await ackDelete(ctx, work);
	if (work.kind === 'update') ctx.stats.deleted++;
}

async function retryLater(ctx: CycleContext, work: Work): Promise<void> {
	const {db} = ctx.deps;
	const entry = await db.outbox.get(work.reminder.id);
	if (!entry) return;
	// A per-record failure is a definite answer: nothing was created or written, nothing is in doubt.
	const delay = backoffDelay(entry.attempts, ctx.deps.random?.() ?? 0.5);
	await db.outbox.put(retryingLater(entry, ctx.deps.clock.now() + delay));
}

async function park(ctx: CycleContext, work: Work, code: string, message: string): Promise<void> {
	const {db} = ctx.deps;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		const entry = await db.outbox.get(work.reminder.id);
		const current = await db.reminders.get(work.reminder.id);
		if (!entry || !current) return;
		await db.outbox.put(parked(entry));
		const reminder: Reminder = {...current, syncState: 'error', error: describeRecordError(code, message)};
		// A refused delete brings the reminder back into view, so the rep can see the error (R19).
		if (entry.delete) delete reminder.deletedAt;
		await db.reminders.put(reminder);
	});
}
