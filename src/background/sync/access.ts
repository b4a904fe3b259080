/**
 * R37: Tasks Tickler can no longer read or write. The pull filters `OwnerId = me`, so a Task reassigned to a
 * queue or another user, or hidden by a sharing change, simply stops coming; a push to it is refused with
 * INSUFFICIENT_ACCESS_OR_READONLY. One `queryAll` by Id (only when such a refusal happened, and in the
 * reconciliation, R15) tells deleted, reassigned, invisible and still-yours apart.
 *
 * A reminder whose Task is no longer the rep's is **detached**: kept with every local value (nothing is
 * lost), marked `syncState 'error'` with the reason and a hint, and no longer synced — `localOnly` with its
 * `taskId` kept. Detached reminders cost no request (push skips local-only ones, so nothing loops); editing
 * or deleting one stays local (R1: a Task that is not the rep's is never written). If the Task comes back
 * to the rep (owner set back), the pull sees it again and `reattach` links the reminder back.
 */
import {to18} from '@/shared/record-ids.js';
import {soqlString} from '@/background/salesforce/soql.js';
import {SYNCED_FIELDS, type Reminder, type ReminderError, type SyncedField} from '@/shared/store/schema.js';
import {assertEnabled, type CycleContext} from './cycle-context.js';
import {DETACHED_COPY} from '@/shared/copy.js';

/**
 * R55: Salesforce refuses a request whose address and headers together pass 16,384 bytes (431; 414 when the
 * address alone does; docs/salesforce-facts.md §14.1). A lookup is a GET whose address grows with its ids, so
 * the address is held to half the limit and the other half is left to the headers: the browser's own
 * (User-Agent, client hints, Accept-*, Origin, Sec-Fetch-*; about 1 KB in Chromium), the bearer token and
 * Sforce-Call-Options. Salesforce itself advises keeping headers to about 8,000 bytes (same source).
 */
export const MAX_LOOKUP_ADDRESS_BYTES = 8_192;
/** `/services/data/vNN.N/queryAll?q=` (33 bytes), with room for a longer version or path. */
const PATH_ALLOWANCE = 48;
const LOOKUP_HEAD = 'SELECT Id, OwnerId, IsDeleted FROM Task WHERE Id IN (';
const LOOKUP_TAIL = ')';
const SEPARATOR = ', ';

/**
 * The bytes `soql` takes in a query address as it goes on the wire: the adapter's `encodeURIComponent`, then
 * fetch's URL parser, which also percent-encodes `'` in a query (the WHATWG URL "special-query percent-encode
 * set") — so each quoted id costs 30 bytes, not the 26 the encoded string shows.
 */
export function queryAddressBytes(soql: string): number {
	return encodeURIComponent(soql).replaceAll("'", '%27').length;
}

const BASE_BYTES = PATH_ALLOWANCE + queryAddressBytes(LOOKUP_HEAD + LOOKUP_TAIL);
const SEPARATOR_BYTES = queryAddressBytes(SEPARATOR);

/** The lookup's SOQL for these ids. */
export function accessLookupSoql(ids: readonly string[]): string {
	return `${LOOKUP_HEAD}${ids.map(soqlString).join(SEPARATOR)}${LOOKUP_TAIL}`;
}

/** Splits ids into lookups whose address stays within MAX_LOOKUP_ADDRESS_BYTES (R55), in order. */
export function accessChunks(ids: readonly string[]): string[][] {
	const chunks: string[][] = [];
	let chunk: string[] = [];
	let bytes = BASE_BYTES;
	for (const id of ids) {
		const cost = queryAddressBytes(soqlString(id));
		if (chunk.length > 0 && bytes + SEPARATOR_BYTES + cost > MAX_LOOKUP_ADDRESS_BYTES) {
			chunks.push(chunk);
			chunk = [];
			bytes = BASE_BYTES;
		}
		bytes += (chunk.length > 0 ? SEPARATOR_BYTES : 0) + cost;
		chunk.push(id);
	}
	if (chunk.length > 0) chunks.push(chunk);
	return chunks;
}

