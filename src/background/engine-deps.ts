/**
 * Wires the sync engine to the real world (engineering guide §4): Dexie on the extension's IndexedDB,
 * the jsforce adapter on the rep's OAuth connection or browser session, Web Locks shared by every extension
 * context, and the real clock. Built per cycle: the session id lives only in this call's memory (R25).
 */
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {createWebLock} from '@/background/sync/lock.js';
import {consoleLog} from '@/background/sync/log.js';
import {type SyncDeps, systemClock} from '@/background/sync/engine-ports.js';
import type {Partition} from '@/shared/store/schema.js';
import type {ReconnectReason} from '@/shared/types.js';
import {portForTokens} from './oauth/oauth-port.js';
import {type CredentialsDb, readTokens} from './oauth/token-store.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {type FoundSession, findSession} from './session/find-session.js';
import {storageSessionIdentityCache} from './session/session-identity.js';
import {notificationsGranted} from '@/shared/notifications-permission.js';

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

/**
 * How a cycle reaches Salesforce for `partition` (R28): its own OAuth tokens when it was connected with
 * OAuth — the token, not the cookie — else the browser session of its My Domain host. Tokens are looked up
 * by partition (org id + user id), so a Login-As or another user on the same My Domain never uses them (R2).
 * `reconnect`: the refresh token was refused; nothing is sent until the rep reconnects.
 */
export type CycleCredentials =
	| {kind: 'oauth'; port: SalesforcePort}
	| {kind: 'reconnect'; reason?: ReconnectReason}
	/** `session`: the browser session the port uses (none: signed out), for callers that key caches by it. */
	| {kind: 'session'; port: SalesforcePort | null; session?: FoundSession};

export async function credentialsForPartition(
	credentials: CredentialsDb,
	partition: Partition,
): Promise<CycleCredentials> {
	const tokens = await readTokens(credentials, partition.id);
	if (tokens?.needsReconnect === true)
		return tokens.reconnectReason === undefined
			? {kind: 'reconnect'}
			: {kind: 'reconnect', reason: tokens.reconnectReason};
	if (tokens)
		return {
			kind: 'oauth',
			port: portForTokens(tokens, {
				credentials,
				timeoutMs: 30_000,
				identityCache: storageSessionIdentityCache,
			}),
		};
	// R25: the sid is read here, used for this cycle only, and sent only to its own My Domain host.
	const session = await findSession(partition.instanceHost);
	return session ? {kind: 'session', port: await portForSession(session), session} : {kind: 'session', port: null};
}

export function engineDeps(db: TicklerDb, salesforce: SalesforcePort | null): SyncDeps {
	return {
		db,
		salesforce,
		clock: systemClock,
		lock: createWebLock(navigator.locks),
		log: consoleLog(),
		notificationsGranted,
	};
}
