// Contract: authentication, identity and the versions/resources routes (salesforce-facts.md §0, §1).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, connect, failure, getWithHost, localOnly, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';

let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-03-10T09:00:00Z')});
});
afterAll(() => t.close());

test('a valid session queries, and every authenticated response carries Sforce-Limit-Info', async () => {
	const res = await t.conn.query('SELECT Id FROM Task LIMIT 1');
	expect(res.done).toBe(true);
	expect(t.conn.limitInfo.apiUsage?.limit).toBeGreaterThan(0);
	const r = await raw(t, `/services/data/v${API_VERSION}/limits`);
	expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8');
	expect(r.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/\d+$/);
});

test('an invalid sid is 401 INVALID_SESSION_ID with WWW-Authenticate: Token and no Sforce-Limit-Info', async () => {
	const r = await raw(t, `/services/data/v${API_VERSION}/query?q=SELECT+Id+FROM+Task`, {
		auth: `Bearer ${t.sid.split('!')[0]}!nope`,
	});
	expect(r.status).toBe(401);
	expect(r.headers.get('www-authenticate')).toBe('Token');
	expect(r.headers.get('sforce-limit-info')).toBeNull();
	expect(r.json).toEqual([{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'}]);
	const err = await failure(connect(t.url, 'bogus').query('SELECT Id FROM Task'));
	expect(err.errorCode).toBe('INVALID_SESSION_ID');
});

test('the OAuth prefix is accepted as well as Bearer', async () => {
	const r = await raw(t, `/services/data/v${API_VERSION}/query?q=SELECT+Id+FROM+Task+LIMIT+1`, {
		auth: `OAuth ${t.sid}`,
	});
	expect(r.status).toBe(200);
});

localOnly('session ids are <15-char org id>!<opaque>', () => {
	const org = must(t.org);
	expect(t.sid.split('!')[0]).toBe(org.orgId15);
	expect(org.orgId).toMatch(/^00D[a-zA-Z0-9]{15}$/);
	expect(org.orgId.slice(0, 15)).toBe(org.orgId15);
});

localOnly(
	'a lightning-kind session is refused by REST with the "not valid for use with the REST API" 401',
	async () => {
		const org = must(t.org);
		const sid = org.createSession(org.users.rep.id, 'lightning');
		const r = await raw({url: t.url, sid}, `/services/data/v${API_VERSION}/query?q=SELECT+Id+FROM+Task`);
		expect(r.status).toBe(401);
		expect(r.json).toEqual([
			{errorCode: 'INVALID_SESSION_ID', message: 'This session is not valid for use with the REST API'},
		]);
		const err = await failure(connect(t.url, sid).query('SELECT Id FROM Task'));
		expect(err.errorCode).toBe('INVALID_SESSION_ID');
		expect(err.message).toBe('This session is not valid for use with the REST API');
	},
);

localOnly('sessions expire on demand, after idle time and after their absolute lifetime on the org clock', async () => {
	const org = must(t.org);
	const a = org.createSession(org.users.rep.id);
	org.expireSession(a);
	expect((await failure(connect(t.url, a).query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');

	org.setSessionTimeouts({idleMs: 3_600_000, absoluteMs: 8 * 3_600_000});
	const b = org.createSession(org.users.rep.id);
	org.clock.advance(59 * 60_000);
	await connect(t.url, b).query('SELECT Id FROM Task LIMIT 1'); // still valid, and touched
	org.clock.advance(59 * 60_000);
	await connect(t.url, b).query('SELECT Id FROM Task LIMIT 1');
	org.clock.advance(61 * 60_000);
	expect((await failure(connect(t.url, b).query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');

	const c = org.createSession(org.users.rep.id);
	for (let i = 0; i < 9; i++) {
		org.clock.advance(55 * 60_000);
		if (i < 7) await connect(t.url, c).query('SELECT Id FROM Task LIMIT 1');
	}
	expect((await failure(connect(t.url, c).query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');

	const d = org.createSession(org.users.rep.id);
	org.expireAllSessions();
	expect((await failure(connect(t.url, d).query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');
	org.setSessionTimeouts({idleMs: 2 * 3_600_000, absoluteMs: 24 * 3_600_000});
	t.sid = org.createSession(org.users.rep.id);
	t.conn = connect(t.url, t.sid);
});

test('conn.identity() works through /services/data/vXX.X and /id/<org>/<user>', async () => {
	const id = await t.conn.identity();
	expect(id.user_id).toMatch(/^005[a-zA-Z0-9]{15}$/);
	expect(id.organization_id).toMatch(/^00D[a-zA-Z0-9]{15}$/);
	expect(id.user_id).toBe(t.userId);
	expect(id.id).toBe(`${t.url}/id/${id.organization_id}/${id.user_id}`);
});

test('/services/oauth2/userinfo returns the user and org ids', async () => {
	const r = await raw(t, '/services/oauth2/userinfo');
	expect(r.status).toBe(200);
	const body = r.json as Record<string, unknown>;
	expect(body['user_id']).toBe(t.userId);
	expect(body['organization_id']).toMatch(/^00D/);
	expect(typeof body['preferred_username']).toBe('string');
	expect(body['sub']).toBe(`${t.url}/id/${String(body['organization_id'])}/${t.userId}`);
});

localOnly('the identity user carries the rep time zone', async () => {
	const r = await raw(t, '/services/oauth2/userinfo');
	expect((r.json as Record<string, unknown>)['zoneinfo']).toBe('Europe/Rome');
});

test('GET /services/data/ lists the supported versions 41.0–67.0 without auth and without Sforce-Limit-Info', async () => {
	const r = await raw(t, '/services/data/', {auth: null});
	expect(r.status).toBe(200);
	expect(r.headers.get('sforce-limit-info')).toBeNull();
	const versions = (r.json as {version: string; url: string; label: string}[]).map(v => v.version);
	for (let v = 41; v <= 62; v++) expect(versions).toContain(`${v}.0`);
});

localOnly('the versions list runs from 41.0 (Winter ’18) to 67.0 (Summer ’26)', async () => {
	const r = await raw(t, '/services/data/', {auth: null});
	const list = r.json as {version: string; url: string; label: string}[];
	expect(list[0]).toEqual({label: "Winter '18", url: '/services/data/v41.0', version: '41.0'});
	expect(list.at(-1)).toEqual({label: "Summer '26", url: '/services/data/v67.0', version: '67.0'});
	expect(list).toHaveLength(27);
});

localOnly(
	'every version 41.0–67.0 is served; a retired one (7.0–40.0) is 410 GONE, never counted; others are 404',
	async () => {
		for (const v of ['41.0', '45.0', '62.0', '67.0'])
			expect(await connect(t.url, t.sid).request<object>(`/services/data/v${v}/limits`)).toHaveProperty(
				'DailyApiRequests',
			);
		const org = must(t.org);
		const before = org.apiUsage().used;
		for (const v of ['7.0', '20.0', '30.0', '31.0', '40.0']) {
			const r = await raw(t, `/services/data/v${v}/limits`);
			expect(r.status, v).toBe(410);
			expect(r.json).toEqual([
				{errorCode: 'GONE', message: `API version ${v} has been retired and is no longer available`},
			]);
		}
		expect(org.apiUsage().used).toBe(before);
		for (const v of ['6.0', '68.0']) {
			const r = await raw(t, `/services/data/v${v}/limits`);
			expect(r.status).toBe(404);
			expect(r.json).toEqual([{message: 'The requested resource does not exist', errorCode: 'NOT_FOUND'}]);
		}
	},
);

localOnly(
	'absolute URLs use the Host the request came in under (X-Forwarded-Proto or a Salesforce host ⇒ https)',
	async () => {
		const auth = {Authorization: `Bearer ${t.sid}`};
		const a = await getWithHost(t.url, `/services/data/v${API_VERSION}`, {
			...auth,
			Host: 'tickler-demo.my.salesforce.com',
		});
		expect((JSON.parse(a.text) as Record<string, string>)['identity']).toMatch(
			/^https:\/\/tickler-demo\.my\.salesforce\.com\/id\/00D/,
		);
		const b = await getWithHost(t.url, `/services/data/v${API_VERSION}`, {
			...auth,
			Host: 'example.test:8443',
			'X-Forwarded-Proto': 'https',
		});
		expect((JSON.parse(b.text) as Record<string, string>)['identity']).toMatch(/^https:\/\/example\.test:8443\/id\//);
		const c = await raw(t, `/services/data/v${API_VERSION}`);
		expect((c.json as Record<string, string>)['identity']).toMatch(new RegExp(`^${t.url}/id/`));
	},
);

localOnly('the HTTP Date header comes from the org clock', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2030-06-01T12:00:00Z'));
	const r = await raw(t, `/services/data/v${API_VERSION}/limits`);
	expect(new Date(r.headers.get('date') ?? '').getUTCFullYear()).toBe(2030);
});
