import {expect, test} from 'vitest';
import {authorizeUrl, OAuthFlowError, runAuthFlow} from './auth-flow.js';
import {codeChallengeS256} from './pkce.js';

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
