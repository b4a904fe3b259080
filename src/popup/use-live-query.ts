/**
 * Subscribes a component to a Dexie `liveQuery`: it re-renders whenever the rows it read change, in any
 * extension context (the worker's sync writes show up in an open popup without a message, R22).
 * `undefined` until the first result, so callers can tell "loading" from "empty".
 */
import {liveQuery} from 'dexie';
import {useLayoutEffect, useState} from 'preact/hooks';

/**
 * `first` is an optional result already in flight (started before the first render, so the popup's data
 * loads while preact mounts); it is shown unless the live query has answered already.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], first?: Promise<T>): T | undefined {
	const [value, setValue] = useState<T | undefined>(undefined);
	const [answered] = useState(() => ({live: false}));
	useLayoutEffect(() => {
		void first?.then(
			result => {
				if (!answered.live) setValue(result);
			},
			() => undefined, // The live query reports the same failure.
		);
	}, []);
	// A layout effect subscribes right after the first render instead of after the next frame: the query
	// starts ~16 ms sooner, and the due list's first paint is what the rep waits for (R22).
	useLayoutEffect(() => {
		const subscription = liveQuery(query).subscribe({
			next: result => {
				answered.live = true;
				setValue(result);
			},
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
