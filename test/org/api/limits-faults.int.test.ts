// Contract: API allowance (salesforce-facts.md §6) and fault injection (issue 3 "Faults").
import {afterAll, afterEach, beforeAll, expect, test} from 'vitest';
import {API_VERSION, connect, failure, localOnly, must, openTarget, raw, renewSession} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {startLocalOrg} from '../index.js';

type Rec = Record<string, unknown>;
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-07-01T09:00:00Z')});
});
afterAll(() => t.close());
afterEach(() => t.org?.faults.clear());
const limitsPath = `/services/data/v${API_VERSION}/limits`;

test('/limits has DailyApiRequests, DataStorageMB and FileStorageMB with integer Max/Remaining', async () => {
	const l = (await t.conn.limits()) as unknown as Record<string, {Max: number; Remaining: number}>;
	for (const k of ['DailyApiRequests', 'DataStorageMB', 'FileStorageMB']) {
		expect(Number.isInteger(l[k]?.Max)).toBe(true);
		expect(Number.isInteger(l[k]?.Remaining)).toBe(true);
	}
});

localOnly(
	'Sforce-Limit-Info counts each call; /limits agrees; default allowance is 100,000 + 1,000 per licence',
	async () => {
		const org = must(t.org);
		expect(org.apiUsage().limit).toBe(103_000);
		org.setApiUsage(41);
		const r = await raw(t, limitsPath);
		expect(r.headers.get('sforce-limit-info')).toBe('api-usage=42/103000');
		expect((r.json as Record<string, Rec>)['DailyApiRequests']).toEqual({Max: 103_000, Remaining: 103_000 - 42});
		await t.conn.query('SELECT Id FROM Task LIMIT 1');
		expect(t.conn.limitInfo.apiUsage).toEqual({used: 43, limit: 103_000});
	},
);

