/**
 * The badge's requests are Tickler's requests (R21, R38): what the org's `Sforce-Limit-Info` said in the
 * badge's response becomes the partition's API usage — the figure the popup and settings show the rep and
 * the schedule reads (runner/schedule-policy.ts, runner/cadence.ts) — and each lookup is a row in the sync
 * history with the requests it spent (and so is the badge's "Add to Tickler", add-to-tickler.ts), so the settings page's "API requests" column, and every benchmark
 * that sums it, counts the badge too.
 */
import {budgetState} from '@/background/runner/cadence.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {SyncHistoryRow} from '@/shared/store/schema.js';
import {pruneHistory} from '../runner/history-retention.js';

export async function recordBadgeRequests(
	db: TicklerDb,
	partitionId: string,
	spent: {requests: number; apiUsage?: {used: number; limit: number} | undefined; startedAt: number; endedAt: number},
	/** `add`: the badge's "Add to Tickler" read the Task to import it (add-to-tickler.ts); else a lookup. */
	kind: 'lookup' | 'add' = 'lookup',
): Promise<void> {
	if (spent.requests <= 0) return;
	const {apiUsage} = spent;
	await db.transaction('rw', db.partitions, async () => {
		const partition = await db.partitions.get(partitionId);
		if (!partition || apiUsage === undefined) return;
		await db.partitions.update(partitionId, {
			apiUsage: {...apiUsage, at: spent.endedAt},
			status: {...partition.status, budget: budgetState(apiUsage)},
		});
	});
	const notes: string[] = [];
	// Each note has a catalog sentence in Settings → History (options/history-words.ts).
	if (kind === 'add') notes.push('A Task page badge added an older Task to Tickler on the rep’s click.');
	else notes.push('A Task page badge looked up one Task that is not in Tickler.');
	const row: SyncHistoryRow = {
		partition: partitionId,
		trigger: 'task-badge',
		startedAt: spent.startedAt,
		endedAt: spent.endedAt,
		outcome: 'ok',
		pulled: 0,
		pushed: 0,
		deleted: 0,
		conflicts: 0,
		apiRequests: spent.requests,
		errors: [],
		notes,
	};
	await db.syncHistory.add(row);
	await pruneHistory(db, partitionId, spent.endedAt);
}
