// salesforce-facts.md §14.10 and §14.12 on the org side (R54): refresh tokens follow the app's policy (expire
// after N, or when unused for N), may rotate, and a user holds at most 5 grants per app; API Access Control lets
// users with "Use Any API Client" through, and an app a user may not use says so at authorize
// (OAUTH_APP_BLOCKED / OAUTH_APP_ACCESS_DENIED) and at the token endpoint (invalid_app_access). Every knob is
// set through the control API, as browser tests and the worker's token-rotation tests set it.
import {afterAll, beforeAll, beforeEach, expect} from 'vitest';
import {connect, failure, localOnly} from '../contract-target.js';
import {startLocalOrg} from '../index.js';
import type {LocalOrg} from '../index.js';
import {CALLBACK, oauthFlow, pkce} from './oauth-flow.js';

const DAY = 86_400_000;
const EXPIRED = {status: 400, json: {error: 'invalid_grant', error_description: 'expired access/refresh token'}};
const NO_APP_ACCESS = {
	status: 400,
	json: {error: 'invalid_app_access', error_description: 'user is not admin approved to access this app'},
};

let local: LocalOrg;
let flow: ReturnType<typeof oauthFlow>;
beforeAll(async () => {
	local = await startLocalOrg({now: new Date('2025-03-10T09:00:00Z'), frozenClock: true});
	flow = oauthFlow(local);
});
afterAll(() => local.close());
beforeEach(() => {
	local.org.setApiAccessControl(false);
	for (const id of [...local.org.useAnyApiClient]) local.org.setUseAnyApiClient(id, false);
});

async function control(method: string, path: string, body: unknown): Promise<{status: number; json: unknown}> {
	const r = await fetch(`${local.url}/__org__/${path}`, {method, body: JSON.stringify(body)});
	return {status: r.status, json: (await r.json()) as unknown};
}

/** Registers an app through the control API, with these policies. */
async function app(policy: Record<string, unknown> = {}): Promise<string> {
	const r = await control('POST', 'oauth/apps', {name: 'Tickler', callbackUrls: [CALLBACK], ...policy});
	expect(r.status).toBe(201);
	return (r.json as {clientId: string}).clientId;
}

async function grant(
	clientId: string,
	user: 'rep' | 'rep2' | 'admin' = 'rep',
): Promise<{access: string; refresh: string}> {
	const r = await flow.connect(clientId, user);
	expect(r.status, JSON.stringify(r.json)).toBe(200);
	return {access: String(r.json['access_token']), refresh: String(r.json['refresh_token'])};
}

localOnly(
	'§14.10: "expire if not used for N" — each refresh restarts the idle time; past it, "expired access/refresh token"',
	async () => {
		const id = await app({refreshTokenPolicy: {idleMs: 30 * DAY}});
		const {refresh} = await grant(id);
		for (let i = 0; i < 3; i++) {
			local.org.clock.advance(29 * DAY);
			expect((await flow.refresh(id, refresh)).status).toBe(200);
		}
		local.org.clock.advance(30 * DAY);
		expect(await flow.refresh(id, refresh)).toEqual(EXPIRED);
	},
);

localOnly('§14.10: "expire after N" — used or not, the token ends N after it was issued', async () => {
	const id = await app({refreshTokenPolicy: {expiresAfterMs: DAY}});
	const {refresh} = await grant(id);
	local.org.clock.advance(23 * 3_600_000);
	expect((await flow.refresh(id, refresh)).status).toBe(200);
	local.org.clock.advance(2 * 3_600_000);
	expect(await flow.refresh(id, refresh)).toEqual(EXPIRED);
	const tokens = (await (await fetch(`${local.url}/__org__/oauth/tokens?userId=rep`)).json()) as Record<
		string,
		unknown
	>[];
	expect(tokens.find(t => t['token'] === refresh)).toMatchObject({active: false, expired: true, revoked: false});
});

