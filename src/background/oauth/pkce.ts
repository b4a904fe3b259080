/**
 * PKCE for the OAuth 2.0 web-server flow (RFC 7636; salesforce-facts.md §13.1): a random verifier the worker
 * keeps, and its S256 challenge sent with the authorize request. Also the random `state` that ties the
 * redirect back to the request Tickler made.
 */

/** base64url without padding (RFC 7636 §3). */
export function base64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A fresh random string from crypto.getRandomValues: 32 bytes give 43 characters, the verifier's minimum length. */
export function randomToken(bytes = 32): string {
	return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The code verifier: 64 random bytes → 86 characters of [A-Za-z0-9-_], inside RFC 7636's 43–128. */
export function createCodeVerifier(): string {
	return randomToken(64);
}

/** code_challenge = base64url(SHA-256(verifier)), no padding (code_challenge_method=S256). */
export async function codeChallengeS256(verifier: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return base64Url(new Uint8Array(digest));
}
