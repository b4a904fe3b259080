/** Port wrappers for tests: observe calls, tamper with them, or stop the "worker" after K calls. */
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';

type Method = Exclude<keyof SalesforcePort, 'requestCount' | 'responseMeta'>;
export type Call = {method: Method; args: unknown[]};

export type Hooks = {
	/** May replace the arguments (return undefined to keep them). */
	before?(call: Call): Promise<unknown[] | undefined> | unknown[] | undefined;
	after?(call: Call, result: unknown): Promise<void> | void;
};

export function wrapPort(port: SalesforcePort, hooks: Hooks): SalesforcePort & {calls: Call[]} {
	const calls: Call[] = [];
	const wrap =
		(method: Method) =>
		async (...args: unknown[]): Promise<unknown> => {
			const call: Call = {method, args};
			calls.push(call);
			const replaced = (await hooks.before?.(call)) ?? args;
			const result = await (port[method] as (...a: unknown[]) => Promise<unknown>)(...replaced);
			await hooks.after?.(call, result);
			return result;
		};
	return {
		calls,
		identity: wrap('identity') as SalesforcePort['identity'],
		query: wrap('query') as SalesforcePort['query'],
		queryMore: wrap('queryMore') as SalesforcePort['queryMore'],
		taskPicklists: wrap('taskPicklists') as SalesforcePort['taskPicklists'],
		createTasks: wrap('createTasks') as SalesforcePort['createTasks'],
		updateTasks: wrap('updateTasks') as SalesforcePort['updateTasks'],
		deleteTasks: wrap('deleteTasks') as SalesforcePort['deleteTasks'],
		requestCount: () => port.requestCount(),
		responseMeta: () => port.responseMeta(),
	};
}

/**
 * Sends every call of `method` through `other` and the rest through `port`, e.g. only the request the
 * org will hold (the timeout fault) through a port with a short client timeout, so that no answered
 * request of the same cycle can time out on a slow machine. Requests are counted on both ports.
 */
export function routeCalls(port: SalesforcePort, method: Method, other: SalesforcePort): SalesforcePort {
	const via = (m: Method): SalesforcePort => (m === method ? other : port);
	return {
		identity: async () => via('identity').identity(),
		query: async (soql, options) => via('query').query(soql, options),
		queryMore: async url => via('queryMore').queryMore(url),
		taskPicklists: async () => via('taskPicklists').taskPicklists(),
		createTasks: async tasks => via('createTasks').createTasks(tasks),
		updateTasks: async tasks => via('updateTasks').updateTasks(tasks),
		deleteTasks: async ids => via('deleteTasks').deleteTasks(ids),
		requestCount: () => port.requestCount() + other.requestCount(),
		responseMeta: () => port.responseMeta(),
	};
}

export class WorkerStoppedError extends Error {
	override name = 'WorkerStoppedError';
}

/**
 * Simulates the service worker being stopped: after `calls` port calls, the next call either lets the
 * request reach Salesforce and then throws (the answer is lost), or never settles (the cycle hangs and is
 * abandoned). The engine is then restarted from its store.
 */
export function stoppingPort(
	port: SalesforcePort,
	calls: number,
	mode: 'after-send' | 'before-send' | 'hang',
): SalesforcePort & {stopped: Promise<void>} {
	let seen = 0;
	let markStopped: () => void = () => undefined;
	const stopped = new Promise<void>(resolve => {
		markStopped = resolve;
	});
	const wrapped = wrapPort(port, {
		async before() {
			seen++;
			if (seen <= calls) return undefined;
			if (mode === 'hang') {
				markStopped();
				await new Promise(() => undefined);
			}

			if (mode === 'before-send') {
				markStopped();
				throw new WorkerStoppedError('stopped before send');
			}

			return undefined;
		},
		after() {
			if (seen > calls && mode === 'after-send') {
				markStopped();
				throw new WorkerStoppedError('stopped after send');
			}
		},
	});
	return Object.assign(wrapped, {stopped});
}
