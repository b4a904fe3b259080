/**
 * An in-memory stand-in for Web Locks (`navigator.locks`), which Node does not have: exclusive locks by
 * name, granted in the order asked, released when the callback's promise settles — as the Web Locks spec
 * says for the default mode. `ifAvailable` grants null at once when the lock is held. One per test.
 */
type Callback<T> = (lock: {name: string; mode: 'exclusive'} | null) => T;

export type FakeLocks = {
	request<T>(name: string, callback: Callback<T>): Promise<Awaited<T>>;
	request<T>(name: string, options: {ifAvailable?: boolean}, callback: Callback<T>): Promise<Awaited<T>>;
	/** Test helper: how many callers hold or wait for `name`. */
	queued(name: string): number;
};

export function createFakeLocks(): FakeLocks {
	const tails = new Map<string, Promise<void>>();
	const counts = new Map<string, number>();
	async function request<T>(
		name: string,
		optionsOrCallback: {ifAvailable?: boolean} | Callback<T>,
		maybeCallback?: Callback<T>,
	): Promise<Awaited<T>> {
		const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
		const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
		if (!callback) throw new TypeError('no callback');
		if (options.ifAvailable === true && (counts.get(name) ?? 0) > 0) return await callback(null);
		const before = tails.get(name) ?? Promise.resolve();
		let release: () => void = () => undefined;
		const mine = new Promise<void>(resolve => {
			release = resolve;
		});
		tails.set(name, mine);
		counts.set(name, (counts.get(name) ?? 0) + 1);
		await before;
		try {
			return await callback({name, mode: 'exclusive'});
		} finally {
			counts.set(name, (counts.get(name) ?? 1) - 1);
			if (tails.get(name) === mine) tails.delete(name);
			release();
		}
	}

	return {request, queued: name => counts.get(name) ?? 0};
}
