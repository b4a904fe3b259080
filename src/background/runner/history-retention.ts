/**
 * How much sync history and conflict log a partition keeps (R23): what a rep would look at — the last
 * RETAIN_DAYS days, and at most RETAIN_ROWS rows of each — so a worker polling every ten minutes for a year
 * does not grow IndexedDB without end. The settings page shows the latest 20 runs and 50 conflicts.
 */
import {Dexie} from 'dexie';
import type {TicklerDb} from '@/shared/store/open-db.js';

export const RETAIN_DAYS = 30;
export const RETAIN_ROWS = 500;
const DAY_MS = 86_400_000;

/** Deletes a partition's rows older than RETAIN_DAYS, then all but the newest RETAIN_ROWS, by `timeIndex`. */
async function pruneLog(
	db: TicklerDb,
	table: TicklerDb['syncHistory'] | TicklerDb['conflicts'],
	timeIndex: '[partition+startedAt]' | '[partition+at]',
	partitionId: string,
	now: number,
): Promise<void> {
	await db.transaction('rw', table, async () => {
		const index = table.where(timeIndex);
		await index.between([partitionId, Dexie.minKey], [partitionId, now - RETAIN_DAYS * DAY_MS]).delete();
		const excess = await index
			.between([partitionId, Dexie.minKey], [partitionId, Dexie.maxKey])
			.reverse()
			.offset(RETAIN_ROWS)
			.primaryKeys();
		if (excess.length > 0) await table.bulkDelete(excess);
	});
}

/** The sync history, by when each run started. */
export async function pruneHistory(db: TicklerDb, partitionId: string, now: number): Promise<void> {
	await pruneLog(db, db.syncHistory, '[partition+startedAt]', partitionId, now);
}

/** The conflict log, by the time of each conflict. */
export async function pruneConflicts(db: TicklerDb, partitionId: string, now: number): Promise<void> {
	await pruneLog(db, db.conflicts, '[partition+at]', partitionId, now);
}

/** Both, after each cycle (cycle-runner.ts) — the one place history and conflicts are added in bulk. */
export async function pruneSyncLogs(db: TicklerDb, partitionId: string, now: number): Promise<void> {
	await pruneHistory(db, partitionId, now);
	await pruneConflicts(db, partitionId, now);
}
