/**
 * A Salesforce port on a partition's OAuth tokens (R28): the access token goes only to the token's own
 * My Domain host; when Salesforce says it expired, the refresh token gets a new one, stored for the next
 * cycles, and the request is sent again — the rep notices nothing. A refused refresh marks the tokens
 * `needsReconnect` and surfaces as OAuthReconnectNeededError ("Reconnect to Salesforce").
 */
import {type IdentityCache, createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import {OAuthReconnectNeededError} from '@/background/salesforce/errors.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {refreshAccessToken} from './token-endpoint.js';
import {
	type CredentialsDb,
	markNeedsReconnect,
	readTokens,
	type StoredTokens,
	updateAccessToken,
} from './token-store.js';

export type OAuthPortOptions = {
	credentials: CredentialsDb;
	identityCache?: IdentityCache;
	timeoutMs?: number;
	fetchImpl?: typeof fetch;
	/** `https://<host>` in the extension; tests point it at the local org's URL. */
	baseUrl?: (host: string) => string;
};

export function portForTokens(tokens: StoredTokens, options: OAuthPortOptions): SalesforcePort {
	const baseUrl = options.baseUrl ?? ((host: string) => `https://${host}`);
	return createJsforcePort({
		instanceUrl: baseUrl(tokens.instanceHost),
		accessToken: tokens.accessToken,
		...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
		...(options.identityCache ? {identityCache: options.identityCache} : {}),
		refreshAccessToken: async () => refreshStored(tokens.partition, options),
	});
}

/** Refreshes the partition's access token and stores it; marks the tokens for reconnecting when refused. */
export async function refreshStored(partition: string, options: OAuthPortOptions): Promise<string> {
	const current = await readTokens(options.credentials, partition);
	if (!current?.refreshToken) {
		if (current) await markNeedsReconnect(options.credentials, partition);
		throw new OAuthReconnectNeededError('No refresh token to renew the access token with');
	}

	try {
		const fresh = await refreshAccessToken(
			{host: current.host, clientId: current.clientId, refreshToken: current.refreshToken},
			options.fetchImpl,
		);
		await updateAccessToken(options.credentials, partition, fresh);
		return fresh.accessToken;
	} catch (error) {
		if (error instanceof OAuthReconnectNeededError) await markNeedsReconnect(options.credentials, partition);
		throw error;
	}
}
