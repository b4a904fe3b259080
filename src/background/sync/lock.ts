/**
 * Lock implementations. In the extension, Web Locks (`navigator.locks`) are shared by the service worker
 * and the extension pages of one profile and are released if a context dies mid-cycle. In Node (tests,
 * benchmarks, fleet simulation) an in-process lock object stands in; create one per simulated process.
 */
import type {Lock} from './engine-ports.js';

export function createWebLock(locks: LockManager): Lock {
	return {
		async tryRun<T>(name: string, fn: () => Promise<T>) {
			return locks.request(name, {ifAvailable: true}, async lock =>
				lock ? {ran: true as const, value: await fn()} : {ran: false as const},
			);
		},
	};
}

export function createMemoryLock(): Lock {
	const held = new Set<string>();
	return {
		async tryRun<T>(name: string, fn: () => Promise<T>) {
			if (held.has(name)) return {ran: false as const};
			held.add(name);
			try {
				return {ran: true as const, value: await fn()};
			} finally {
				held.delete(name);
			}
		},
	};
}
