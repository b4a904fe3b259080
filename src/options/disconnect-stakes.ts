/**
 * R59: what Disconnect would delete — how many reminders, and which of the rep's words exist only here — read
 * only while the confirmation is open, and kept current while it is (liveQuery), so "Send them first" shows its
 * effect. Read here rather than with the rest of the page: it reads every reminder of the account, which the
 * page would otherwise repeat at each change of the store (20,000 rows for a busy rep).
 */
import {liveQuery} from 'dexie';
import {useEffect, useState} from 'preact/hooks';
import {countReminders, unsentWork} from '@/shared/store/queries.js';
import {db} from './settings-db.js';

export type DisconnectStakes = {
	reminderCount: number;
	/** queries.ts unsentWork: reminders that exist only here, and changes not in Salesforce yet. */
	unsent: {localOnly: string[]; unsent: number};
};

/** The stakes of disconnecting `partition`, undefined until first read; `error` when the read failed. */
export function useDisconnectStakes(partition: string): {stakes: DisconnectStakes | undefined; error?: string} {
	const [state, setState] = useState<{stakes: DisconnectStakes | undefined; error?: string}>({stakes: undefined});
	useEffect(() => {
		const subscription = liveQuery(async () => {
			const [reminderCount, unsent] = await Promise.all([countReminders(db, partition), unsentWork(db, partition)]);
			return {reminderCount, unsent};
		}).subscribe({
			next: stakes => setState({stakes}),
			error: (error: unknown) =>
				setState(previous => ({...previous, error: error instanceof Error ? error.message : String(error)})),
		});
		return () => subscription.unsubscribe();
	}, [partition]);
	return state;
}
