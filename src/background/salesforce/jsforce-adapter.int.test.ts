/** The jsforce adapter against the local org over HTTP: headers read, errors mapped, nothing retried. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {startLocalOrg, type LocalOrg} from '../../../test/org/index.js';
import {authPause, classify, isRecordFault, SalesforceApiError} from './errors.js';
import {createJsforcePort} from './jsforce-adapter.js';
import type {SalesforcePort} from './salesforce-port.js';
import {SYNC_STATUS_COPY} from '@/shared/copy.js';

let local: LocalOrg;
let sid: string;
let port: SalesforcePort;
const skew = 90_000;
/** A long timeout by default, so a slow machine never turns an answered request into a timeout. */
function portWithTimeout(timeoutMs: number): SalesforcePort {
	return createJsforcePort({
		instanceUrl: local.url,
		accessToken: sid,
		now: () => local.org.clock.nowMs() + skew,
		timeoutMs,
	});
}

beforeEach(async () => {
	local = await startLocalOrg({now: new Date('2026-03-05T09:00:00Z')});
	sid = local.org.createSession(local.org.users.rep.id, 'api');
	port = portWithTimeout(10_000);
});
afterEach(async () => {
	await local.close();
});

async function failure(promise: Promise<unknown>): Promise<SalesforceApiError> {
	const error: unknown = await promise.then(
		() => undefined,
		(error_: unknown) => error_,
	);
	if (!(error instanceof SalesforceApiError)) throw new Error(`expected a SalesforceApiError, got ${String(error)}`);
	return error;
}

test('R21/R16: every response updates the API usage (Sforce-Limit-Info) and the clock offset (Date)', async () => {
	const identity = await port.identity();
	expect(identity).toMatchObject({userId: local.org.users.rep.id, orgId: local.org.orgId});
	await port.query('SELECT Id FROM Task', {includeDeleted: false});
	expect(port.responseMeta().apiUsage).toEqual(local.org.apiUsage());
	expect(Math.abs((port.responseMeta().clockOffsetMs ?? 0) + skew)).toBeLessThan(1500);
	expect(port.requestCount()).toBe(2);
	await port.identity();
	expect(port.requestCount()).toBe(2);
});

test('R20: an expired session is an auth error with its status', async () => {
	local.org.expireSession(sid);
	const error = await failure(port.query('SELECT Id FROM Task', {includeDeleted: false}));
	expect(error).toMatchObject({errorCode: 'INVALID_SESSION_ID', status: 401});
	expect(classify(error)).toBe('auth');
});

test('R19: a 503 (JSON or HTML), a dropped connection and a timeout are transient, and jsforce does not retry them', async () => {
	// Only the held request needs a short timeout; the org never answers it.
	const impatient = portWithTimeout(300);
	for (const kind of ['503', 'html503', 'drop', 'timeout'] as const) {
		const client = kind === 'timeout' ? impatient : port;
		local.org.faults.set({failNth: {n: 1, kind}});
		const before = client.requestCount();
		const error = await failure(client.query('SELECT Id FROM Task', {includeDeleted: false}));
		expect(classify(error), kind).toBe('transient');
		expect(client.requestCount() - before, kind).toBe(1);
	}

	expect(local.org.requests.filter(r => r.status === 503).length).toBe(2);
});

test('R21: a spent allowance is the limit class', async () => {
	local.org.faults.set({failNth: {n: 1, kind: 'limitExceeded'}});
	const error = await failure(port.createTasks([{Subject: 'x'}]));
	expect(error).toMatchObject({errorCode: 'REQUEST_LIMIT_EXCEEDED', status: 403});
	expect(classify(error)).toBe('limit');
	expect(local.org.listTasks()).toEqual([]);
});

test('R19: collection results carry per-record errors in request order', async () => {
	const results = await port.createTasks([{Subject: 'ok'}, {Subject: 'x'.repeat(300)}]);
	expect(results[0]).toMatchObject({success: true});
	expect(results[1]).toMatchObject({success: false, errors: [{statusCode: 'STRING_TOO_LONG'}]});
	const id = results[0]?.success ? results[0].id : '';
	expect(await port.deleteTasks([id, id])).toMatchObject([{success: true}, {success: false}]);
	const {statuses, priorities} = await port.taskPicklists();
	expect(statuses.find(s => s.isDefault)?.apiName).toBe('Not Started');
	expect(priorities.find(p => p.isHighPriority)?.apiName).toBe('High');
});

test('issue 11 (R19): a maintenance page, a 404 page and a login redirect each get a short plain message and their class', async () => {
	const cases = [
		{kind: 'maintenance', code: 'ERROR_HTTP_503', status: 503, cls: 'transient', says: /maintenance/},
		{kind: 'html503', code: 'ERROR_HTTP_503', status: 503, cls: 'transient', says: /maintenance/},
		{kind: 'html404', code: 'ERROR_HTTP_404', status: 404, cls: 'permanent', says: /not found.*address/},
		{kind: 'loginRedirect', code: 'LOGIN_REDIRECT', status: 302, cls: 'auth', says: /sign-in page/},
	] as const;
	for (const c of cases) {
		local.org.faults.set({failNth: {n: 1, kind: c.kind}});
		const before = port.requestCount();
		const error = await failure(port.createTasks([{Subject: c.kind}]));
		expect(error, c.kind).toMatchObject({errorCode: c.code, status: c.status});
		expect(error.message, c.kind).toMatch(c.says);
		expect(error.message.length, c.kind).toBeLessThan(200);
		expect(error.message, c.kind).not.toMatch(/<|html/i);
		expect(classify(error), c.kind).toBe(c.cls);
		expect(port.requestCount() - before, c.kind).toBe(1);
	}

	expect(local.org.listTasks()).toEqual([]);
});

test('issue 11 (R20, R25): an org moved to a new My Domain is said as such, pauses for a new sign-in, and the redirect is not followed (the token stays on its host)', async () => {
	local.org.faults.set({failNth: {n: 1, kind: 'moved'}});
	const before = local.org.requests.length;
	const error = await failure(port.query('SELECT Id FROM Task', {includeDeleted: false}));
	expect(error).toMatchObject({errorCode: 'ORG_MOVED', status: 301});
	expect(error.message).toContain('moved-org.my.salesforce.com');
	expect(classify(error)).toBe('auth');
	expect(authPause(error)).toEqual({pauseReason: 'org-moved', message: SYNC_STATUS_COPY.orgMoved});
	// One request: the redirect was not followed (jsforce's default would re-send it, token included).
	expect(local.org.requests.length - before).toBe(1);
	expect(port.requestCount()).toBe(1);
});

test('R19: a collections write refused as a whole keeps its code, status and Salesforce message; a connection closed mid-way is NETWORK_ERROR', async () => {
	local.org.faults.set({
		refuseRequestsWith: {text: 'BAD', errorCode: 'JSON_PARSER_ERROR', message: 'Cannot deserialize'},
	});
	const refused = await failure(port.createTasks([{Subject: 'BAD'}]));
	expect(refused).toMatchObject({errorCode: 'JSON_PARSER_ERROR', status: 400, message: 'Cannot deserialize'});
	expect(isRecordFault(refused)).toBe(true);
	local.org.faults.clear();
	local.org.faults.set({failNth: {n: 1, kind: 'drop'}});
	const dropped = await failure(port.createTasks([{Subject: 'x'}]));
	expect(dropped.errorCode).toBe('NETWORK_ERROR');
	expect(dropped.status).toBeUndefined();
	expect(isRecordFault(dropped)).toBe(false);
});
