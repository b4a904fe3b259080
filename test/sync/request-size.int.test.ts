/**
 * R55: every request Tickler builds fits Salesforce's limit on address + headers (16,384 bytes; 431, or 414 for
 * the address alone). The largest requests whose address grows with ids — the access lookup of a
 * reconciliation (access.ts) and a 200-record delete — go through the real jsforce adapter and a forwarder
 * that gives them a browser's headers (browser-like-proxy.ts), to the local org, which refuses oversized
 * requests as Salesforce does.
 */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import {ACCESS_CHUNK} from '@/background/sync/access.js';
import {deleteReminder} from '@/shared/store/local-edits.js';
import {MAX_REQUEST_HEAD_BYTES} from '../org/api/request-size.js';
import {startBrowserLikeProxy, type BrowserLikeProxy} from './browser-like-proxy.js';
import {startHarness, type Harness} from './harness.js';

const DAY = 86_400_000;
let h: Harness;
let proxy: BrowserLikeProxy;
beforeEach(async () => {
	h = await startHarness();
	proxy = await startBrowserLikeProxy(h.local.url);
	h.sf = browserPort();
});
afterEach(async () => {
	await proxy.close();
	await h.close();
});

/** The adapter as the worker builds it, reaching the org through the browser-like forwarder. */
function browserPort(): ReturnType<typeof createJsforcePort> {
	return createJsforcePort({
		instanceUrl: proxy.url,
		accessToken: h.sid,
		now: () => h.clock.now(),
		timeoutMs: h.timeoutMs,
	});
}

/** Every request the org saw since the log was reset: none refused for its size, all well within the limit. */
function expectAllFit(): void {
	const seen = h.org.requests.filter(r => r.path.startsWith('/services/'));
	expect(seen.length).toBeGreaterThan(0);
	expect(seen.filter(r => r.status === 414 || r.status === 431)).toEqual([]);
	// With margin: a quarter of the limit is still free on the largest request.
	expect(Math.max(...seen.map(r => r.headBytes ?? Infinity))).toBeLessThan(MAX_REQUEST_HEAD_BYTES * 0.75);
}

test('R55: a reconciliation over 1,000 linked reminders looks them up in requests that each fit, with a browser’s headers', async () => {
	const n = 1000;
	h.org.tasks.oneWrite(() => {
		for (let i = 0; i < n; i++) h.org.createTask(h.repId, {Subject: `linked ${i}`, ActivityDate: '2026-03-20'});
	});
	await h.enable();
	expect((await h.sync()).pulled).toBe(n);

	// The weekly reconciliation (R15) looks every linked Task up by Id.
	h.org.clock.advance(8 * DAY);
	h.sid = h.org.createSession(h.repId, 'api');
	h.sf = browserPort();
	h.org.resetRequestLog();
	const cycle = await h.sync('alarm');
	expect(cycle.outcome, JSON.stringify(cycle.errors)).toBe('ok');
	const lookups = h.org.requests.filter(r => r.path.endsWith('/queryAll') && r.method === 'GET');
	// The poll, then ⌈1,000 / 269⌉ lookups of at most ACCESS_CHUNK ids each.
	expect(ACCESS_CHUNK).toBe(269);
	expect(lookups).toHaveLength(1 + Math.ceil(n / ACCESS_CHUNK));
	expectAllFit();
	expect((await h.reminders()).filter(r => r.syncState === 'synced')).toHaveLength(n);
});

test('R55: the largest delete (200 ids in the address of one sObject Collections request) fits too', async () => {
	h.org.tasks.oneWrite(() => {
		for (let i = 0; i < 200; i++) h.org.createTask(h.repId, {Subject: `gone ${i}`});
	});
	await h.enable();
	await h.sync();
	for (const reminder of await h.reminders()) await deleteReminder(h.db, reminder.id, {now: h.clock.now()});
	h.org.resetRequestLog();
	const cycle = await h.sync('local-change');
	expect(cycle.outcome).toBe('ok');
	expect(h.org.requests.filter(r => r.method === 'DELETE')).toHaveLength(1);
	expectAllFit();
	expect(h.repTasks().filter(t => !t.IsDeleted)).toHaveLength(0);
});
