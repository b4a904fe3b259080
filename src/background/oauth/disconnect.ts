/** Disconnect (R28): revoking a partition's OAuth tokens at Salesforce and forgetting them here. */
import {revokeToken} from './token-endpoint.js';
import {type CredentialsDb, deleteTokens, readTokens} from './token-store.js';

/** Disconnect (R28): revokes the partition's tokens at Salesforce and forgets them; sync falls back to the browser session. */
export async function disconnectOAuth(credentials: CredentialsDb, partition: string): Promise<{revoked: boolean}> {
	const tokens = await readTokens(credentials, partition);
	if (!tokens) return {revoked: false};
	// The refresh token revokes its access tokens too (salesforce-facts.md §13.1).
	const revoked = await revokeQuietly(tokens.host, tokens.refreshToken ?? tokens.accessToken);
	await deleteTokens(credentials, partition);
	return {revoked};
}

export async function revokeQuietly(host: string, token: string): Promise<boolean> {
	try {
		return await revokeToken({host, token});
	} catch {
		// Offline: the tokens are forgotten here anyway; Salesforce expires an unused refresh token by policy.
		return false;
	}
}
