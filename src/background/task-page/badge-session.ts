/**
 * The session the badge may use for the partition it answers about, and whose identity it must check first
 * (R2, R25, R28). The badge shows the rep's reminder name, sync state and error text on a Salesforce page, so
 * whoever is signed in on that org in this browser must be the partition's own user — for an OAuth partition
 * too: its token speaks for the partition's user, but the page is shown to whoever signed in to the org in this
 * browser profile (a colleague at the rep's desk, "Login As"), or to nobody. That identity is asked once per
 * browser session and cached (session/session-identity.ts), within the tab's allowance (R38, badge-answer.ts).
 */
import {sessionKey} from '@/background/salesforce/jsforce-adapter.js';
import type {IdentityCache} from '@/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import type {Partition} from '@/shared/store/schema.js';
import {credentialsForPartition, portForSession} from '../engine-deps.js';
import {type FoundSession, sessionForHost} from '../session/find-session.js';
import {browserSessionIdentityCache, storageSessionIdentityCache} from '../session/session-identity.js';
import type {WorkerDbs} from '../worker-db.js';

/** The rep's session on the partition's host, as the badge may use it. */
export type BadgeSession = {
	/** Answers the lookup of a Task not in the store: the OAuth token's port, else the browser session's. */
	port: SalesforcePort;
	/** Says who is signed in on the org in this browser (R2): the browser session's port; `port` when omitted. */
	identityPort?: SalesforcePort;
	/** True when that identity is already cached, so asking it costs no request (R21). */
	identityKnown: boolean;
};

async function isKnown(cache: IdentityCache, session: FoundSession): Promise<boolean> {
	return (await cache.get(await sessionKey(`https://${session.host}`, session.sid))) !== undefined;
}

/** `reconnect`: the partition's OAuth refresh was refused; undefined: nobody is signed in on the org here. */
export async function connectToSession(
	dbs: WorkerDbs,
	partition: Partition,
): Promise<BadgeSession | 'reconnect' | undefined> {
	const credentials = await credentialsForPartition(dbs.credentials, partition);
	if (credentials.kind === 'reconnect') return 'reconnect';
	if (credentials.kind === 'oauth') {
		// R25: the browser session is read for this answer only, its identity kept apart from the token's.
		const session = await sessionForHost(partition.instanceHost);
		if (!session) return undefined;
		const identityPort = await portForSession(session, browserSessionIdentityCache);
		return {port: credentials.port, identityPort, identityKnown: await isKnown(browserSessionIdentityCache, session)};
	}

	// R25: else the browser session of the partition's host, read for this answer only.
	if (!credentials.port || !credentials.session) return undefined;
	return {port: credentials.port, identityKnown: await isKnown(storageSessionIdentityCache, credentials.session)};
}
