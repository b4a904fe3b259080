/**
 * The OAuth path (R28, R29) against the local org over HTTP: the real authorize page (signed in with the
 * rep's browser session, Allow clicked by posting its form), the token endpoint with PKCE, jsforce on the
 * access token, refresh, revoke, and API Access Control refusing the browser session.
 */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {startLocalOrg, type LocalOrg} from '../../../test/org/index.js';
import {createJsforcePort} from '../salesforce/jsforce-adapter.js';
import {authPause, classify, OAuthReconnectNeededError} from '../salesforce/errors.js';
import {OAuthFlowError, runAuthFlow} from './auth-flow.js';
import {portForTokens} from './oauth-port.js';
import {revokeToken} from './token-endpoint.js';
import {CONNECT_COPY, RECONNECT_COPY} from '@/shared/copy.js';
import {createFakeLocks} from '../../../test/fakes/web-locks.js';
import {type CredentialsDb, openCredentialsDb, readTokens, saveTokens, type StoredTokens} from './token-store.js';

const HOST = 'tickler-demo.my.salesforce.com';
const REDIRECT = 'https://fakeextensionid.chromiumapp.org/';
let local: LocalOrg;
let credentials: CredentialsDb;
let clientId: string;
let sid: string;

/** Sends `https://<My Domain>/…` to the local org, as the e2e routing does in the browser. */
const toOrg = (url: string): string => url.replace(`https://${HOST}`, local.url);
const orgFetch: typeof fetch = async (input, init) =>
	fetch(toOrg(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url), init);

/**
 * Stands in for chrome.identity.launchWebAuthFlow: loads the authorize URL with the rep's browser session,
 * clicks Allow (or Deny) on the org's approval page, and returns where Salesforce sent the browser.
 */
function authWindow(decision: 'allow' | 'deny' = 'allow', tamper?: (location: string) => string) {
	return async (url: string): Promise<string> => {
		const page = await fetch(toOrg(url), {headers: {cookie: `sid=${sid}`}, redirect: 'manual'});
		const html = await page.text();
		const approval = /name="approval" value="([^"]+)"/.exec(html)?.[1];
		if (approval === undefined) throw new Error(`no approval page (${page.status})`);
		const answer = await fetch(`${local.url}/setup/secur/RemoteAccessAuthorizationPage.apexp`, {
			method: 'POST',
			headers: {cookie: `sid=${sid}`, 'content-type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams({approval, decision}).toString(),
			redirect: 'manual',
		});
		const location = answer.headers.get('location') ?? '';
		return tamper ? tamper(location) : location;
	};
}

async function connect(): Promise<StoredTokens> {
	const grant = await runAuthFlow({
		host: HOST,
		clientId,
		redirectUri: REDIRECT,
		launchWebAuthFlow: authWindow(),
		fetchImpl: orgFetch,
	});
	const tokens: StoredTokens = {
		partition: `${grant.orgId}:${grant.userId}`,
		host: HOST,
		instanceHost: HOST,
		clientId,
		accessToken: grant.accessToken,
		connectedAt: Date.now(),
		...(grant.refreshToken === undefined ? {} : {refreshToken: grant.refreshToken}),
	};
	await saveTokens(credentials, tokens);
	return tokens;
}

const portOptions = () => ({credentials, fetchImpl: orgFetch, baseUrl: () => local.url, timeoutMs: 10_000});

