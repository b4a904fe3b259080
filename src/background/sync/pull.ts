/**
 * Pull (R4, R6, R13, R14): one SOQL query ordered by (SystemModstamp, Id) from the checkpoint. After the
 * first sync it is a `queryAll`, so changes, deletions (IsDeleted) and archived rows come back together:
 * an idle poll is one request (R21). Each page is applied with its checkpoint in one transaction.
 */
import {MalformedResponseError} from '@/background/salesforce/errors.js';
import {TASK_FIELDS, TASK_RELATED_FIELDS, type QueryPage} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime, soqlDateTime, soqlString} from '@/background/salesforce/soql.js';
import {applyPage} from './apply-rows.js';
import {assertEnabled, DELETION_WINDOW_MS, type CycleContext} from './cycle-context.js';
import {importFloor} from './import-floor.js';

export type PullResult = {
	/** R15: a reconciliation is owed for a gap that started at this server time (Checkpoint.gapSince). */
	gapSince: number | undefined;
	firstSync: boolean;
	pages: number;
};

export async function pull(ctx: CycleContext): Promise<PullResult> {
	const {db} = ctx.deps;
	const checkpoint = await db.checkpoints.get(ctx.partition.id);
	// R4: the first sync imports Tasks modified in the 24 hours before enabledAt; later pulls — also after a
	// re-enable (R6) — keep that first floor (import-floor.ts, the rule the Task-page badge reads too).
	const floor = importFloor(checkpoint, ctx.partition.enabledAt ?? ctx.deps.clock.now(), ctx.offsetMs());
	const cursor = checkpoint?.systemModstamp ?? null;
	const firstSync = cursor === null;
	const from = firstSync ? floor : parseSalesforceDateTime(cursor);
	// `>=` from the whole second: ties and sub-second stamps are re-read, and re-applying is idempotent.
	const soql = `SELECT ${[...TASK_FIELDS, ...TASK_RELATED_FIELDS].join(', ')} FROM Task WHERE OwnerId = ${soqlString(ctx.identity.userId)} AND SystemModstamp >= ${soqlDateTime(from)} ORDER BY SystemModstamp, Id`;
	const startedAt = ctx.serverNow();
	let page: QueryPage<unknown> = await ctx.sf.query<unknown>(soql, {includeDeleted: !firstSync});
	let pages = 1;
	for (;;) {
		// Never trust the shape of a response (issue 4 "Bad input"): a bad page aborts before anything is written.
		if (!Array.isArray(page.records)) throw new MalformedResponseError('Query page without records');
		let next: Promise<QueryPage<unknown>> | undefined;
		if (!page.done && page.nextRecordsUrl !== undefined) {
			await assertEnabled(ctx);
			// Fetch the next page while this one is written: the network and IndexedDB overlap.
			next = ctx.sf.queryMore<unknown>(page.nextRecordsUrl);
			next.catch(() => undefined);
		}

		await applyPage(ctx, page.records, {importFloor: floor});
		if (!next) break;
		page = await next;
		pages++;
	}

	const previousPullAt = checkpoint?.lastPullAt;
	// R15: deletions older than the Recycle Bin window may have been purged unseen since that pull.
	const gapEnded = previousPullAt !== undefined && startedAt - previousPullAt > DELETION_WINDOW_MS;
	let gapSince: number | undefined;
	await db.transaction('rw', db.checkpoints, async () => {
		const current = (await db.checkpoints.get(ctx.partition.id)) ?? {partition: ctx.partition.id, systemModstamp: null};
		// An earlier gap not reconciled yet stays owed; it started earlier than this one.
		gapSince = current.gapSince ?? (gapEnded ? previousPullAt : undefined);
		// The cursor of an empty first sync is its floor, so the next poll is a queryAll from there.
		await db.checkpoints.put({
			...current,
			systemModstamp: current.systemModstamp ?? new Date(from).toISOString(),
			lastPullAt: startedAt,
			importFloor: floor,
			...(gapSince === undefined ? {} : {gapSince}),
		});
	});
	return {gapSince, firstSync, pages};
}
