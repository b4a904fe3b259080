// R28 (org side): the OAuth 2.0 web-server flow with PKCE, API Access Control, and R29 per-client usage,
// over HTTP with jsforce and raw requests (salesforce-facts.md §13.1). Local org only: a real org has no
// control API to register apps or flip API Access Control.
import {createHash, randomBytes} from 'node:crypto';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Connection} from 'jsforce';
import {afterAll, beforeAll, beforeEach, expect} from 'vitest';
import {API_VERSION, connect, failure, httpCall, localOnly} from '../contract-target.js';
import {startLocalOrg} from '../index.js';
import type {LocalOrg} from '../index.js';

const MY = 'tickler-demo.my.salesforce.com';
const LX = 'tickler-demo.lightning.force.com';
const CALLBACK = 'https://abcdefghijklmnop.chromiumapp.org/';
const FORM = {'content-type': 'application/x-www-form-urlencoded'};

let local: LocalOrg;
let clientId: string;
beforeAll(async () => {
	local = await startLocalOrg({now: new Date('2025-03-10T09:00:00Z'), frozenClock: true});
	clientId = local.org.oauth.registerApp({name: 'Tickler', callbackUrls: [CALLBACK]}).clientId;
});
afterAll(() => local.close());
beforeEach(() => {
	local.org.setApiAccessControl(false);
	local.org.resetRequestLog();
});

type Http = Awaited<ReturnType<typeof httpCall>>;
const header = (r: Http, name: string): string => {
	const v = r.headers[name];
	return Array.isArray(v) ? v.join(';') : (v ?? '');
};
const sidOf = (r: Http): string => /sid=([^;]*)/.exec(header(r, 'set-cookie'))?.[1] ?? '';

function pkce(): {verifier: string; challenge: string} {
	const verifier = randomBytes(48).toString('base64url');
	return {verifier, challenge: createHash('sha256').update(verifier).digest('base64url')};
}

function authorizePath(params: Record<string, string>): string {
	return `/services/oauth2/authorize?${new URLSearchParams(params).toString()}`;
}

function standardParams(challenge: string, extra: Record<string, string> = {}): Record<string, string> {
	return {
		response_type: 'code',
		client_id: clientId,
		redirect_uri: CALLBACK,
		code_challenge: challenge,
		code_challenge_method: 'S256',
		state: 'st-123',
		...extra,
	};
}

/** Signs in through the org's own login form on My Domain; returns the browser's sid cookie. */
async function login(startURL = '/lightning/page/home'): Promise<{sid: string; res: Http}> {
	const body = new URLSearchParams({username: local.org.users.rep.username, pw: 'demo', startURL}).toString();
	const res = await httpCall(local.url, '/login', {Host: MY, ...FORM}, 'POST', body);
	return {sid: sidOf(res), res};
}

/** Shows the approval page to a signed-in browser and clicks a button; returns the callback redirect. */
async function clickOnApproval(sid: string, path: string, decision: 'allow' | 'deny'): Promise<URL> {
	const page = await httpCall(local.url, path, {Host: MY, Cookie: `sid=${sid}`});
	expect(page.status).toBe(200);
	const approval = /name="approval" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
	const res = await httpCall(
		local.url,
		'/setup/secur/RemoteAccessAuthorizationPage.apexp',
		{Host: MY, Cookie: `sid=${sid}`, ...FORM},
		'POST',
		new URLSearchParams({approval, decision}).toString(),
	);
	expect(res.status).toBe(302);
	return new URL(header(res, 'location'));
}

async function token(params: Record<string, string>): Promise<{status: number; json: Record<string, unknown>}> {
	const res = await httpCall(
		local.url,
		'/services/oauth2/token',
		{Host: MY, ...FORM},
		'POST',
		new URLSearchParams(params).toString(),
	);
	return {status: res.status, json: res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {}};
}

/** The whole flow for a signed-in rep: authorize → Allow → code → tokens. */
async function connectWithOAuth(): Promise<{access: string; refresh: string; body: Record<string, unknown>}> {
	const {sid} = await login();
	const {verifier, challenge} = pkce();
	const back = await clickOnApproval(sid, authorizePath(standardParams(challenge)), 'allow');
	const r = await token({
		grant_type: 'authorization_code',
		code: back.searchParams.get('code') ?? '',
		client_id: clientId,
		redirect_uri: CALLBACK,
		code_verifier: verifier,
	});
	expect(r.status).toBe(200);
	return {access: String(r.json['access_token']), refresh: String(r.json['refresh_token']), body: r.json};
}

