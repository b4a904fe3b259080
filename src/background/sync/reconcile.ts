/**
 * Reconciliation (R15): after more than the 15-day deletion window without a complete pull (or weekly,
 * which also catches a purged Recycle Bin), every linked reminder's Task is looked up with chunked
 * `Id IN (…)` queries — cost bounded by the number of linked reminders, never by the org's size.
 * Tasks gone are removed locally; archived Tasks are not deletions. Tasks now owned by another user or a
 * queue are kept and marked (R37, access.ts) — a reassignment is not a deletion, and nothing is lost.
 */
import {ACCESS_CHUNK, detach, isDetached, lookUpAccess} from './access.js';
import {DAY_MS, type CycleContext} from './cycle-context.js';

export const RECONCILE_CHUNK = ACCESS_CHUNK;
export const RECONCILE_EVERY_MS = 7 * DAY_MS;

/** `gapSince`: the checkpoint's owed gap (Checkpoint.gapSince), set by a pull after a long gap. */
export function reconciliationDue(
	gapSince: number | undefined,
	lastReconciledAt: number | undefined,
	serverNow: number,
): boolean {
	if (gapSince !== undefined) return true;
	return lastReconciledAt !== undefined && serverNow - lastReconciledAt > RECONCILE_EVERY_MS;
}

/**
 * `gapSince`: set when complete pulls were more than the Recycle Bin window apart since the last
 * reconciliation (Checkpoint.gapSince). A Task not returned at all (purged, or invisible to the rep — SOQL
 * cannot tell them apart) counts as gone only then, when its deletion may have been purged unseen (R15).
 * With regular pulls a deletion would have come through `queryAll` as IsDeleted, so an unreturned Task was
 * most likely hidden from the rep (a queue or sharing change): its reminder is kept and marked (R37), never
 * silently dropped.
 */
export async function reconcile(ctx: CycleContext, gapSince: number | undefined): Promise<number> {
	const {db} = ctx.deps;
	const missingMeansGone = gapSince !== undefined;
	// Detached reminders (R37) are looked up too: still not the rep's, they stay as they are.
	const linked = (await db.reminders.where('partition').equals(ctx.partition.id).toArray()).filter(
		r => r.taskId !== undefined && r.deletedAt === undefined,
	);
	let removed = 0;
	let reassigned = 0;
	for (let i = 0; i < linked.length; i += RECONCILE_CHUNK) {
		const chunk = linked.slice(i, i + RECONCILE_CHUNK);
		const access = await lookUpAccess(
			ctx,
			chunk.map(r => r.taskId ?? ''),
		);
		// R15: gone (deleted, or — after a long gap — purged from the Recycle Bin) → the reminder goes.
		const gone = chunk.filter(r => {
			const state = access.get(r.taskId ?? '');
			return state === 'deleted' || (state === 'missing' && missingMeansGone && !isDetached(r));
		});
		if (gone.length > 0) {
			await db.transaction('rw', [db.reminders, db.outbox], async () => {
				await db.reminders.bulkDelete(gone.map(r => r.id));
				await db.outbox.bulkDelete(gone.map(r => r.id));
			});
			removed += gone.length;
		}

		// R37: reassigned to another user or a queue → kept, marked with the reason, no longer synced.
		// A detached reminder whose mark the rep cleared (retry) is marked again, not left looking local-only.
		const unmarked = (r: (typeof chunk)[number]) => !isDetached(r) || r.syncState !== 'error';
		const notYours = chunk.filter(r => access.get(r.taskId ?? '') === 'not-yours' && unmarked(r));
		if (notYours.length > 0)
			reassigned += await detach(
				ctx,
				notYours.map(r => r.id),
				'not-yours',
			);
		const hidden = chunk.filter(r => access.get(r.taskId ?? '') === 'missing' && !missingMeansGone && unmarked(r));
		if (hidden.length > 0)
			reassigned += await detach(
				ctx,
				hidden.map(r => r.id),
				'no-access',
			);
	}

	const serverNow = ctx.serverNow();
	// The owed gap is paid only now, after every chunk: a reconciliation cut short runs again next cycle.
	await db.checkpoints.update(ctx.partition.id, checkpoint => {
		checkpoint.lastReconciledAt = serverNow;
		delete checkpoint.gapSince;
	});
	if (removed > 0) {
		ctx.stats.deleted += removed;
		ctx.stats.notes.push(
			`Reconciliation (R15): removed ${removed} reminder(s) whose Task no longer exists in Salesforce.`,
		);
	}

	return removed + reassigned;
}
