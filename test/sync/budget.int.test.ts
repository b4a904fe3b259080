/** R21 (API budget), the one-cycle lock, and bad input, against the local org over HTTP. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {runSyncCycle} from '@/background/sync/engine.js';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import {syncHistory} from '@/shared/store/queries.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

test('R21: an idle poll costs one API request, and each cycle records its requests in the sync history', async () => {
	h.org.createTask(h.repId, {Subject: 'a'});
	await h.enable();
	await h.sync();
	h.org.resetRequestLog();
	const idle = await h.sync('alarm');
	expect(idle.apiRequests).toBe(1);
	expect(h.org.requests.map(r => `${r.method} ${r.path}`)).toEqual(['GET /services/data/v62.0/queryAll']);
	expect((await syncHistory(h.db, h.partition, 1))[0]).toMatchObject({apiRequests: 1, outcome: 'ok', trigger: 'alarm'});
});

test('R21: with an identity cache, a port built per cycle (as the worker does) still polls with one request, and the cache never holds the session id', async () => {
	const stored = new Map<string, Identity>();
	const cache = {
		get: async (key: string) => stored.get(key),
		set: async (key: string, identity: Identity) => void stored.set(key, identity),
	};
	const port = () =>
		createJsforcePort({instanceUrl: h.local.url, accessToken: h.sid, now: () => h.clock.now(), identityCache: cache});
	h.sf = port();
	await h.enable();
	await h.sync();
	h.sf = port();
	h.org.resetRequestLog();
	expect((await h.sync('alarm')).apiRequests).toBe(1);
	expect(h.org.requests.map(r => r.path)).toEqual(['/services/data/v62.0/queryAll']);
	expect(JSON.stringify([...stored])).not.toContain(h.sid);
	expect([...stored.keys()][0]).toMatch(/^[0-9a-f]{64}$/);
});

test('R21: the first sync of N Tasks costs ⌈N/2,000⌉ requests plus 2 for discovery', async () => {
	for (let i = 0; i < 4100; i++) h.org.createTask(h.repId, {Subject: `t${i}`, ActivityDate: '2026-03-05'});
	h.org.resetRequestLog();
	await h.enable();
	const first = await h.sync();
	expect(first.pulled).toBe(4100);
	expect(h.org.requests.length).toBe(Math.ceil(4100 / 2000) + 2);
	expect((await h.reminders()).length).toBe(4100);
});

test('R21: a push of N local changes costs ⌈N/200⌉ requests plus the one pull', async () => {
	await h.enable();
	await h.sync();
	for (let i = 0; i < 450; i++) await addReminder(h.db, {name: `r${i}`}, {now: h.clock.now()});
	const created = await h.sync();
	expect(created.pushed).toBe(450);
	expect(created.apiRequests).toBe(Math.ceil(450 / 200) + 1);
	const all = await h.reminders();
	for (const r of all.slice(0, 250)) await editReminder(h.db, r.id, {priority: 'high'}, {now: h.clock.now()});
	const updated = await h.sync();
	expect(updated.pushed).toBe(250);
	expect(updated.apiRequests).toBe(Math.ceil(250 / 200) + 1);
});

test('R21: above 80 % of the allowance sync slows down and says so; above 95 % only a manual sync runs; an exhausted allowance pauses', async () => {
	await h.enable();
	await h.sync();
	const limit = h.org.apiUsage().limit;
	h.org.setApiUsage(Math.ceil(limit * 0.85));
	await h.sync('alarm');
	expect((await h.db.partitions.get(h.partition))?.status).toMatchObject({
		budget: 'slow',
		message: expect.stringMatching(/80 %/),
	});
	h.org.setApiUsage(Math.ceil(limit * 0.96));
	await h.sync('alarm');
	expect((await h.db.partitions.get(h.partition))?.status).toMatchObject({
		budget: 'manual-only',
		message: expect.stringMatching(/Sync now/),
	});
	h.org.resetRequestLog();
	expect(await h.sync('alarm')).toMatchObject({outcome: 'skipped', skipped: 'api-limit'});
	expect(h.org.requests.length).toBe(0);
	expect((await h.sync('manual')).outcome).toBe('ok');
	expect(h.org.requests.length).toBe(1);
	h.org.faults.set({failNth: {n: 1, kind: 'limitExceeded'}});
	expect((await h.sync('manual')).outcome).toBe('paused');
	expect((await h.db.partitions.get(h.partition))?.status.pauseReason).toBe('api-limit');
});

test('one cycle at a time per partition: a second concurrent cycle is skipped as busy', async () => {
	await h.enable();
	const [a, b] = await Promise.all([h.sync(), h.sync()]);
	expect([a.skipped, b.skipped].filter(s => s === 'busy')).toHaveLength(1);
	expect([a.outcome, b.outcome]).toContain('ok');
});

test('bad input: unknown status values, malformed rows and a malformed page corrupt nothing', async () => {
	h.org.createTask(h.repId, {Subject: 'odd status', Status: 'Daffy', Priority: 'Foobar'});
	h.org.createTask(h.repId, {Subject: 'fine', ActivityDate: '2026-03-05'});
	await h.enable();
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	let mode: 'rows' | 'page' | 'off' = 'rows';
	h.sf = wrapPort(sf, {
		after(call, result) {
			if (call.method !== 'query') return;
			const page = result as {records: unknown[]};
			if (mode === 'rows') page.records.push({Id: 42}, null, {Id: '00T000000000999AAA', SystemModstamp: 'yesterday'});
			if (mode === 'page') (page as {records: unknown}).records = 'not an array';
		},
	});
	expect((await h.sync()).outcome).toBe('ok');
	const reminders = (await h.reminders()).map(r => [r.name, r.status, r.priority, r.dueDate]).sort();
	expect(reminders).toEqual([
		['fine', 'open', 'normal', '2026-03-05'],
		['odd status', 'open', 'normal', null],
	]);
	expect((await syncHistory(h.db, h.partition, 1))[0]?.notes.join(' ')).toMatch(/Skipped 3 malformed/);
	mode = 'page';
	const before = await h.db.reminders.toArray();
	const checkpoint = await h.db.checkpoints.get(h.partition);
	expect((await runSyncCycle(h.deps(), {partition: h.partition, trigger: 'manual'})).outcome).toBe('failed');
	expect(await h.db.reminders.toArray()).toEqual(before);
	expect(await h.db.checkpoints.get(h.partition)).toEqual(checkpoint);
});