localOnly(
	'§14.10: with rotation each refresh returns a new refresh token and the one used is dead; access tokens already issued keep working',
	async () => {
		const id = await app({rotateRefreshTokens: true});
		const first = await grant(id);
		const r1 = await flow.refresh(id, first.refresh);
		expect(r1.status).toBe(200);
		const second = String(r1.json['refresh_token']);
		expect(second).toMatch(/^5Aep861/);
		expect(second).not.toBe(first.refresh);
		expect(await flow.refresh(id, first.refresh)).toEqual(EXPIRED);
		const r2 = await flow.refresh(id, second);
		expect(r2.status).toBe(200);
		expect(r2.json['refresh_token']).not.toBe(second);
		expect((await connect(local.url, String(r1.json['access_token'])).query('SELECT Id FROM Task LIMIT 1')).done).toBe(
			true,
		);
		expect((await connect(local.url, first.access).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
		// Rotation can be switched off again on the same app: the answer carries no refresh token then.
		expect((await control('PATCH', `oauth/apps/${id}`, {rotateRefreshTokens: false})).json).toMatchObject({
			rotateRefreshTokens: false,
		});
		const r3 = await flow.refresh(id, String(r2.json['refresh_token']));
		expect(r3.status).toBe(200);
		expect(r3.json).not.toHaveProperty('refresh_token');
	},
);

localOnly(
	'§14.10: at most 5 grants per user and app — a sixth approval revokes the oldest and its access tokens; rotation is not a new grant',
	async () => {
		const id = await app({rotateRefreshTokens: true});
		const grants = [];
		for (let i = 0; i < 5; i++) {
			grants.push(await grant(id));
			local.org.clock.advance(60_000);
		}
		// Refreshing (rotating) the oldest keeps it the oldest grant, and revokes nothing.
		const rotated = await flow.refresh(id, grants[0]?.refresh ?? '');
		expect(rotated.status).toBe(200);
		for (const g of grants.slice(1)) expect((await flow.refresh(id, g.refresh)).status).toBe(200);
		const other = await grant(id, 'rep2');
		const sixth = await grant(id);
		expect(await flow.refresh(id, String(rotated.json['refresh_token']))).toEqual(EXPIRED);
		expect((await failure(connect(local.url, grants[0]?.access ?? '').query('SELECT Id FROM Task'))).errorCode).toBe(
			'INVALID_SESSION_ID',
		);
		expect((await flow.refresh(id, sixth.refresh)).status).toBe(200);
		expect((await flow.refresh(id, other.refresh)).status).toBe(200);
		// The cap is the app's: at 1, every new approval replaces the last.
		await control('PATCH', `oauth/apps/${id}`, {maxGrantsPerUser: 1});
		const only = await grant(id);
		expect(await flow.refresh(id, sixth.refresh)).toEqual(EXPIRED);
		expect((await flow.refresh(id, only.refresh)).status).toBe(200);
	},
);

localOnly(
	'§14.12: under API Access Control a user with "Use Any API Client" keeps using the API with the browser session',
	async () => {
		const sid = local.org.createSession(local.org.users.rep.id);
		local.org.setApiAccessControl(true);
		expect((await failure(connect(local.url, sid).query('SELECT Id FROM Task'))).message).toBe(
			'This session is not valid for use with the REST API',
		);
		const r = await control('POST', 'users/rep/permissions', {useAnyApiClient: true});
		expect(r.json).toEqual({userId: local.org.users.rep.id, useAnyApiClient: true});
		const state = (await (await fetch(`${local.url}/__org__/state`)).json()) as {useAnyApiClient: string[]};
		expect(state.useAnyApiClient).toEqual([local.org.users.rep.id]);
		expect((await connect(local.url, sid).query('SELECT Id FROM Task LIMIT 1')).done).toBe(true);
	},
);

localOnly(
	'§14.12: a blocked app — OAUTH_APP_BLOCKED on the authorize redirect, invalid_app_access at the token endpoint, its tokens refused; "Use Any API Client" users are not restricted',
	async () => {
		const id = await app();
		const before = await grant(id);
		const r = await control('PATCH', `oauth/apps/${id}`, {blocked: true});
		expect(r.json).toMatchObject({blocked: true});
		const back = await flow.authorize(await flow.login(), id, pkce().challenge);
		expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
		expect(back.search).toBe('?error=OAUTH_APP_BLOCKED&error_description=this+app+is+blocked+by+admin&state=st-1');
		expect(await flow.refresh(id, before.refresh)).toEqual(NO_APP_ACCESS);
		expect((await failure(connect(local.url, before.access).query('SELECT Id FROM Task'))).message).toBe(
			'This session is not valid for use with the REST API',
		);
		local.org.setUseAnyApiClient(local.org.users.rep.id, true);
		expect((await flow.refresh(id, before.refresh)).status).toBe(200);
		expect((await flow.connect(id)).status).toBe(200);
	},
);

localOnly(
	'§14.12: "Admin approved users are pre-authorized" — another user gets OAUTH_APP_ACCESS_DENIED, and a code already issued is invalid_app_access',
	async () => {
		const id = await app({permittedUsers: ['rep2']});
		expect((await flow.connect(id, 'rep2')).status).toBe(200);
		const back = await flow.authorize(await flow.login('rep'), id, pkce().challenge);
		expect(back.searchParams.get('error')).toBe('OAUTH_APP_ACCESS_DENIED');
		expect(back.searchParams.get('error_description')).toBe('user is not admin approved to access this app');
		// The policy changed between Allow and the exchange: the token endpoint refuses.
		await control('PATCH', `oauth/apps/${id}`, {permittedUsers: 'all'});
		const {verifier, challenge} = pkce();
		const allowed = await flow.authorize(await flow.login('rep'), id, challenge);
		await control('PATCH', `oauth/apps/${id}`, {permittedUsers: ['rep2']});
		const exchange = await flow.token({
			grant_type: 'authorization_code',
			code: allowed.searchParams.get('code') ?? '',
			client_id: id,
			redirect_uri: CALLBACK,
			code_verifier: verifier,
		});
		expect(exchange).toEqual(NO_APP_ACCESS);
	},
);
