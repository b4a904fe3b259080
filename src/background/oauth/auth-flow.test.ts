import {expect, test} from 'vitest';
import {authorizeUrl, OAuthFlowError, runAuthFlow} from './auth-flow.js';
import {codeChallengeS256} from './pkce.js';
import {CONNECT_COPY} from '@/shared/copy.js';

const REDIRECT = 'https://abc.chromiumapp.org/';
const base = {host: 'acme.my.salesforce.com', clientId: '3MVG9clientid', redirectUri: REDIRECT};
const noFetch: typeof fetch = async () => {
	throw new Error('no token request may be sent');
};

async function failure(launch: (url: string) => Promise<string | undefined>): Promise<OAuthFlowError> {
	const error: unknown = await runAuthFlow({...base, launchWebAuthFlow: launch, fetchImpl: noFetch}).catch(
		(caught: unknown) => caught,
	);
	if (!(error instanceof OAuthFlowError)) throw new Error(`expected an OAuthFlowError, got ${String(error)}`);
	return error;
}

/** Answers like Salesforce's redirect, echoing the request's state. */
const answer = (params: Record<string, string>) => async (url: string) => {
	const state = new URL(url).searchParams.get('state') ?? '';
	return `${REDIRECT}?${new URLSearchParams({...params, state}).toString()}`;
};

test('R28: the authorize URL is the web-server flow on the My Domain with an S256 challenge of the verifier', async () => {
	let seen = '';
	await failure(async url => {
		seen = url;
		return undefined;
	});
	const url = new URL(seen);
	expect(url.origin + url.pathname).toBe('https://acme.my.salesforce.com/services/oauth2/authorize');
	expect(Object.fromEntries(url.searchParams)).toMatchObject({
		response_type: 'code',
		client_id: '3MVG9clientid',
		redirect_uri: REDIRECT,
		code_challenge_method: 'S256',
	});
	expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
	expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
	const challenge = await codeChallengeS256('v'.repeat(43));
	expect(authorizeUrl({...base, codeChallenge: challenge, state: 's'})).toContain(`code_challenge=${challenge}`);
});

test('R28: every way the flow fails is said in plain words, and nothing is exchanged', async () => {
	expect(
		(await failure(answer({error: 'access_denied', error_description: 'end-user denied authorization'}))).message,
	).toBe('You did not allow Tickler to use Salesforce. Click Connect again and choose Allow to sync.');
	expect((await failure(answer({error: 'invalid_client_id'}))).message).toContain(
		'does not know the client id "3MVG9clientid"',
	);
	expect((await failure(answer({error: 'redirect_uri_mismatch'}))).message).toContain(
		`does not list Tickler's callback URL ${REDIRECT}`,
	);
	const closed = await failure(async () => {
		throw new Error('The user did not approve access.');
	});
	expect(closed.reason).toBe('window_closed');
	expect(closed.message).toContain('window was closed');
	const unreachable = await failure(async () => {
		throw new Error('Authorization page could not be loaded.');
	});
	expect(unreachable.message).toContain('could not be loaded');
	expect((await failure(async () => `${REDIRECT}?code=abc&state=not-mine`)).reason).toBe('state_mismatch');
	expect((await failure(async () => 'https://evil.example.com/?code=abc')).reason).toBe('no_redirect');
	expect((await failure(answer({}))).reason).toBe('no_code');
});

test('R28: an error on a redirect whose state is not this request’s is never believed: the state is checked first', async () => {
	const forged = await failure(
		async () =>
			`${REDIRECT}?${new URLSearchParams({error: 'access_denied', error_description: 'Call 555-0100 to restore access', state: 'forged'}).toString()}`,
	);
	expect(forged.reason).toBe('state_mismatch');
	expect(forged.message).toBe(CONNECT_COPY.stateMismatch);
	// No state at all is no better.
	expect((await failure(async () => `${REDIRECT}?error=OAUTH_APP_BLOCKED`)).reason).toBe('state_mismatch');
});

test('R28/R54: only known error codes are named, in Tickler’s own words; Salesforce’s description is never shown', async () => {
	const unknown = await failure(answer({error: 'weird_code', error_description: 'Visit evil.example.com to fix this'}));
	expect(unknown.reason).toBe('other');
	expect(unknown.message).toBe(CONNECT_COPY.other);
	expect(unknown.message).not.toContain('evil');
	expect(unknown.message).not.toContain('weird_code');
	const denied = await failure(answer({error: 'access_denied', error_description: 'Visit evil.example.com'}));
	expect(denied.message).not.toContain('evil');
	// API Access Control at authorize: the app is not approved; the rep learns what the admin must do.
	for (const code of ['OAUTH_APP_BLOCKED', 'OAUTH_APP_ACCESS_DENIED']) {
		const blocked = await failure(answer({error: code, error_description: 'this app is blocked by admin'}));
		expect(blocked.reason).toBe(code);
		expect(blocked.message).toBe(CONNECT_COPY.appNotApproved);
	}
	expect(CONNECT_COPY.appNotApproved).toMatch(/admin has not approved Tickler.*Ask them to approve/);
});

test('R54: invalid_app_access at the token endpoint says the org has not approved the app', async () => {
	const refused: unknown = await runAuthFlow({
		...base,
		launchWebAuthFlow: answer({code: 'the-code'}),
		fetchImpl: async () =>
			new Response(JSON.stringify({error: 'invalid_app_access', error_description: 'user is not admin approved'}), {
				status: 400,
			}),
	}).catch((caught: unknown) => caught);
	expect(refused).toBeInstanceOf(OAuthFlowError);
	expect((refused as OAuthFlowError).reason).toBe('invalid_app_access');
	expect((refused as OAuthFlowError).message).toBe(CONNECT_COPY.appNotApproved);
});
