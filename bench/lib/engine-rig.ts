import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {createJsforcePort} from '../../src/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '../../src/background/salesforce/salesforce-port.js';
import {enableSync} from '../../src/background/sync/enable.js';
import {runSyncCycle, type SyncCycleResult} from '../../src/background/sync/engine.js';
import {createMemoryLock} from '../../src/background/sync/lock.js';
import {silentLog} from '../../src/background/sync/log.js';
import type {Clock, SyncDeps} from '../../src/background/sync/engine-ports.js';
import {openTicklerDb, type TicklerDb} from '../../src/shared/store/open-db.js';
import type {SyncTrigger} from '../../src/shared/store/schema.js';
import type {LocalOrg} from '../../test/org/index.js';
import {sessionStorageIdentityCache} from './session-identity-stand-in.js';

/**
 * One simulated rep's extension in Node: the real engine, the real jsforce adapter over HTTP to the local
 * org, and Dexie on its own fake-indexeddb factory (engineering guide §5), wired as the service worker wires
 * them, minus chrome.*. Many rigs can share one org and one process (the fleet).
 *
 * Like the worker (src/background/engine-deps.ts `portForSession`, used by cycle-runner.ts and sync-switch.ts),
 * every cycle and every enable gets a NEW port — the session id lives only in that call — and the ports
 * share the rep's `storage.session` identity cache. So what the benchmarks count is what a rep's worker
 * sends: if the identity cache stopped working, every idle poll would show a second (userinfo) request.
 */
export type RepRig = {
	db: TicklerDb;
	partition: string;
	userId: string;
	enable(): Promise<void>;
	sync(trigger?: SyncTrigger): Promise<SyncCycleResult>;
	close(): void;
};

let counter = 0;

export function createRepRig(local: LocalOrg, userId: string, clock: Clock): RepRig {
	const sid = local.org.createSession(userId);
	const db = openTicklerDb({name: `tickler-bench-${counter++}`, indexedDB: new IDBFactory(), IDBKeyRange});
	const identityCache = sessionStorageIdentityCache();
	// engine-deps.ts portForSession's options (the worker's timeout is 30 s; a loaded bench machine gets 60 s).
	const newPort = (): SalesforcePort =>
		createJsforcePort({
			instanceUrl: local.url,
			accessToken: sid,
			now: () => clock.now(),
			timeoutMs: 60_000,
			identityCache,
		});
	const lock = createMemoryLock();
	const deps = (salesforce: SalesforcePort | null): SyncDeps => ({
		db,
		salesforce,
		clock,
		lock,
		log: silentLog,
		random: () => 0.5,
	});
	const partition = `${local.org.orgId}:${userId}`;
	return {
		db,
		partition,
		userId,
		async enable() {
			// sync-switch.ts: a port of its own asks the identity, then enableSync with the worker's deps sans port.
			await enableSync(deps(null), {identity: await newPort().identity()});
		},
		async sync(trigger = 'alarm') {
			return runSyncCycle(deps(newPort()), {partition, trigger});
		},
		close() {
			db.close();
		},
	};
}

/** The org's own count of API requests (what its daily allowance is charged) since the last reset. */
export function countedRequests(local: LocalOrg): number {
	return local.org.requests.filter(entry => entry.countedAsApi).length;
}

/** Every HTTP request the org received since the last reset, charged or not (e.g. `userinfo` is free). */
export function httpRequests(local: LocalOrg): number {
	return local.org.requests.length;
}

/** A valid Task for the rep, as the Salesforce UI would create it. */
export function taskFields(index: number): Record<string, unknown> {
	return {
		Subject: `Follow up ${index}`,
		TaskSubtype: 'Task',
		ActivityDate: `2026-03-${String((index % 28) + 1).padStart(2, '0')}`,
		Priority: index % 5 === 0 ? 'High' : 'Normal',
		Description: index % 3 === 0 ? 'Called, left a message; send the quote next.' : null,
	};
}
