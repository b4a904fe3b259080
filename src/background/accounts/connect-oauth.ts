/**
 * The second way in (R28): "Connect with Salesforce" on the settings page runs the OAuth web-server flow
 * with PKCE in a `chrome.identity.launchWebAuthFlow` window on the rep's My Domain, stores the tokens under
 * the partition (org id + user id) they belong to, and turns sync on for it. Disconnect revokes them.
 * Tokens stay in the worker (oauth/token-store.ts): nothing here returns one.
 */
import {CONNECT_COPY} from '@/shared/copy.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {ConnectedAccount, ConnectionSettings} from '@/shared/types.js';
import {enableWithPort, SyncTurnedOffByAdminError} from './sync-switch.js';
import type {WorkerDbs} from '../worker-db.js';
import {runAuthFlow} from '../oauth/auth-flow.js';
import {portForTokens} from '../oauth/oauth-port.js';
import {
	effectiveClientId,
	HostNotAllowedError,
	isClientId,
	isHostAllowed,
	readPresets,
	readRepClientId,
	saveRepClientId,
} from '../oauth/presets.js';
import {pendingRevocations, revokeOrRetryLater} from '../oauth/disconnect.js';
import {oauthConnections, readTokens, saveTokens, type StoredTokens} from '../oauth/token-store.js';
import {identityApi, oauthRedirectUrl} from '../platform.js';
import {salesforceHostsInUse} from '../session/find-session.js';
import {storageSessionIdentityCache} from '../session/session-identity.js';

export class OAuthSetupError extends Error {
	override name = 'OAuthSetupError';
}

/** The My Domain host to offer: the active partition's, else the rep's most recently used Salesforce tab's. */
async function suggestedHost(dbs: WorkerDbs): Promise<string | undefined> {
	const {db} = dbs;
	const partition = await db.partitions.get(await activePartition(db));
	return partition?.instanceHost ?? (await salesforceHostsInUse())[0];
}

export async function connectionSettings(dbs: WorkerDbs): Promise<ConnectionSettings> {
	const presets = await readPresets();
	const clientId = effectiveClientId(presets, await readRepClientId());
	const host = await suggestedHost(dbs);
	const pending = await pendingRevocations(dbs.credentials);
	return {
		redirectUrl: oauthRedirectUrl(),
		...(clientId === undefined ? {} : {clientId}),
		presets,
		oauth: await oauthConnections(dbs.credentials),
		...(host === undefined ? {} : {suggestedHost: host}),
		...(pending.length === 0 ? {} : {revocationsPending: pending.map(({host: at, since}) => ({host: at, since}))}),
	};
}

export async function saveClientId(clientId: string): Promise<{clientId: string}> {
	if ((await readPresets()).oauthClientId !== undefined)
		throw new OAuthSetupError('Your admin has set the client id; it cannot be changed here.');
	if (!isClientId(clientId)) throw new OAuthSetupError('That does not look like a client id (the consumer key).');
	await saveRepClientId(clientId);
	return {clientId};
}

/** Runs the flow on `host` (or the suggested one), keeps the tokens under their partition, and turns sync on. */
export async function connectWithOAuth(dbs: WorkerDbs, input: {host?: string}): Promise<ConnectedAccount> {
	const {credentials} = dbs;
	const presets = await readPresets();
	// R30 at once: with sync preset off nothing would sync on this connection; no window, no token.
	if (presets.syncEnabled === false) throw new SyncTurnedOffByAdminError();
	const clientId = effectiveClientId(presets, await readRepClientId());
	if (clientId === undefined)
		throw new OAuthSetupError(
			"Enter Tickler's client id first: your Salesforce admin gets it when they create Tickler's External Client App.",
		);
	const typed = input.host === undefined ? await suggestedHost(dbs) : toMyDomainHost(input.host);
	if (typed === undefined)
		throw new OAuthSetupError('Enter your My Domain, e.g. acme.my.salesforce.com, or open Salesforce in a tab.');
	if (!isHostAllowed(presets, typed)) throw new HostNotAllowedError(typed);

	// Optional in Chrome: the page asks for it on the rep's click; without it no sign-in window can open.
	const identity = identityApi();
	if (!identity) throw new OAuthSetupError(CONNECT_COPY.permissionRefused);
	const grant = await runAuthFlow({
		host: typed,
		clientId,
		redirectUri: oauthRedirectUrl(),
		launchWebAuthFlow: async url => identity.launchWebAuthFlow({url, interactive: true}),
	});
	// R25 for tokens: the API host must be a My Domain host Tickler may talk to, or the token is not used.
	const instanceHost = toMyDomainHost(grant.instanceHost) === grant.instanceHost ? grant.instanceHost : typed;
	if (!isHostAllowed(presets, instanceHost)) throw new HostNotAllowedError(instanceHost);
	// The policy may have changed while the rep was in the Salesforce window: it is read again.
	if ((await readPresets()).syncEnabled === false) {
		await revokeOrRetryLater(credentials, {
			partition: `${grant.orgId}:${grant.userId}`,
			host: typed,
			token: grant.refreshToken ?? grant.accessToken,
		});
		throw new SyncTurnedOffByAdminError();
	}

	const partition = `${grant.orgId}:${grant.userId}`;
	const previous = await readTokens(credentials, partition);
	const tokens: StoredTokens = {
		partition,
		host: typed,
		instanceHost,
		clientId,
		accessToken: grant.accessToken,
		connectedAt: Date.now(),
		...(grant.refreshToken === undefined ? {} : {refreshToken: grant.refreshToken}),
	};
	await saveTokens(credentials, tokens);
	// Reconnecting replaces the refused tokens; the old refresh token is revoked so it cannot linger.
	if (previous?.refreshToken !== undefined && previous.refreshToken !== tokens.refreshToken)
		await revokeOrRetryLater(credentials, {partition, host: previous.host, token: previous.refreshToken});
	return enableWithPort(
		dbs,
		portForTokens(tokens, {credentials, timeoutMs: 30_000, identityCache: storageSessionIdentityCache}),
		partition,
	);
}
