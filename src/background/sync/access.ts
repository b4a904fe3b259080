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

/** 600 quoted 18-char ids keep the GET URL well under Salesforce's 16 KB limit. */
export const ACCESS_CHUNK = 600;

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

/** One `queryAll` per 600 ids: ⌈ids / 600⌉ requests, never proportional to the org. */
export async function lookUpAccess(ctx: CycleContext, taskIds: readonly string[]): Promise<Map<string, TaskAccess>> {
	const access = new Map<string, TaskAccess>();
	for (let i = 0; i < taskIds.length; i += ACCESS_CHUNK) {
		await assertEnabled(ctx);
		const chunk = taskIds.slice(i, i + ACCESS_CHUNK);
		const soql = `SELECT Id, OwnerId, IsDeleted FROM Task WHERE Id IN (${chunk.map(soqlString).join(', ')})`;
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
