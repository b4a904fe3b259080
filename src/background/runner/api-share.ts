/**
 * R56: what an admin's cap on Tickler's share of the org's allowance is measured against — the rep's own API
 * requests in the last 24 hours (the allowance is a trailing 24-hour window, salesforce-facts.md §6). The
 * sync history holds every request Tickler counts: each cycle's, and each Task page badge lookup's
 * (task-page/badge-usage.ts), and keeps well over a day of them (history-retention.ts).
 */
import {Dexie} from 'dexie';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {ApiShare} from './cadence.js';

export const SHARE_WINDOW_MS = 24 * 3_600_000;

/** The rep's requests in the window against `cap`; none without a cap (nothing to measure against). */
export async function apiShare(
	db: TicklerDb,
	partitionId: string,
	cap: number | undefined,
	now: number,
): Promise<ApiShare | undefined> {
	if (cap === undefined) return undefined;
	let requests = 0;
	await db.syncHistory
		.where('[partition+startedAt]')
		.between([partitionId, now - SHARE_WINDOW_MS], [partitionId, Dexie.maxKey])
		.each(row => {
			requests += row.apiRequests;
		});
	return {requests, cap};
}
