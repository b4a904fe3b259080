/**
 * Push, step 2 of 3 (push.ts): sending one batch. What leaves is marked first (a create's intent, an update's
 * values — R18, R16), then one request; a request refused as a whole for what it carries is split until the
 * records at fault are alone (R39). The answer is settled record by record in push-settle.ts.
 */
import {asRecordError, isRecordFault, SalesforceApiError} from '@/background/salesforce/errors.js';
import type {SaveResult} from '@/background/salesforce/salesforce-port.js';
import {createSending, refusedWhole, updateSending} from '@/shared/store/outbox-lifecycle.js';
import {assertEnabled, SyncDisabledError, type CycleContext} from './cycle-context.js';
import {pickFields} from './mapping.js';
import type {PushKind, Work} from './push-plan.js';
import {settle} from './push-settle.js';

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
export async function send(ctx: CycleContext, kind: PushKind, batch: Work[]): Promise<void> {
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