localOnly('R28: an app registered through the control API is listed, without its secret', async () => {
	const res = await fetch(`${local.url}/__org__/oauth/apps`, {
		method: 'POST',
		body: JSON.stringify({name: 'Other', callbackUrls: ['https://x.example/cb'], scopes: ['api']}),
	});
	expect(res.status).toBe(201);
	const {clientId: other} = (await res.json()) as {clientId: string};
	const apps = (await (await fetch(`${local.url}/__org__/oauth/apps`)).json()) as Record<string, unknown>[];
	const app = apps.find(a => a['clientId'] === other);
	expect(app).toMatchObject({
		name: 'Other',
		callbackUrls: ['https://x.example/cb'],
		scopes: ['api'],
		requirePkce: true,
	});
	expect(app).not.toHaveProperty('secret');
});

localOnly(
	'R28: not signed in, authorize sends the browser to the login form, which comes back to authorize',
	async () => {
		const {challenge} = pkce();
		const path = authorizePath(standardParams(challenge));
		const first = await httpCall(local.url, path, {Host: MY});
		expect(first.status).toBe(302);
		const loginUrl = new URL(header(first, 'location'), `https://${MY}`);
		expect(loginUrl.pathname).toBe('/login');
		expect(loginUrl.searchParams.get('startURL')).toBe(path);
		const {sid, res} = await login(loginUrl.searchParams.get('startURL') ?? '');
		// Straight back to authorize on the same host (not the Lightning frontdoor hop).
		expect([res.status, header(res, 'location')]).toEqual([302, path]);
		const page = await httpCall(local.url, path, {Host: MY, Cookie: `sid=${sid}`});
		expect(page.status).toBe(200);
		expect(page.text).toContain('Allow Access?');
		expect(page.text).toContain('data-testid="oauth-app-name">Tickler<');
		expect(page.text).toContain('id="oauth-approve"');
		expect(page.text).toContain('id="oauth-deny"');
		// Same strict CSP as every other org page.
		expect(header(page, 'content-security-policy')).toBe(
			"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'",
		);
	},
);

localOnly('R28: on the Lightning host, authorize moves to the My Domain host', async () => {
	const {challenge} = pkce();
	const path = authorizePath(standardParams(challenge));
	const res = await httpCall(local.url, path, {Host: LX});
	expect([res.status, header(res, 'location')]).toEqual([302, `https://${MY}${path}`]);
});

