/**
 * Disconnect (R2, R23): deletes everything of one partition — reminders (tombstones too), outbox,
 * checkpoint, history, conflicts and the partition row — in one transaction, and nothing of any other.
 * The caller holds the partition's sync lock, so no cycle writes into it meanwhile.
 */
import {Dexie} from 'dexie';
import browser from 'webextension-polyfill';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {BADGE_SPEND_KEY} from '../task-page/badge-allowance.js';
import {readWorkerState, WORKER_STATE_KEY} from '../runner/worker-state.js';
import {forgetVerdicts} from '../task-page/verdict-cache.js';

export async function deletePartitionData(db: TicklerDb, partitionId: string): Promise<number> {
	const range = (): [unknown[], unknown[]] => [
		[partitionId, Dexie.minKey],
		[partitionId, Dexie.maxKey],
	];
	return db.transaction(
		'rw',
		[db.partitions, db.reminders, db.outbox, db.checkpoints, db.syncHistory, db.conflicts, db.meta],
		async () => {
			const count = await db.reminders.where('partition').equals(partitionId).delete();
			await db.outbox.where('partition').equals(partitionId).delete();
			await db.checkpoints.delete(partitionId);
			await db.syncHistory
				.where('[partition+startedAt]')
				.between(...range())
				.delete();
			await db.conflicts
				.where('[partition+at]')
				.between(...range())
				.delete();
			await db.partitions.delete(partitionId);
			const active = await db.meta.get('activePartition');
			// New reminders then go to the local-only partition until sync is turned on again (R5).
			if (active?.value === partitionId) await db.meta.delete('activePartition');
			return count;
		},
	);
}

/**
 * Disconnect also empties what the worker keeps in `storage.session` about that account: its badge
 * verdicts (they name its Tasks), the badge's request allowance, and the cached session identity — the
 * next sign-in, whoever it is, is identified afresh (R2).
 */
export async function forgetSessionCaches(partitionId: string): Promise<void> {
	await forgetVerdicts(partitionId);
	await browser.storage.session.remove(BADGE_SPEND_KEY);
	const state = await readWorkerState();
	if (state.identity !== undefined || state.browserSessionIdentity !== undefined) {
		const {identity: _forgotten, browserSessionIdentity: _forgottenToo, ...rest} = state;
		await browser.storage.session.set({[WORKER_STATE_KEY]: rest});
	}
}
