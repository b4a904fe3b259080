/**
 * Turning sync on and off, and forgetting a partition (R2–R7, R23). The partition is the identity of
 * the rep's current Salesforce session (org id + user id), read with one request.
 */
import {classify, isApiAccessRefused, OAuthReconnectNeededError} from '@/background/salesforce/errors.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {disableSync, enableSync} from '@/background/sync/enable.js';
import type {ConnectedAccount} from '@/shared/types.js';
import type {WorkerDbs} from '../worker-db.js';
import {engineDeps, portForSession} from '../engine-deps.js';
import {deletePartitionData, forgetSessionCaches} from './forget-partition.js';
import {disconnectOAuth} from '../oauth/disconnect.js';
import {portForTokens} from '../oauth/oauth-port.js';
import {HostNotAllowedError, isHostAllowed, readPresets} from '../oauth/presets.js';
import {readTokens} from '../oauth/token-store.js';
import {findSession} from '../session/find-session.js';
import {forgetSharedNamesNow} from '../name-sync/name-sync-triggers.js';
import {NoSessionError, SessionExpiredError} from '../session/session-errors.js';
import {storageSessionIdentityCache} from '../session/session-identity.js';
import {refreshSchedule, startCycle} from '../runner/cycle-runner.js';
import {ENABLE_SYNC_COPY, reconnectMessage, SYNC_STATUS_COPY} from '@/shared/copy.js';

/** R28: the org refuses the browser session for the API; the settings page offers "Connect with Salesforce". */
export class ApiAccessRefusedError extends Error {
	override name = 'ApiAccessRefusedError';
	constructor() {
		super(SYNC_STATUS_COPY.apiAccessRefused);
	}
}

/** R30: the admin preset sync to on. */
export class SyncKeptOnByAdminError extends Error {
	override name = 'SyncKeptOnByAdminError';
	constructor() {
		super(ENABLE_SYNC_COPY.keptOnByAdmin);
	}
}

/** R30: the admin preset sync to off. */
export class SyncTurnedOffByAdminError extends Error {
	override name = 'SyncTurnedOffByAdminError';
	constructor() {
		super(ENABLE_SYNC_COPY.turnedOffByAdmin);
	}
}

/** R3/R4: enable for whoever the current session is; the first sync starts at once, in the background. */
export async function enableForCurrentSession(dbs: WorkerDbs): Promise<ConnectedAccount> {
	const presets = await readPresets();
	if (presets.syncEnabled === false) throw new SyncTurnedOffByAdminError();
	const session = await findSession();
	if (!session) throw new NoSessionError(ENABLE_SYNC_COPY.noSession);
	if (!isHostAllowed(presets, session.host)) throw new HostNotAllowedError(session.host);
	return enableWithPort(dbs, await portForSession(session));
}

/**
 * R3/R4 for a partition connected with OAuth (R28): its own token, not the cookie. Falls back to the
 * browser session when the partition has no tokens.
 */
export async function enablePartition(dbs: WorkerDbs, partitionId: string): Promise<ConnectedAccount> {
	const {credentials} = dbs;
	const tokens = await readTokens(credentials, partitionId);
	if (!tokens) return enableForCurrentSession(dbs);
	const presets = await readPresets();
	if (presets.syncEnabled === false) throw new SyncTurnedOffByAdminError();
	if (!isHostAllowed(presets, tokens.instanceHost)) throw new HostNotAllowedError(tokens.instanceHost);
	if (tokens.needsReconnect === true)
		throw new OAuthReconnectNeededError(reconnectMessage(tokens.reconnectReason), tokens.reconnectReason);
	return enableWithPort(
		dbs,
		portForTokens(tokens, {credentials, timeoutMs: 30_000, identityCache: storageSessionIdentityCache}),
		partitionId,
	);
}

/**
 * Turns sync on for the identity behind `port`. `expected` (the OAuth partition) must be who the port
 * speaks for (R2). An org that refuses the browser session for the API says so plainly (R28).
 */
export async function enableWithPort(
	dbs: WorkerDbs,
	port: SalesforcePort,
	expected?: string,
): Promise<ConnectedAccount> {
	const {db} = dbs;
	let identity;
	try {
		identity = await port.identity();
	} catch (error) {
		if (isApiAccessRefused(error)) {
			// R28: said where the rep looks next — the popup — not only on this page (MetaRow `enableRefused`).
			await db.meta.put({key: 'enableRefused', value: 'api-access-refused'});
			throw new ApiAccessRefusedError();
		}

		if (error instanceof OAuthReconnectNeededError) throw error;
		if (classify(error) === 'auth') throw new SessionExpiredError(ENABLE_SYNC_COPY.sessionExpired);
		throw error;
	}

	if (expected !== undefined && `${identity.orgId}:${identity.userId}` !== expected)
		throw new SessionExpiredError(ENABLE_SYNC_COPY.otherUser);
	const partition = await enableSync(engineDeps(db, null), {identity});
	await db.meta.delete('enableRefused');
	// One org and user at a time: the worker syncs the active partition only, so any other partition that
	// was on is turned off, and says so, instead of looking enabled while nothing syncs it (R2, R7).
	for (const other of await db.partitions.toArray()) {
		if (other.id !== partition.id && other.enabled) await disableSync(engineDeps(db, null), other.id);
	}

	startCycle(dbs, 'manual');
	return {
		partition: partition.id,
		orgId: partition.orgId,
		userId: partition.userId,
		username: partition.username,
		displayName: partition.displayName,
		instanceHost: partition.instanceHost,
	};
}

/** R7: off at once — a running cycle stops at its next step — and no more alarms. */
export async function disablePartition(dbs: WorkerDbs, partitionId: string): Promise<{enabled: false}> {
	// R30: the admin's "sync on" wins over the rep's checkbox.
	if ((await readPresets()).syncEnabled === true) throw new SyncKeptOnByAdminError();
	await disableSync(engineDeps(dbs.db, null), partitionId);
	await refreshSchedule(dbs.db);
	return {enabled: false};
}

/**
 * Disconnect: deletes one partition's reminders, outbox, checkpoint, history, conflicts and the partition
 * itself — nothing of any other partition (R2) — and its names in the browser's synced storage (R53). Waits
 * for a running cycle of that partition to end first.
 */
export async function forgetPartition(dbs: WorkerDbs, partitionId: string): Promise<{deletedReminders: number}> {
	const {db, credentials} = dbs;
	await disableSync(engineDeps(db, null), partitionId);
	// R28: Disconnect revokes the partition's OAuth tokens, if it has any.
	await disconnectOAuth(credentials, partitionId);
	const deletedReminders = await navigator.locks.request(`tickler-sync:${partitionId}`, async () =>
		deletePartitionData(db, partitionId),
	);
	await forgetSessionCaches(partitionId);
	// R53: and the names it shared through the browser's synced storage (its servers, the rep's other computers).
	await forgetSharedNamesNow(partitionId);
	await refreshSchedule(db);
	return {deletedReminders};
}
