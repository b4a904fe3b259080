/**
 * Push, step 3 of 3 (push.ts): settling Salesforce's answer, record by record, into the store. Success → ack;
 * gone → deleted (R14); access refused → looked up (R37); transient → that record retries later; permanent →
 * parked with a message and hint (R19). Acks are written only after Salesforce answered, and each is checked
 * against what the reminder holds now (the UI may have edited meanwhile).
 */
import {classifyCode, describeRecordError, isGone} from '@/background/salesforce/errors.js';
import type {SaveResult, TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {backoffDelay} from '@/background/runner/cadence.js';
import {parked, retryingLater, saveOrDropEntry, updateAcknowledged} from '@/shared/store/outbox-lifecycle.js';
import {sameFieldValue} from '@/shared/store/reminder-time.js';
import type {Reminder, SyncedField} from '@/shared/store/schema.js';
import {detach, lookUpAccess} from './access.js';
import type {CycleContext} from './cycle-context.js';
import {linkCreatedTask} from './link-created-task.js';
import {pickFields} from './mapping.js';
import type {PushKind, Work} from './push-plan.js';
import {salesforceAlertAfterWrite, withSalesforceAlert} from './reminder-mapping.js';

/** R37: refusals that may mean the Task is no longer the rep's; one Id lookup tells (access.ts). */
const ACCESS_REFUSED: readonly string[] = ['INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS'];

type Refusal = {work: Work; code: string; message: string};

function carriesRelated(write: TaskWrite): boolean {
	return 'WhoId' in write || 'WhatId' in write;
}

/**
 * Per-record outcome: success → ack; gone → counts as deleted (R14); transient → retry later; permanent →
 * park (R19); an access refusal of an update or delete → looked up (R37, `settleAccessRefusals`).
 */
export async function settle(ctx: CycleContext, kind: PushKind, batch: Work[], results: SaveResult[]): Promise<void> {
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
		const created = linkCreatedTask(current, entry, taskId, sentFields);
		const next = withSalesforceAlert(created.reminder, salesforceAlertAfterWrite(work.write, current));
		next.syncState = (await saveOrDropEntry(db.outbox, current.id, created.entry)) ? 'pending' : 'synced';
		await db.reminders.put(next);
	});
}

/** Also settles an update with nothing to send (push.ts): its values are Salesforce's already. */
export async function ackUpdate(ctx: CycleContext, work: Work): Promise<void> {
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
		const left = await saveOrDropEntry(db.outbox, current.id, updateAcknowledged(entry, pending));
		// R58: a reminder whose other values Salesforce overruled is not "Synced" until the rep has chosen.
		if (!left && current.syncState === 'pending') next.syncState = current.overruled ? 'conflict' : 'synced';
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
