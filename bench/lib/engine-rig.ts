import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {createJsforcePort} from '../../src/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '../../src/background/salesforce/port.js';
import {enableSync} from '../../src/background/sync/enable.js';
import {runSyncCycle, type SyncCycleResult} from '../../src/background/sync/engine.js';
import {createMemoryLock} from '../../src/background/sync/lock.js';
import {silentLog} from '../../src/background/sync/log.js';
import type {Clock, SyncDeps} from '../../src/background/sync/ports.js';
import {openTicklerDb, type TicklerDb} from '../../src/shared/store/db.js';
import type {SyncTrigger} from '../../src/shared/store/schema.js';
import type {LocalOrg} from '../../test/org/index.js';

/**
 * One simulated rep's extension in Node: the real engine, the real jsforce adapter over HTTP to the local
 * org, and Dexie on its own fake-indexeddb factory (engineering guide §5), exactly as the service worker
 * wires them, minus chrome.*. Many rigs can share one org and one process (the fleet).
 */
export type RepRig = {
	db: TicklerDb;
	sf: SalesforcePort;
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
	const sf = createJsforcePort({instanceUrl: local.url, accessToken: sid, now: () => clock.now(), timeoutMs: 60_000});
	const lock = createMemoryLock();
	const deps = (): SyncDeps => ({db, salesforce: sf, clock, lock, log: silentLog, random: () => 0.5});
	const partition = `${local.org.orgId}:${userId}`;
	return {
		db,
		sf,
		partition,
		userId,
		async enable() {
			await enableSync(deps(), {identity: await sf.identity()});
		},
		async sync(trigger = 'alarm') {
			return runSyncCycle(deps(), {partition, trigger});
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
