/**
 * An IndexedDB that will not open (R40): every `open()` fails the way a browser reports a refused or
 * damaged store — the request's `error` is a DOMException named `UnknownError` (Chromium: "Internal error
 * opening backing store", a damaged profile), `InvalidStateError` (IndexedDB refused), `VersionError`, …
 * — or `open()` throws at once (`throwAtOnce`). `heal()` lets opens through to a working fake-indexeddb
 * factory again, to show that the failure goes away by itself once the store is healthy.
 */
import {IDBFactory} from 'fake-indexeddb';

export type RefusingIndexedDb = {
	factory: IDBFactory;
	/** The working factory underneath (to seed it, or to read what was written after healing). */
	healthy: IDBFactory;
	refusedOpens: number;
	heal(): void;
};

export function refusingIndexedDb(
	errorName = 'UnknownError',
	options: {throwAtOnce?: boolean; healthy?: IDBFactory} = {},
): RefusingIndexedDb {
	const healthy = options.healthy ?? new IDBFactory();
	let refusing = true;
	const state: RefusingIndexedDb = {
		factory: undefined as unknown as IDBFactory,
		healthy,
		refusedOpens: 0,
		heal() {
			refusing = false;
		},
	};
	const refuse = (): IDBOpenDBRequest => {
		state.refusedOpens++;
		const error = new DOMException(`IndexedDB refused to open (${errorName})`, errorName);
		if (options.throwAtOnce) throw error;
		const request = {
			error,
			result: undefined,
			readyState: 'done',
			transaction: null,
			onerror: null as ((event: unknown) => void) | null,
			onsuccess: null,
			onupgradeneeded: null,
			onblocked: null,
		};
		// Like a real request: the error event comes after open() has returned and handlers are attached.
		queueMicrotask(() => {
			request.onerror?.({target: request, type: 'error', preventDefault() {}, stopPropagation() {}});
		});
		return request as unknown as IDBOpenDBRequest;
	};

	state.factory = new Proxy(healthy, {
		get(target, property) {
			if (property === 'open') return refusing ? refuse : target.open.bind(target);
			const value = Reflect.get(target, property) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	return state;
}