beforeEach(async () => {
	local = await startLocalOrg({now: new Date('2026-03-05T09:00:00Z')});
	clientId = local.org.oauth.registerApp({callbackUrls: [REDIRECT]}).clientId;
	sid = local.org.createSession(local.org.users.rep.id, 'api');
	credentials = openCredentialsDb({name: `creds-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange});
});
afterEach(async () => {
	credentials.close();
	await local.close();
});

test('R28: with API Access Control on, the browser session is refused plainly; the OAuth flow with PKCE connects and the token works', async () => {
	local.org.setApiAccessControl(true);
	const sessionPort = createJsforcePort({instanceUrl: local.url, accessToken: sid, timeoutMs: 10_000});
	const refused: unknown = await sessionPort.identity().catch((error: unknown) => error);
	expect(classify(refused)).toBe('auth');
	expect(authPause(refused)).toEqual({
		pauseReason: 'api-access-refused',
		message: "Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.",
	});

	const tokens = await connect();
	expect(tokens.partition).toBe(`${local.org.orgId}:${local.org.users.rep.id}`);
	expect(tokens.refreshToken).toBeDefined();
	const port = portForTokens(tokens, portOptions());
	expect(await port.identity()).toMatchObject({orgId: local.org.orgId, userId: local.org.users.rep.id});
	const page = await port.query<{Id: string}>('SELECT Id FROM Task LIMIT 1', {includeDeleted: false});
	expect(page.records).toBeDefined();
});

test('R28: an expired access token is refreshed without the caller noticing, and the new one is kept', async () => {
	const tokens = await connect();
	local.org.oauth.expireAccessTokens();
	const port = portForTokens(tokens, portOptions());
	const page = await port.query<{Id: string}>('SELECT Id FROM Task LIMIT 1', {includeDeleted: false});
	expect(page.records).toBeDefined();
	const stored = await readTokens(credentials, tokens.partition);
	expect(stored?.accessToken).not.toBe(tokens.accessToken);
	expect(stored?.needsReconnect).toBeUndefined();
	// The next cycle's port starts with the new token and needs no refresh.
	const before = local.org.requests.filter(entry => entry.path === '/services/oauth2/token').length;
	if (!stored) throw new Error('tokens gone');
	await portForTokens(stored, portOptions()).query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false});
	expect(local.org.requests.filter(entry => entry.path === '/services/oauth2/token')).toHaveLength(before);
});

test('R28/R54: a refused refresh (revoked refresh token) pauses with "Reconnect to Salesforce", says why, and marks the tokens', async () => {
	const tokens = await connect();
	local.org.oauth.revokeRefreshTokens();
	const port = portForTokens(tokens, portOptions());
	const error: unknown = await port
		.query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false})
		.catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(OAuthReconnectNeededError);
	expect(classify(error)).toBe('auth');
	expect(authPause(error)).toEqual({pauseReason: 'reconnect', message: RECONNECT_COPY.expired});
	expect(RECONNECT_COPY.expired).toContain('Reconnect to Salesforce');
	expect(await readTokens(credentials, tokens.partition)).toMatchObject({
		needsReconnect: true,
		reconnectReason: 'expired',
	});
});

test('R28: Disconnect revokes the refresh token at Salesforce, and its access token with it', async () => {
	const tokens = await connect();
	expect(await revokeToken({host: HOST, token: tokens.refreshToken ?? ''}, orgFetch)).toBe(true);
	const state = local.org.oauth.tokens() as Array<{kind: string; userId: string; active: boolean}>;
	expect(state.filter(token => token.userId === local.org.users.rep.id).every(token => !token.active)).toBe(true);
	const port = createJsforcePort({instanceUrl: local.url, accessToken: tokens.accessToken, timeoutMs: 10_000});
	expect(classify(await port.identity().catch((error: unknown) => error))).toBe('auth');
});

test('R28: Deny and a forged state are refused in plain words; nothing is exchanged', async () => {
	const denied: unknown = await runAuthFlow({
		host: HOST,
		clientId,
		redirectUri: REDIRECT,
		launchWebAuthFlow: authWindow('deny'),
		fetchImpl: orgFetch,
	}).catch((error: unknown) => error);
	expect(denied).toBeInstanceOf(OAuthFlowError);
	expect((denied as OAuthFlowError).reason).toBe('access_denied');
	expect((denied as Error).message).toMatch(/choose Allow/);

	const forged: unknown = await runAuthFlow({
		host: HOST,
		clientId,
		redirectUri: REDIRECT,
		launchWebAuthFlow: authWindow('allow', location => location.replace(/state=[^&]+/, 'state=forged')),
		fetchImpl: orgFetch,
	}).catch((error: unknown) => error);
	expect((forged as OAuthFlowError).reason).toBe('state_mismatch');
	expect(local.org.requests.some(entry => entry.path === '/services/oauth2/token')).toBe(false);
});

test('R29: every request — token, refresh, API calls, revoke — carries client=Tickler/<version>', async () => {
	const tokens = await connect();
	local.org.oauth.expireAccessTokens();
	const port = portForTokens(tokens, portOptions());
	await port.identity();
	await port.query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false});
	await revokeToken({host: HOST, token: tokens.refreshToken ?? ''}, orgFetch);
	const {version} = (await import('../../../manifest.json', {with: {type: 'json'}})).default;
	const logged = local.org.requests.filter(
		entry => entry.path.startsWith('/services/') && !entry.path.startsWith('/services/oauth2/authorize'),
	);
	expect(logged.map(entry => entry.path)).toEqual(
		expect.arrayContaining(['/services/oauth2/token', '/services/oauth2/revoke', '/services/oauth2/userinfo']),
	);
	expect(logged.some(entry => entry.path.startsWith('/services/data/'))).toBe(true);
	for (const entry of logged) expect(entry.client, entry.path).toBe(`Tickler/${version}`);
});

test('R54: with rotation on, a cycle and a badge lookup finding the token expired at once refresh once, and both go on', async () => {
	local.org.oauth.updateApp(clientId, {rotateRefreshTokens: true});
	const tokens = await connect();
	local.org.oauth.expireAccessTokens();
	const tokenCalls = () => local.org.requests.filter(entry => entry.path === '/services/oauth2/token').length;
	const before = tokenCalls();
	// The worker's callers share one lock manager, as they share navigator.locks.
	const options = {...portOptions(), locks: createFakeLocks()};
	const [cycle, badge] = [portForTokens(tokens, options), portForTokens(tokens, options)];
	const pages = await Promise.all([
		cycle.query<{Id: string}>('SELECT Id FROM Task LIMIT 1', {includeDeleted: false}),
		badge.query<{Id: string}>('SELECT Id FROM Task LIMIT 1', {includeDeleted: false}),
	]);
	expect(pages.every(page => Array.isArray(page.records))).toBe(true);
	expect(tokenCalls() - before).toBe(1);
	const stored = await readTokens(credentials, tokens.partition);
	expect(stored?.needsReconnect).toBeUndefined();
	// The rotated refresh token is kept: the old one is dead at Salesforce, the new one refreshes.
	expect(stored?.refreshToken).not.toBe(tokens.refreshToken);
	local.org.oauth.expireAccessTokens();
	if (!stored) throw new Error('tokens gone');
	await portForTokens(stored, options).query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false});
	expect(tokenCalls() - before).toBe(2);
});

test('R54: a sixth computer’s approval revokes the oldest grant; that computer is asked to reconnect, saying why', async () => {
	local.org.oauth.updateApp(clientId, {maxGrantsPerUser: 1});
	const oldest = await connect();
	await connect();
	// This computer still holds the oldest grant (another computer's approval replaced it at Salesforce).
	await saveTokens(credentials, oldest);
	local.org.oauth.expireAccessTokens();
	const error: unknown = await portForTokens(oldest, portOptions())
		.query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false})
		.catch((caught: unknown) => caught);
	expect(authPause(error)).toEqual({pauseReason: 'reconnect', message: RECONNECT_COPY.expired});
	expect((await readTokens(credentials, oldest.partition))?.reconnectReason).toBe('expired');
});

test('R54: an app the org stops approving — the refresh, and a new Connect, say what the admin must do', async () => {
	const tokens = await connect();
	local.org.oauth.updateApp(clientId, {blocked: true});
	local.org.oauth.expireAccessTokens();
	const error: unknown = await portForTokens(tokens, portOptions())
		.query('SELECT Id FROM Task LIMIT 1', {includeDeleted: false})
		.catch((caught: unknown) => caught);
	expect(authPause(error)).toEqual({pauseReason: 'reconnect', message: RECONNECT_COPY['app-not-approved']});
	const refused: unknown = await runAuthFlow({
		host: HOST,
		clientId,
		redirectUri: REDIRECT,
		launchWebAuthFlow: async url => {
			const page = await fetch(toOrg(url), {headers: {cookie: `sid=${sid}`}, redirect: 'manual'});
			return page.headers.get('location') ?? '';
		},
		fetchImpl: orgFetch,
	}).catch((caught: unknown) => caught);
	expect((refused as OAuthFlowError).reason).toBe('OAUTH_APP_BLOCKED');
	expect((refused as OAuthFlowError).message).toBe(CONNECT_COPY.appNotApproved);
});
