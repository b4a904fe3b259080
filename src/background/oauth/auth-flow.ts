/**
 * The OAuth 2.0 web-server flow with PKCE (R28; salesforce-facts.md §13.1), run by the worker:
 *
 *   verifier, state ─► authorize URL on the rep's My Domain ─► chrome.identity.launchWebAuthFlow
 *     ─► https://<extension-id>.chromiumapp.org/?code=…&state=… ─► state checked ─► code + verifier
 *     exchanged for tokens at /services/oauth2/token
 *
 * The verifier and state live only in this call's memory. Errors are turned into sentences the settings
 * page shows as they are (OAuthFlowError), in Tickler's own words only (R54).
 */
import {codeChallengeS256, createCodeVerifier, randomToken} from './pkce.js';
import {CONNECT_COPY} from '@/shared/copy.js';
import {exchangeCode, OAuthEndpointError, type TokenGrant} from './token-endpoint.js';

/** A failure of the flow, said so the rep (or their admin) knows what to do. */
export class OAuthFlowError extends Error {
	override name = 'OAuthFlowError';
	readonly reason: string;
	constructor(reason: string, message: string) {
		super(message);
		this.reason = reason;
	}
}

export type AuthFlowInput = {
	/** The rep's My Domain host, e.g. `acme.my.salesforce.com`. */
	host: string;
	clientId: string;
	/** `chrome.identity.getRedirectURL()`: `https://<extension-id>.chromiumapp.org/`. */
	redirectUri: string;
	/** `chrome.identity.launchWebAuthFlow` (interactive); resolves with the final redirect URL. */
	launchWebAuthFlow: (url: string) => Promise<string | undefined>;
	fetchImpl?: typeof fetch;
};

export function authorizeUrl(input: {
	host: string;
	clientId: string;
	redirectUri: string;
	codeChallenge: string;
	state: string;
}): string {
	const url = new URL(`https://${input.host}/services/oauth2/authorize`);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: input.clientId,
		redirect_uri: input.redirectUri,
		code_challenge: input.codeChallenge,
		code_challenge_method: 'S256',
		state: input.state,
	}).toString();
	return url.toString();
}

export async function runAuthFlow(input: AuthFlowInput): Promise<TokenGrant> {
	const verifier = createCodeVerifier();
	const state = randomToken();
	const url = authorizeUrl({...input, codeChallenge: await codeChallengeS256(verifier), state});
	let final: string | undefined;
	try {
		final = await input.launchWebAuthFlow(url);
	} catch (error) {
		throw windowError(error, input.host);
	}

	const params = redirectParams(final, input.redirectUri);
	// The state first, before anything the redirect says is believed: a redirect that is not the answer to
	// this request (another flow, or one a page in the auth window forged, error included) is never used.
	if (params.get('state') !== state) throw new OAuthFlowError('state_mismatch', CONNECT_COPY.stateMismatch);
	const error = params.get('error');
	if (error !== null) throw authorizeError(error, input);
	const code = params.get('code');
	if (code === null || code === '') throw new OAuthFlowError('no_code', CONNECT_COPY.noCode);
	try {
		return await exchangeCode(
			{host: input.host, clientId: input.clientId, code, redirectUri: input.redirectUri, codeVerifier: verifier},
			input.fetchImpl,
		);
	} catch (caught) {
		if (caught instanceof OAuthEndpointError) throw authorizeError(caught.error, input);
		throw new OAuthFlowError('network', CONNECT_COPY.unreachable(input.host));
	}
}

function redirectParams(final: string | undefined, redirectUri: string): URLSearchParams {
	if (final === undefined || !final.startsWith(redirectUri))
		throw new OAuthFlowError('no_redirect', CONNECT_COPY.noRedirect);
	const url = new URL(final);
	// Errors may come in the query or, for some flows, in the fragment.
	const params = new URLSearchParams(url.search);
	for (const [key, value] of new URLSearchParams(url.hash.replace(/^#/, '')))
		if (!params.has(key)) params.set(key, value);
	return params;
}

/** chrome.identity rejects when the rep closes the window, or when the first page cannot load. */
function windowError(error: unknown, host: string): OAuthFlowError {
	const message = error instanceof Error ? error.message : String(error);
	if (/could not be loaded/i.test(message))
		return new OAuthFlowError('unreachable', CONNECT_COPY.unreachablePage(host));
	// "The user did not approve access." is also what Chrome says when the window is closed.
	return new OAuthFlowError('window_closed', CONNECT_COPY.windowClosed);
}

/**
 * The error codes Tickler knows, each in its own words (copy.ts CONNECT_COPY). Salesforce's
 * `error_description` and any other code are not shown: they are text from the redirect, which a page in the
 * auth window could have written. The reason keeps the code only when it is a known one.
 */
function authorizeError(error: string, input: AuthFlowInput): OAuthFlowError {
	switch (error) {
		case 'access_denied':
			return new OAuthFlowError(error, CONNECT_COPY.accessDenied);
		case 'invalid_client_id':
		case 'invalid_client':
			return new OAuthFlowError(error, CONNECT_COPY.unknownClient(input.clientId));
		case 'redirect_uri_mismatch':
			return new OAuthFlowError(error, CONNECT_COPY.redirectMismatch(input.redirectUri));
		// R54, API Access Control: at authorize (Salesforce Help "Use Any API Client – Restriction") and at the
		// token endpoint.
		case 'OAUTH_APP_BLOCKED':
		case 'OAUTH_APP_ACCESS_DENIED':
		case 'invalid_app_access':
			return new OAuthFlowError(error, CONNECT_COPY.appNotApproved);
		default:
			return new OAuthFlowError('other', CONNECT_COPY.other);
	}
}