localOnly(
	'a spent allowance is 403 REQUEST_LIMIT_EXCEEDED; usage is a trailing 24 h window on the org clock',
	async () => {
		const org = must(t.org);
		org.setApiLimit(10);
		org.setApiUsage(10);
		const r = await raw(t, limitsPath);
		expect(r.status).toBe(403);
		expect(r.json).toEqual([{message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED'}]);
		expect((await failure(t.conn.query('SELECT Id FROM Task'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
		expect(org.apiUsage().used).toBe(10);
		org.clock.advance(23 * 3_600_000);
		renewSession(t);
		expect(org.apiUsage().used).toBe(10);
		org.clock.advance(3_600_000 + 60_000);
		renewSession(t);
		expect(org.apiUsage().used).toBe(0);
		expect((await raw(t, limitsPath)).status).toBe(200);
		org.setApiLimit(103_000);
	},
);

localOnly('503 faults: JSON SERVER_UNAVAILABLE and an HTML maintenance page', async () => {
	const org = must(t.org);
	org.faults.set({rate503: 1});
	const j = await raw(t, limitsPath);
	expect([j.status, (j.json as Rec[])[0]?.['errorCode']]).toEqual([503, 'SERVER_UNAVAILABLE']);
	// (jsforce itself retries 503s five times with backoff; the sync adapter turns that off, so raw is the contract here.)
	org.faults.set({rate503: 1, html503: true});
	const h = await raw(t, limitsPath);
	expect([h.status, h.headers.get('content-type')]).toEqual([503, 'text/html']);
	expect(h.text).toMatch(/^<html>/);
	expect(h.headers.get('sforce-limit-info')).toBeNull();
});

localOnly('UNABLE_TO_LOCK_ROW refuses writes without applying them; reads are unaffected', async () => {
	const org = must(t.org);
	const before = org.listTasks().length;
	org.faults.set({lockRowRate: 1});
	const e = await failure(t.conn.sobject('Task').create({Subject: 'locked'}));
	expect(e.errorCode).toBe('UNABLE_TO_LOCK_ROW');
	expect(org.listTasks().length).toBe(before);
	expect((await t.conn.query('SELECT COUNT() FROM Task')).totalSize).toBe(before);
});

localOnly('dropped connections and held responses reach the client as network errors / timeouts', async () => {
	const org = must(t.org);
	org.faults.set({dropConnectionRate: 1});
	await expect(fetch(t.url + limitsPath, {headers: {Authorization: `Bearer ${t.sid}`}})).rejects.toThrow();
	org.faults.clear();
	org.faults.set({timeoutRate: 1});
	await expect(
		fetch(t.url + limitsPath, {headers: {Authorization: `Bearer ${t.sid}`}, signal: AbortSignal.timeout(150)}),
	).rejects.toThrow();
	expect(org.requests.at(-1)?.status).toBe(0);
});

localOnly('close() returns even while a response is being held', async () => {
	const lo = await startLocalOrg();
	const sid = lo.org.createSession(lo.org.users.rep.id);
	lo.org.faults.set({timeoutRate: 1});
	const pending = fetch(lo.url + limitsPath, {headers: {Authorization: `Bearer ${sid}`}}).then(
		() => 'answered',
		() => 'failed',
	);
	while (lo.org.requests.length === 0) await new Promise(r => setImmediate(r));
	await lo.close();
	expect(await pending).toBe('failed');
});

localOnly('failNth fails exactly the n-th request', async () => {
	const org = must(t.org);
	org.faults.set({failNth: {n: 2, kind: '503'}});
	const statuses = [];
	for (let i = 0; i < 3; i++) statuses.push((await raw(t, limitsPath)).status);
	expect(statuses).toEqual([200, 503, 200]);
	org.faults.set({failNth: {n: 1, kind: 'invalidSession'}});
	expect((await failure(t.conn.query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');
	org.faults.set({failNth: {n: 1, kind: 'limitExceeded'}});
	expect((await failure(t.conn.query('SELECT Id FROM Task'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
});

localOnly('commit-then-drop stores the write but the client sees a network error', async () => {
	const org = must(t.org);
	org.faults.set({commitThenDrop: 1});
	const e = await failure(t.conn.sobject('Task').create({Subject: 'Committed but dropped'}));
	expect(e.errorCode).toBeUndefined();
	expect(org.listTasks().filter(r => r.Subject === 'Committed but dropped').length).toBe(1);
	const ok = (await t.conn.sobject('Task').create({Subject: 'Next one'})) as {success: boolean};
	expect(ok.success).toBe(true);
});

localOnly('random faults are reproducible from the seed', async () => {
	const org = must(t.org);
	const pattern = async (): Promise<number[]> => {
		org.faults.clear();
		org.faults.set({rate503: 0.5, seed: 42});
		const out: number[] = [];
		for (let i = 0; i < 16; i++) out.push((await raw(t, limitsPath)).status);
		return out;
	};
	const a = await pattern();
	expect(a).toContain(503);
	expect(a).toContain(200);
	expect(await pattern()).toEqual(a);
});

localOnly('the control API over HTTP: state, clock, sessions, faults, tasks — never counted as API calls', async () => {
	const org = must(t.org);
	org.setApiUsage(0);
	const ctl = async (method: string, path: string, body?: unknown): Promise<{status: number; json: unknown}> => {
		const r = await fetch(`${t.url}/__org__/${path}`, {
			method,
			headers: {'content-type': 'application/json'},
			...(body === undefined ? {} : {body: JSON.stringify(body)}),
		});
		const text = await r.text();
		return {status: r.status, json: text ? (JSON.parse(text) as unknown) : undefined};
	};
	expect(((await ctl('GET', 'state')).json as Rec)['orgId']).toBe(org.orgId);
	// This org's clock runs at real speed from the time set, so allow the milliseconds the request took.
	const movedTo = Date.parse(
		String(((await ctl('POST', 'clock', {set: '2026-01-01T00:00:00Z', advanceMs: 60_000})).json as Rec)['now']),
	);
	expect(movedTo - Date.parse('2026-01-01T00:01:00.000Z')).toBeGreaterThanOrEqual(0);
	expect(movedTo - Date.parse('2026-01-01T00:01:00.000Z')).toBeLessThan(1000);
	const sid = String(((await ctl('POST', 'sessions', {userId: 'rep2'})).json as Rec)['sid']);
	const c2 = connect(t.url, sid);
	const created = (await ctl('POST', 'tasks', {asUserId: 'rep2', fields: {Subject: 'From control'}})).json as Rec;
	expect(created['OwnerId']).toBe(org.users.rep2.id);
	expect(((await c2.sobject('Task').retrieve(String(created['Id']))) as Rec)['Subject']).toBe('From control');
	await ctl('PATCH', `tasks/${String(created['Id'])}`, {asUserId: 'rep', fields: {Status: 'Completed'}});
	expect(org.getTask(String(created['Id']))?.IsClosed).toBe(true);
	await ctl('POST', 'faults', {failNth: {n: 1, kind: '503'}});
	expect((await raw({url: t.url, sid}, limitsPath)).status).toBe(503);
	await ctl('POST', 'sessions/expire', {sid});
	expect((await failure(c2.query('SELECT Id FROM Task'))).errorCode).toBe('INVALID_SESSION_ID');
	const usage = (await ctl('POST', 'api-usage', {})).json as Rec;
	expect(usage['used']).toBe(1); // the retrieve only; 503s, 401s and control calls are free
	expect((await ctl('GET', 'nope')).status).toBe(404);
});
