/**
 * The OAuth 2.0 web-server flow with PKCE (R28; salesforce-facts.md §13.1), run by the worker:
 *
 *   verifier, state ─► authorize URL on the rep's My Domain ─► chrome.identity.launchWebAuthFlow
 *     ─► https://<extension-id>.chromiumapp.org/?code=…&state=… ─► state checked ─► code + verifier
 *     exchanged for tokens at /services/oauth2/token
 *
 * The verifier and state live only in this call's memory. Errors are turned into sentences the settings
 * page shows as they are (OAuthFlowError).
 */
import {codeChallengeS256, createCodeVerifier, randomToken} from './pkce.js';
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
	const error = params.get('error');
	if (error !== null) throw authorizeError(error, params.get('error_description') ?? '', input);
	// A redirect that is not the answer to this request (another flow, or a forged one) is never used.
	if (params.get('state') !== state)
		throw new OAuthFlowError('state_mismatch', 'Salesforce answered a different sign-in request. Click Connect again.');
	const code = params.get('code');
	if (code === null || code === '')
		throw new OAuthFlowError('no_code', 'Salesforce did not send an authorization code. Click Connect again.');
	try {
		return await exchangeCode(
			{host: input.host, clientId: input.clientId, code, redirectUri: input.redirectUri, codeVerifier: verifier},
			input.fetchImpl,
		);
	} catch (caught) {
		if (caught instanceof OAuthEndpointError) throw authorizeError(caught.error, caught.message, input);
		throw new OAuthFlowError(
			'network',
			`Salesforce could not be reached at ${input.host}. Check your connection and try again.`,
		);
	}
}

function redirectParams(final: string | undefined, redirectUri: string): URLSearchParams {
	if (final === undefined || !final.startsWith(redirectUri))
		throw new OAuthFlowError('no_redirect', 'Salesforce did not send Tickler back an answer. Click Connect again.');
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
		return new OAuthFlowError(
			'unreachable',
			`The Salesforce sign-in page at ${host} could not be loaded. Check your My Domain and your connection.`,
		);
	// "The user did not approve access." is also what Chrome says when the window is closed.
	return new OAuthFlowError(
		'window_closed',
		'The Salesforce window was closed before Tickler was connected. Click Connect to try again.',
	);
}

function authorizeError(error: string, description: string, input: AuthFlowInput): OAuthFlowError {
	switch (error) {
		case 'access_denied':
			return new OAuthFlowError(
				error,
				'You did not allow Tickler to use Salesforce. Click Connect again and choose Allow to sync.',
			);
		case 'invalid_client_id':
		case 'invalid_client':
			return new OAuthFlowError(
				error,
				`Salesforce does not know the client id "${input.clientId}". Check it in Settings, or ask your Salesforce admin for Tickler's client id.`,
			);
		case 'redirect_uri_mismatch':
			return new OAuthFlowError(
				error,
				`Your org's External Client App does not list Tickler's callback URL ${input.redirectUri}. Ask your Salesforce admin to add it.`,
			);
		case 'OAUTH_APP_BLOCKED':
		case 'OAUTH_APP_ACCESS_DENIED':
			return new OAuthFlowError(error, 'Your Salesforce admin has not allowed Tickler for your user. Ask them to.');
		default:
			return new OAuthFlowError(
				error,
				`Salesforce refused to connect Tickler (${error}${description ? `: ${description}` : ''}).`,
			);
	}
}
