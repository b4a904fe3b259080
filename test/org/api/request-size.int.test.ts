// R55: the local org refuses what Salesforce refuses — an address over 16,384 bytes with 414 URI Too Long, an
// address and headers over it together with 431 Request Header Fields Too Large (salesforce-facts.md §14.1,
// api/request-size.ts) — deliberately, with Salesforce's bodies, and not by node:http's own 16 KB limit.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, httpCall, localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {MAX_REQUEST_HEAD_BYTES} from './request-size.js';

let t: Target;
beforeAll(async () => {
	t = await openTarget();
});
afterAll(() => t.close());

const V = `/services/data/v${API_VERSION}`;
/** A query address of exactly `bytes` bytes: a valid SOQL query padded with a LIKE pattern. */
function queryPath(bytes: number): string {
	const start = `${V}/query?q=${encodeURIComponent("SELECT Id FROM Task WHERE Subject LIKE '")}`;
	const end = encodeURIComponent("'");
	return `${start}${'a'.repeat(Math.max(0, bytes - start.length - end.length))}${end}`;
}

const auth = (): Record<string, string> => ({Authorization: `Bearer ${t.sid}`});

test('an address over 16,384 bytes is 414 URI Too Long, with the body real orgs send', async () => {
	const path = queryPath(MAX_REQUEST_HEAD_BYTES + 1);
	expect(path.length).toBe(MAX_REQUEST_HEAD_BYTES + 1);
	const r = await httpCall(t.url, path, auth());
	expect(r.status).toBe(414);
	expect(r.text).toBe('<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>');
	expect(r.headers['sforce-limit-info']).toBeUndefined();
});

test('an address that fits but whose headers take the request over 16,384 bytes is 431', async () => {
	const r = await httpCall(t.url, queryPath(12_000), {...auth(), 'X-Padding': 'p'.repeat(5_000)});
	expect(r.status).toBe(431);
	expect(r.text).toBe('<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too Large</pre>');
});

localOnly(
	'the limit is the whole request head: 16,384 bytes pass, one more is 431; refusals are logged, never counted',
	async () => {
		const org = must(t.org);
		org.resetRequestLog();
		// Measure what the client adds (request line, Host, Connection), then pad to the exact limit.
		const path = queryPath(15_000);
		await httpCall(t.url, path, {...auth(), 'X-Padding': 'p'});
		const measured = org.requests[0]?.headBytes ?? 0;
		expect(measured).toBeGreaterThan(15_000);
		const pad = 'p'.repeat(1 + MAX_REQUEST_HEAD_BYTES - measured);
		const fits = await httpCall(t.url, path, {...auth(), 'X-Padding': pad});
		expect(fits.status, fits.text).toBe(200);
		const over = await httpCall(t.url, path, {...auth(), 'X-Padding': `${pad}p`});
		expect(over.status).toBe(431);
		expect(org.requests.map(r => [r.status, r.headBytes, r.countedAsApi])).toEqual([
			[200, measured, true],
			[200, MAX_REQUEST_HEAD_BYTES, true],
			[431, MAX_REQUEST_HEAD_BYTES + 1, false],
		]);
		expect(org.apiUsage().used).toBe(2);
	},
);

localOnly(
	'pages and OAuth endpoints are refused the same way; the control API is not Salesforce and is not',
	async () => {
		const long = `?x=${'a'.repeat(MAX_REQUEST_HEAD_BYTES)}`;
		expect((await httpCall(t.url, `/lightning/page/home${long}`, {})).status).toBe(414);
		expect((await httpCall(t.url, `/services/oauth2/token${long}`, {}, 'POST', '')).status).toBe(414);
		expect((await httpCall(t.url, `/__org__/state${long}`, {})).status).toBe(200);
	},
);