/** How many 18-character ids one lookup carries (269): what a reconciliation chunk holds (reconcile.ts). */
export const ACCESS_CHUNK = Math.floor(
	(MAX_LOOKUP_ADDRESS_BYTES - BASE_BYTES + SEPARATOR_BYTES) /
		(queryAddressBytes(soqlString('00T000000000000AAA')) + SEPARATOR_BYTES),
);

/**
 * What one Id lookup says: `deleted` (in the Recycle Bin), `not-yours` (owned by another user or a queue),
 * `missing` (not returned: purged, or invisible to the rep — SOQL cannot tell them apart), `yours`.
 */
export type TaskAccess = 'yours' | 'deleted' | 'not-yours' | 'missing';

/** Codes of the marks set here; `isDetached` is the state, these only explain it. */
export const DETACHED_CODES = {notYours: 'TASK_NOT_YOURS', noAccess: 'TASK_NOT_VISIBLE'} as const;

export function isDetached(reminder: Reminder): boolean {
	return reminder.localOnly && reminder.taskId !== undefined;
}

export function detachedError(reason: 'not-yours' | 'no-access'): ReminderError {
	return reason === 'not-yours'
		? {
				code: DETACHED_CODES.notYours,
				...DETACHED_COPY.notYours,
			}
		: {
				code: DETACHED_CODES.noAccess,
				...DETACHED_COPY.noAccess,
			};
}

/**
 * One `queryAll` per ACCESS_CHUNK ids (each address within R55's bound): ⌈ids / ACCESS_CHUNK⌉ requests,
 * never proportional to the org.
 */
export async function lookUpAccess(ctx: CycleContext, taskIds: readonly string[]): Promise<Map<string, TaskAccess>> {
	const access = new Map<string, TaskAccess>();
	for (const chunk of accessChunks(taskIds)) {
		await assertEnabled(ctx);
		const soql = accessLookupSoql(chunk);
		let page = await ctx.sf.query<{Id: string; OwnerId: string; IsDeleted: boolean}>(soql, {includeDeleted: true});
		for (;;) {
			for (const row of page.records) {
				const owner = typeof row.OwnerId === 'string' ? to18(row.OwnerId) : '';
				access.set(to18(row.Id), row.IsDeleted ? 'deleted' : owner === ctx.identity.userId ? 'yours' : 'not-yours');
			}

			if (page.done || page.nextRecordsUrl === undefined) break;
			page = await ctx.sf.queryMore(page.nextRecordsUrl);
		}

		for (const id of chunk) if (!access.has(id)) access.set(id, 'missing');
	}

	return access;
}

/**
 * Detaches reminders (see the file comment) in one transaction. Their outbox entries go: what was not
 * pushed stays visible as the reminder's difference from its base, and is pushed if the Task comes back.
 */
export async function detach(
	ctx: CycleContext,
	reminderIds: readonly string[],
	reason: 'not-yours' | 'no-access',
): Promise<number> {
	const {db} = ctx.deps;
	let detached = 0;
	await db.transaction('rw', [db.reminders, db.outbox], async () => {
		for (const id of reminderIds) {
			const current = await db.reminders.get(id);
			if (!current?.taskId || current.deletedAt !== undefined) continue;
			await db.outbox.delete(id);
			if (isDetached(current) && current.error?.code === detachedError(reason).code) continue;
			await db.reminders.put({...current, localOnly: true, syncState: 'error', error: detachedError(reason)});
			detached++;
		}
	});
	if (detached > 0) {
		ctx.stats.notes.push(
			`R37: ${detached} reminder(s) marked: their Task is ${reason === 'not-yours' ? 'no longer yours in Salesforce' : 'no longer accessible to you'}; they stay here and no longer sync.`,
		);
	}

	return detached;
}

/**
 * A detached reminder's Task is the rep's again (the pull read it): link it back. Fields that differ from
 * the base — edits made before or while detached — count as local changes for the merge, with their edit
 * times, so none is lost (R16, R17).
 */
export function reattach(reminder: Reminder): {reminder: Reminder; localChanged: SyncedField[]} {
	const next: Reminder = {...reminder, localOnly: false, syncState: 'synced'};
	delete next.error;
	const base = reminder.base;
	const localChanged = base ? SYNCED_FIELDS.filter(field => reminder[field] !== base[field]) : [];
	return {reminder: next, localChanged};
}