localOnly(
	'R28: Allow gives a code; the code + verifier give tokens that work on the REST API like a session',
	async () => {
		const org = local.org;
		const {access, refresh, body} = await connectWithOAuth();
		expect(body).toMatchObject({
			token_type: 'Bearer',
			instance_url: `https://${MY}`,
			id: `https://login.salesforce.com/id/${org.orgId}/${org.users.rep.id}`,
			scope: 'api refresh_token',
		});
		expect(String(body['issued_at'])).toBe(String(org.clock.nowMs()));
		expect(typeof body['signature']).toBe('string');
		expect(access.split('!')[0]).toBe(org.orgId15);
		expect(refresh.length).toBeGreaterThan(20);
		const conn = connect(local.url, access);
		expect((await conn.query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
		expect((await conn.identity()).user_id).toBe(org.users.rep.id);
		const info = await fetch(`${local.url}/services/oauth2/userinfo`, {headers: {Authorization: `Bearer ${access}`}});
		expect(((await info.json()) as {user_id: string}).user_id).toBe(org.users.rep.id);
		const tokens = (await (await fetch(`${local.url}/__org__/oauth/tokens`)).json()) as Record<string, unknown>[];
		expect(tokens.find(t => t['token'] === access)).toMatchObject({kind: 'access', clientId, active: true});
		expect(tokens.find(t => t['token'] === refresh)).toMatchObject({kind: 'refresh', clientId, active: true});
	},
);

localOnly('R28: the callback carries code and state; a code is single-use and bound to its verifier', async () => {
	const {sid} = await login();
	const {verifier, challenge} = pkce();
	const back = await clickOnApproval(sid, authorizePath(standardParams(challenge)), 'allow');
	expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
	expect(back.searchParams.get('state')).toBe('st-123');
	const code = back.searchParams.get('code') ?? '';
	const base = {grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: CALLBACK};
	expect((await token({...base, code_verifier: verifier})).status).toBe(200);
	const again = await token({...base, code_verifier: verifier});
	expect(again).toEqual({status: 400, json: {error: 'invalid_grant', error_description: 'invalid authorization code'}});
});

localOnly(
	'R28/§14.11: a missing verifier, a wrong one, and one with `~` are all invalid_grant "invalid code verifier"',
	async () => {
		const {sid} = await login();
		const tilde = `${randomBytes(48).toString('base64url')}~`;
		for (const [verifier, challenge] of [
			[undefined, pkce().challenge],
			[pkce().verifier, pkce().challenge],
			// Right S256, but Salesforce refuses `~` in a verifier (cognizant-ai-lab/nsflow#249).
			[tilde, createHash('sha256').update(tilde).digest('base64url')],
		] as const) {
			const back = await clickOnApproval(sid, authorizePath(standardParams(challenge)), 'allow');
			const r = await token({
				grant_type: 'authorization_code',
				code: back.searchParams.get('code') ?? '',
				client_id: clientId,
				redirect_uri: CALLBACK,
				...(verifier ? {code_verifier: verifier} : {}),
			});
			expect(r).toEqual({status: 400, json: {error: 'invalid_grant', error_description: 'invalid code verifier'}});
		}
	},
);

localOnly(
	'R28: an expired code, an unknown client and another redirect_uri are refused by the token endpoint',
	async () => {
		const {sid} = await login();
		const exchange = async (over: Record<string, string>, advanceMs = 0): Promise<Record<string, unknown>> => {
			const {verifier, challenge} = pkce();
			const back = await clickOnApproval(sid, authorizePath(standardParams(challenge)), 'allow');
			local.org.clock.advance(advanceMs);
			const r = await token({
				grant_type: 'authorization_code',
				code: back.searchParams.get('code') ?? '',
				client_id: clientId,
				redirect_uri: CALLBACK,
				code_verifier: verifier,
				...over,
			});
			expect(r.status).toBe(400);
			return r.json;
		};
		expect(await exchange({}, 16 * 60_000)).toEqual({
			error: 'invalid_grant',
			error_description: 'invalid authorization code',
		});
		expect(await exchange({client_id: 'nope'})).toEqual({
			error: 'invalid_client_id',
			error_description: 'client identifier invalid',
		});
		expect((await exchange({redirect_uri: 'https://evil.example/'}))['error']).toBe('redirect_uri_mismatch');
		expect((await token({grant_type: 'password'})).json['error']).toBe('unsupported_grant_type');
	},
);

localOnly('R28: Deny redirects with access_denied and the state', async () => {
	const {sid} = await login();
	const back = await clickOnApproval(sid, authorizePath(standardParams(pkce().challenge)), 'deny');
	expect(back.search).toBe('?error=access_denied&error_description=end-user+denied+authorization&state=st-123');
});

localOnly(
	'R28: an unknown client or unregistered callback is an error page, never a redirect to the client',
	async () => {
		const {sid} = await login();
		for (const [over, code] of [
			[{client_id: 'unknown'}, 'invalid_client_id'],
			[{redirect_uri: 'https://evil.example/cb'}, 'redirect_uri_mismatch'],
		] as const) {
			const res = await httpCall(local.url, authorizePath(standardParams(pkce().challenge, over)), {
				Host: MY,
				Cookie: `sid=${sid}`,
			});
			expect(res.status).toBe(302);
			const loc = new URL(header(res, 'location'), `https://${MY}`);
			expect(loc.host).toBe(MY);
			expect(loc.pathname).toBe('/setup/secur/RemoteAccessErrorPage.apexp');
			expect(loc.searchParams.get('error')).toBe(code);
			const page = await httpCall(local.url, `${loc.pathname}${loc.search}`, {Host: MY});
			expect(page.status).toBe(400);
			expect(page.text).toContain(`data-testid="oauth-error-code">${code}<`);
			expect(header(page, 'content-security-policy')).toContain("script-src 'self'");
		}
	},
);

localOnly('R28: without PKCE (no challenge, or a method other than S256) the client gets invalid_request', async () => {
	const {sid} = await login();
	const {challenge} = pkce();
	for (const params of [
		{response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, state: 's'},
		{...standardParams(challenge), code_challenge_method: 'plain', state: 's'},
		{...standardParams(challenge), code_challenge_method: '', state: 's'},
	]) {
		const p = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));
		const res = await httpCall(local.url, authorizePath(p), {Host: MY, Cookie: `sid=${sid}`});
		expect(res.status).toBe(302);
		const loc = new URL(header(res, 'location'));
		expect(`${loc.origin}${loc.pathname}`).toBe(CALLBACK);
		expect(loc.searchParams.get('error')).toBe('invalid_request');
		expect(loc.searchParams.get('state')).toBe('s');
	}
});

