/**
 * Subscribes a component to a Dexie `liveQuery`: it re-renders whenever the rows it read change, in any
 * extension context (the worker's sync writes show up in an open popup without a message, R22).
 * `undefined` until the first result, so callers can tell "loading" from "empty".
 */
import {liveQuery} from 'dexie';
import {useEffect, useState} from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
	const [value, setValue] = useState<T | undefined>(undefined);
	useEffect(() => {
		const subscription = liveQuery(query).subscribe({
			next: setValue,
			// A failed read keeps the last good value on screen; the failure surfaces as an uncaught error.
			error: (error: unknown) =>
				queueMicrotask(() => {
					throw error;
				}),
		});
		return () => {
			subscription.unsubscribe();
		};
	}, deps);
	return value;
}
