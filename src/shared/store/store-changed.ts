/**
 * "The store changed": the worker announces every committed write (its own and those Dexie relays from the
 * options page), so an open popup re-reads at once (R22) without loading Dexie to watch for itself. A
 * BroadcastChannel reaches every extension page of the same origin and, unlike storage.onChanged, writes
 * nothing to disk for what is only a nudge.
 */
export const STORE_CHANGED_CHANNEL = 'tickler:store-changed';

export function announceStoreChanged(): void {
	const channel = new BroadcastChannel(STORE_CHANGED_CHANNEL);
	channel.postMessage('changed');
	channel.close();
}

/** Calls `listener` after each announced change; returns the unsubscribe function. */
export function onStoreChanged(listener: () => void): () => void {
	const channel = new BroadcastChannel(STORE_CHANGED_CHANNEL);
	channel.onmessage = () => {
		listener();
	};

	return () => {
		channel.close();
	};
}
