/**
 * A Salesforce port on a partition's OAuth tokens (R28): the access token goes only to the token's own
 * My Domain host; when Salesforce says it expired, the refresh token gets a new one, stored for the next
 * cycles, and the request is sent again — the rep notices nothing. A refused refresh marks the tokens
 * `needsReconnect` with why, and surfaces as OAuthReconnectNeededError ("Reconnect to Salesforce", R54).
 *
 * R54, one refresh at a time: a sync cycle and a badge lookup each build their own port, and both may find
 * the access token expired at once. When the org rotates refresh tokens, each refresh invalidates the one
 * it used, so a second refresh racing the first would be refused (`invalid_grant`) and pause sync for a
 * Reconnect nobody needed. So a refresh holds a Web Lock named for the partition — shared by every caller
 * in the worker and released if the worker stops — and, once it holds it, re-reads the stored tokens: when
 * another caller already replaced the access token this port was sending, that one is used, no refresh.
 */
import {type IdentityCache, createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import {OAuthReconnectNeededError} from '@/background/salesforce/errors.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {reconnectMessage} from '@/shared/copy.js';
import {refreshAccessToken} from './token-endpoint.js';
import {
	type CredentialsDb,
	markNeedsReconnect,
	readTokens,
	type StoredTokens,
	updateAccessToken,
} from './token-store.js';

/** The slice of Web Locks a refresh needs (`navigator.locks` in the extension). */
export type RefreshLocks = Pick<LockManager, 'request'>;

export type OAuthPortOptions = {
	credentials: CredentialsDb;
	identityCache?: IdentityCache;
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
	/** `https://<host>` in the extension; tests point it at the local org's URL. */
	baseUrl?: (host: string) => string;
	/** Defaults to `navigator.locks`; Node (the integration tests) has none and refreshes unlocked. */
	locks?: RefreshLocks;
	/** The local clock the port measures Salesforce's against (R16); Date.now unless a test moves time. */
	now?: () => number;
};

/** The Web Lock every refresh of a partition's tokens holds (R54). */
export function refreshLockName(partition: string): string {
	return `tickler-oauth-refresh:${partition}`;
}

export function portForTokens(tokens: StoredTokens, options: OAuthPortOptions): SalesforcePort {
	const baseUrl = options.baseUrl ?? ((host: string) => `https://${host}`);
	// The access token this port sends: what a refresh replaces. This port's own, not the worker's state.
	let sent = tokens.accessToken;
	return createJsforcePort({
		instanceUrl: baseUrl(tokens.instanceHost),
		accessToken: tokens.accessToken,
		...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
		...(options.now === undefined ? {} : {now: options.now}),
		...(options.identityCache ? {identityCache: options.identityCache} : {}),
		refreshAccessToken: async () => {
			sent = await refreshStored(tokens.partition, options, sent);
			return sent;
		},
	});
}

/**
 * A fresh access token for the partition, refreshed at most once however many callers ask at the same time
 * (R54). `expired`: the access token the caller was refused with; when the stored one differs, another
 * caller refreshed meanwhile and that token is returned as it is. Marks the tokens for reconnecting when
 * the refresh is refused.
 */
export async function refreshStored(partition: string, options: OAuthPortOptions, expired?: string): Promise<string> {
	const locks = options.locks ?? (globalThis as {navigator?: {locks?: RefreshLocks}}).navigator?.locks;
	const refresh = async () => refreshHoldingLock(partition, options, expired);
	return locks ? locks.request(refreshLockName(partition), refresh) : refresh();
}

async function refreshHoldingLock(partition: string, options: OAuthPortOptions, expired?: string): Promise<string> {
	// Read only now, inside the lock: the refresh token may have been rotated while this caller waited.
	const current = await readTokens(options.credentials, partition);
	if (current?.needsReconnect === true)
		throw new OAuthReconnectNeededError(reconnectMessage(current.reconnectReason), current.reconnectReason);
	if (current !== undefined && expired !== undefined && current.accessToken !== expired) return current.accessToken;
	if (!current?.refreshToken) {
		if (current) await markNeedsReconnect(options.credentials, partition, 'refused');
		throw new OAuthReconnectNeededError('No refresh token to renew the access token with', 'refused');
	}

	try {
		const fresh = await refreshAccessToken(
			{
				host: current.host,
				clientId: current.clientId,
				refreshToken: current.refreshToken,
				...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
			},
			options.fetchImpl,
		);
		// A rotated refresh token is stored with the access token, before the lock is released (R54).
		await updateAccessToken(options.credentials, partition, fresh);
		return fresh.accessToken;
	} catch (error) {
		if (error instanceof OAuthReconnectNeededError)
			await markNeedsReconnect(options.credentials, partition, error.reason);
		throw error;
	}
}
