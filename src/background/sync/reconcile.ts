/**
 * Reconciliation (R15): after more than the 15-day deletion window without a complete pull (or weekly,
 * which also catches a purged Recycle Bin), every linked reminder's Task is looked up with chunked
 * `Id IN (…)` queries — cost bounded by the number of linked reminders, never by the org's size.
 * Tasks gone or no longer owned by the rep are removed locally; archived Tasks are not deletions.
 */
import {soqlString} from '@/background/salesforce/soql.js';
import {to18} from '@/background/salesforce/ids.js';
import {DAY_MS, DELETION_WINDOW_MS, assertEnabled, type CycleContext} from './context.js';

/** 600 quoted 18-char ids keep the GET URL well under Salesforce's 16 KB limit. */
export const RECONCILE_CHUNK = 600;
export const RECONCILE_EVERY_MS = 7 * DAY_MS;

export function reconciliationDue(
	previousPullAt: number | undefined,
	lastReconciledAt: number | undefined,
	serverNow: number,
): boolean {
	if (previousPullAt !== undefined && serverNow - previousPullAt > DELETION_WINDOW_MS) return true;
	return lastReconciledAt !== undefined && serverNow - lastReconciledAt > RECONCILE_EVERY_MS;
}

export async function reconcile(ctx: CycleContext): Promise<number> {
	const {db} = ctx.deps;
	const linked = (await db.reminders.where('partition').equals(ctx.partition.id).toArray()).filter(
		r => r.taskId !== undefined,
	);
	let removed = 0;
	for (let i = 0; i < linked.length; i += RECONCILE_CHUNK) {
		await assertEnabled(ctx);
		const chunk = linked.slice(i, i + RECONCILE_CHUNK);
		const ids = chunk.map(r => r.taskId ?? '');
		const soql = `SELECT Id, OwnerId, IsDeleted, IsArchived FROM Task WHERE Id IN (${ids.map(soqlString).join(', ')})`;
		const found = new Map<string, {OwnerId: string; IsDeleted: boolean}>();
		let page = await ctx.sf.query<{Id: string; OwnerId: string; IsDeleted: boolean}>(soql, {includeDeleted: true});
		for (;;) {
			for (const row of page.records) found.set(to18(row.Id), {OwnerId: to18(row.OwnerId), IsDeleted: row.IsDeleted});
			if (page.done || page.nextRecordsUrl === undefined) break;
			page = await ctx.sf.queryMore(page.nextRecordsUrl);
		}

		const gone = chunk.filter(r => {
			const row = found.get(r.taskId ?? '');
			return !row || row.IsDeleted || row.OwnerId !== ctx.identity.userId;
		});
		if (gone.length > 0) {
			await db.transaction('rw', [db.reminders, db.outbox], async () => {
				await db.reminders.bulkDelete(gone.map(r => r.id));
				await db.outbox.bulkDelete(gone.map(r => r.id));
			});
			removed += gone.length;
		}
	}

	const serverNow = ctx.serverNow();
	await db.checkpoints.update(ctx.partition.id, {lastReconciledAt: serverNow});
	if (removed > 0) {
		ctx.stats.deleted += removed;
		ctx.stats.notes.push(
			`Reconciliation (R15): removed ${removed} reminder(s) whose Task no longer exists in Salesforce or is no longer yours.`,
		);
	}

	return removed;
}