localOnly('R28: refresh gives a new working access token and keeps the refresh token', async () => {
	const {access, refresh} = await connectWithOAuth();
	const r = await token({grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId});
	expect(r.status).toBe(200);
	expect(r.json).not.toHaveProperty('refresh_token');
	const fresh = String(r.json['access_token']);
	expect(fresh).not.toBe(access);
	expect((await connect(local.url, fresh).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
	expect((await token({grant_type: 'refresh_token', refresh_token: refresh, client_id: 'x'})).json['error']).toBe(
		'invalid_client_id',
	);
});

localOnly(
	'R28: expired access tokens get the ordinary 401; revoked refresh tokens get "expired access/refresh token"',
	async () => {
		const {access, refresh} = await connectWithOAuth();
		const expire = await fetch(`${local.url}/__org__/oauth/expire-access-tokens`, {
			method: 'POST',
			body: JSON.stringify({userId: 'rep'}),
		});
		expect(((await expire.json()) as {expired: number}).expired).toBeGreaterThan(0);
		const e = await failure(connect(local.url, access).query('SELECT Id FROM Task'));
		expect([e.errorCode, e.message]).toEqual(['INVALID_SESSION_ID', 'Session expired or invalid']);
		// The refresh token still works…
		expect((await token({grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId})).status).toBe(200);
		// …until it is revoked.
		await fetch(`${local.url}/__org__/oauth/revoke-refresh-tokens`, {method: 'POST', body: '{}'});
		expect(await token({grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId})).toEqual({
			status: 400,
			json: {error: 'invalid_grant', error_description: 'expired access/refresh token'},
		});
	},
);

localOnly('R28: revoking a refresh token revokes its access tokens; an unknown token is 400', async () => {
	const {access, refresh} = await connectWithOAuth();
	const revoke = (t: string): Promise<Http> =>
		httpCall(
			local.url,
			'/services/oauth2/revoke',
			{Host: MY, ...FORM},
			'POST',
			new URLSearchParams({token: t}).toString(),
		);
	const ok = await revoke(refresh);
	expect([ok.status, ok.text]).toEqual([200, '']);
	expect((await failure(connect(local.url, access).query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');
	expect((await token({grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId})).json['error']).toBe(
		'invalid_grant',
	);
	const bad = await revoke('nope');
	expect(bad.status).toBe(400);
	expect(JSON.parse(bad.text)).toEqual({
		error: 'unsupported_token_type',
		error_description: 'this token type is not supported',
	});
	// An access token alone can be revoked too.
	const second = await connectWithOAuth();
	expect((await revoke(second.access)).status).toBe(200);
	expect((await failure(connect(local.url, second.access).query('SELECT Id FROM Task'))).errorCode).toBe(
		'INVALID_SESSION_ID',
	);
});

localOnly('R28: an app without the refresh_token scope gets no refresh token', async () => {
	const {clientId: apiOnly} = local.org.oauth.registerApp({
		name: 'API only',
		callbackUrls: [CALLBACK],
		scopes: ['api'],
	});
	const {sid} = await login();
	const {verifier, challenge} = pkce();
	const back = await clickOnApproval(sid, authorizePath({...standardParams(challenge), client_id: apiOnly}), 'allow');
	const r = await token({
		grant_type: 'authorization_code',
		code: back.searchParams.get('code') ?? '',
		client_id: apiOnly,
		redirect_uri: CALLBACK,
		code_verifier: verifier,
	});
	expect(r.status).toBe(200);
	expect(r.json['scope']).toBe('api');
	expect(r.json).not.toHaveProperty('refresh_token');
});

localOnly(
	'R28: with API Access Control on, the browser session is refused by REST but OAuth tokens and UI pages work',
	async () => {
		const {access} = await connectWithOAuth();
		const {sid, res} = await login();
		const res2 = await fetch(`${local.url}/__org__/api-access-control`, {
			method: 'POST',
			body: JSON.stringify({enabled: true}),
		});
		expect(res2.status).toBe(200);
		const state = (await (await fetch(`${local.url}/__org__/state`)).json()) as {apiAccessControl: boolean};
		expect(state.apiAccessControl).toBe(true);
		const r = await fetch(`${local.url}/services/data/v${API_VERSION}/query?q=SELECT+Id+FROM+Task`, {
			headers: {Authorization: `Bearer ${sid}`},
		});
		expect(r.status).toBe(401);
		expect(await r.json()).toEqual([
			{errorCode: 'INVALID_SESSION_ID', message: 'This session is not valid for use with the REST API'},
		]);
		const e = await failure(connect(local.url, sid).query('SELECT Id FROM Task'));
		expect(e.message).toBe('This session is not valid for use with the REST API');
		expect((await connect(local.url, access).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
		// The UI still works with the browser session (the frontdoor hop hands the Lightning host its sid).
		const front = new URL(header(res, 'location'));
		const hop = await httpCall(local.url, `${front.pathname}${front.search}`, {Host: LX});
		const page = await httpCall(local.url, '/lightning/page/home', {Host: LX, Cookie: `sid=${sidOf(hop)}`});
		expect(page.status).toBe(200);
		const classic = await httpCall(local.url, '/home/home.jsp', {Host: MY, Cookie: `sid=${sid}`});
		expect(classic.status).toBe(200);
		local.org.setApiAccessControl(false);
		expect((await connect(local.url, sid).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
	},
);

localOnly('R29: Sforce-Call-Options client is on the request log and API usage is counted per client', async () => {
	const org = local.org;
	org.clientUsage.reset();
	const before = org.apiUsage().used;
	const {access} = await connectWithOAuth();
	const tagged = new Connection({
		instanceUrl: local.url,
		accessToken: access,
		version: API_VERSION,
		callOptions: {client: 'Tickler/0.1.0'},
	});
	await tagged.query('SELECT Id FROM Task LIMIT 1');
	await tagged.query('SELECT Id FROM Task LIMIT 1');
	const browser = org.createSession(org.users.rep.id);
	await connect(local.url, browser).query('SELECT Id FROM Task LIMIT 1');
	const log = org.requests.filter(r => r.path.endsWith('/query'));
	expect(log.map(r => r.client)).toEqual(['Tickler/0.1.0', 'Tickler/0.1.0', undefined]);
	// The org-wide allowance counts every call, as before.
	expect(org.apiUsage().used - before).toBe(3);
	const usage = (await (await fetch(`${local.url}/__org__/usage/clients`)).json()) as {
		byClient: Record<string, number>;
		byApp: Record<string, number>;
	};
	expect(usage.byClient).toEqual({'Tickler/0.1.0': 2, '(none)': 1});
	expect(usage.byApp).toEqual({[clientId]: 2, '(browser session)': 1});
	const state = (await (await fetch(`${local.url}/__org__/state`)).json()) as {
		apiUsageByClient: Record<string, number>;
	};
	expect(state.apiUsageByClient).toEqual({'Tickler/0.1.0': 2, '(none)': 1});
});

localOnly(
	'R28: apps, refresh tokens and API Access Control survive a restart of an org kept in a data file',
	async () => {
		const dataFile = join(mkdtempSync(join(tmpdir(), 'org-oauth-')), 'org.json');
		const first = await startLocalOrg({dataFile, now: new Date('2025-03-10T09:00:00Z'), frozenClock: true});
		const {clientId: app} = first.org.oauth.registerApp({name: 'Kept', callbackUrls: [CALLBACK]});
		const sid = first.org.createSession(first.org.users.rep.id);
		const code = first.org.oauth.issueCode({
			clientId: app,
			userId: first.org.users.rep.id,
			redirectUri: CALLBACK,
			challenge: undefined,
			scopes: ['api', 'refresh_token'],
			state: null,
		});
		const granted = first.org.oauth.redeemCode({code, clientId: app, redirectUri: CALLBACK, verifier: null});
		if (!granted.ok) throw new Error(granted.err.description);
		first.org.setApiAccessControl(true);
		await first.close();
		const second = await startLocalOrg({dataFile, now: new Date('2025-03-10T09:05:00Z'), frozenClock: true});
		try {
			expect(second.org.apiAccessControl).toBe(true);
			expect(second.org.oauth.app(app)?.name).toBe('Kept');
			const r = second.org.oauth.refresh({refreshToken: granted.grant.refreshToken ?? '', clientId: app});
			expect(r.ok).toBe(true);
			if (!r.ok) return;
			expect((await connect(second.url, r.grant.accessToken).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
			// The browser session came back too, and API Access Control still refuses it.
			expect((await failure(connect(second.url, sid).query('SELECT Id FROM Task'))).message).toBe(
				'This session is not valid for use with the REST API',
			);
		} finally {
			await second.close();
		}
	},
);
