/**
 * Wires the sync engine to the real world (engineering guide §4): Dexie on the extension's IndexedDB,
 * the jsforce adapter on the rep's own session, Web Locks shared by every extension context, and the
 * real clock. Built per cycle: the session id lives only in this call's memory (R25).
 */
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '@/background/salesforce/port.js';
import {createWebLock} from '@/background/sync/lock.js';
import {consoleLog} from '@/background/sync/log.js';
import {type SyncDeps, systemClock} from '@/background/sync/ports.js';
import {db} from './db.js';
import type {FoundSession} from './session/find-session.js';
import {storageSessionIdentityCache} from './session/session-identity.js';

/** A port that talks only to the session's own My Domain host (R25: the sid goes nowhere else). */
export async function portForSession(session: FoundSession): Promise<SalesforcePort> {
	return createJsforcePort({
		instanceUrl: `https://${session.host}`,
		accessToken: session.sid,
		timeoutMs: 30_000,
		// R21: the identity is asked once per session, not once per cycle.
		identityCache: storageSessionIdentityCache,
	});
}

export function engineDeps(salesforce: SalesforcePort | null): SyncDeps {
	return {db, salesforce, clock: systemClock, lock: createWebLock(navigator.locks), log: consoleLog()};
}
