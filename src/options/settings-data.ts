/**
 * What the settings page shows (R3, R23), read from IndexedDB directly: liveQuery keeps it current while
 * the worker syncs. A read this computer's storage refuses is said (R40), and "Try again" re-subscribes.
 */
import {liveQuery} from 'dexie';
import {useEffect, useState} from 'preact/hooks';
import {
	conflicts,
	getPartition,
	listPartitions,
	reminderNames,
	overruledReminders,
	remindersInError,
	syncHistory,
} from '@/shared/store/queries.js';
import {activePartition} from '@/shared/store/local-edits.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import {db} from './settings-db.js';

async function readSettings() {
	const partitionId = await activePartition(db);
	// Only the few rows listed — never every reminder: this runs again at each change of the store while the page is
	// open. What Disconnect would delete is read when its confirmation opens (disconnect-stakes.ts).
	const [partition, errors, history, conflictRows, partitions, overruled] = await Promise.all([
		getPartition(db, partitionId),
		remindersInError(db, partitionId),
		syncHistory(db, partitionId, 20),
		conflicts(db, partitionId, 50),
		listPartitions(db),
		overruledReminders(db, partitionId),
	]);
	// R2: other orgs or users this browser has synced with; each can be disconnected on its own.
	const others = partitions.filter(other => other.id !== partitionId);
	return {
		partition,
		errors,
		history,
		conflictRows,
		overruled,
		others,
		names: await reminderNames(
			db,
			conflictRows.map(row => row.reminderId),
		),
	};
}

export type Settings = Awaited<ReturnType<typeof readSettings>>;

export function useSettingsData() {
	const [data, setData] = useState<Settings | undefined>(undefined);
	/** R40: reading the store failed because this computer's storage did; "Try again" re-subscribes. */
	const [readFailure, setReadFailure] = useState<LocalFailureKind | undefined>(undefined);
	const [attempt, setAttempt] = useState(0);
	useEffect(() => {
		// R40: Dexie's liveQuery swallows DatabaseClosedError (dexie.mjs `liveQuery`: it waits silently for a
		// reopen), so a store that will not open would leave this page blank. Opening explicitly surfaces it;
		// on a failed database open() also tries again, which is what "Try again" relies on.
		db.open().then(
			() => setReadFailure(undefined),
			(error: unknown) => setReadFailure(localFailureKind(error) ?? 'storage-unavailable'),
		);
		const subscription = liveQuery(readSettings).subscribe({
			next: value => {
				setData(value);
				setReadFailure(undefined);
			},
			// Keep the last good value on screen. A storage failure is said (R40); anything else is surfaced as an
			// uncaught error for developers.
			error: (error: unknown) => {
				const kind = localFailureKind(error);
				if (kind) setReadFailure(kind);
				else
					queueMicrotask(() => {
						throw error;
					});
			},
		});
		return () => subscription.unsubscribe();
	}, [attempt]);

	return {data, readFailure, retry: () => setAttempt(n => n + 1)};
}
