// R36: whole-second timestamps as real orgs store them (salesforce-facts.md §13.6), and one write request
// stamps all its rows with the same second.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, localOnly, must, openTarget, raw, renewSession} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {insertTasksInOneSecond} from '../seed.js';

type Rec = Record<string, unknown>;
let t: Target;
// A ticking clock on purpose, starting 0.7 s into a second: a real-speed write crosses seconds.
const T0 = new Date('2025-05-01T09:00:00.700Z');
beforeAll(async () => {
	t = await openTarget({now: T0});
});
afterAll(() => t.close());

const MILLIS_ZERO = /T\d{2}:\d{2}:\d{2}\.000\+0000$/;

test('R36: CreatedDate, LastModifiedDate and SystemModstamp read back with .000 milliseconds', async () => {
	const created = await t.conn.sobject('Task').create({Subject: 'R36 single'});
	const id = (created as {id: string}).id;
	await t.conn.sobject('Task').update({Id: id, Subject: 'R36 single, edited'});
	const r = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	for (const f of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'])
		expect([f, r[f]]).toEqual([f, expect.stringMatching(MILLIS_ZERO)]);
	const q = await t.conn.query<Rec>(`SELECT SystemModstamp FROM Task WHERE Id = '${id}'`);
	expect(q.records[0]?.['SystemModstamp']).toMatch(MILLIS_ZERO);
});

test('R36: one 200-record collections create stamps every row with the same SystemModstamp', async () => {
	const records = Array.from({length: 200}, (_, i) => ({attributes: {type: 'Task'}, Subject: `R36 batch ${i}`}));
	const res = await raw(t, `/services/data/v${API_VERSION}/composite/sobjects`, {
		method: 'POST',
		body: JSON.stringify({allOrNone: false, records}),
	});
	const ids = (res.json as {id: string; success: boolean}[]).map(r => r.id);
	expect(ids).toHaveLength(200);
	const rows = await t.conn.sobject('Task').retrieve(ids, {fields: ['SystemModstamp', 'CreatedDate']});
	const stamps = new Set((rows as unknown as Rec[]).map(r => r['SystemModstamp']));
	expect(stamps.size).toBe(1);
	expect([...stamps][0]).toMatch(MILLIS_ZERO);
	// An update of the same 200 is one write too.
	const upd = await raw(t, `/services/data/v${API_VERSION}/composite/sobjects`, {
		method: 'PATCH',
		body: JSON.stringify({records: ids.map(id => ({attributes: {type: 'Task'}, id, Priority: 'High'}))}),
	});
	expect(upd.status).toBe(200);
	const after = await t.conn.sobject('Task').retrieve(ids, {fields: ['SystemModstamp']});
	expect(new Set((after as unknown as Rec[]).map(r => r['SystemModstamp'])).size).toBe(1);
});

localOnly('R36: a collections delete gives every /deleted deletedDate the same whole second', async () => {
	const org = must(t.org);
	const ids = insertTasksInOneSecond(org, org.users.rep.id, 150);
	org.clock.advance(1_234);
	const res = await raw(t, `/services/data/v${API_VERSION}/composite/sobjects?ids=${ids.join(',')}`, {
		method: 'DELETE',
	});
	expect(res.status).toBe(200);
	const deletedAt = org.clock.nowMs();
	org.clock.advance(120_000); // getDeleted covers whole minutes up to now (§4.2)
	const now = deletedAt;
	const del = (await t.conn
		.sobject('Task')
		.deleted(new Date(now - 3_600_000).toISOString(), new Date(now + 120_000).toISOString())) as {
		deletedRecords: {id: string; deletedDate: string}[];
	};
	const mine = del.deletedRecords.filter(d => ids.includes(d.id));
	expect(mine).toHaveLength(150);
	expect(new Set(mine.map(d => d.deletedDate)).size).toBe(1);
	expect(mine[0]?.deletedDate).toMatch(MILLIS_ZERO);
});

localOnly('R36: a composite batch stamps all its subrequests with one second', async () => {
	const batchRequests = Array.from({length: 5}, (_, i) => ({
		method: 'POST',
		url: `v${API_VERSION}/sobjects/Task`,
		richInput: {Subject: `R36 composite batch ${i}`},
	}));
	const res = await raw(t, `/services/data/v${API_VERSION}/composite/batch`, {
		method: 'POST',
		body: JSON.stringify({batchRequests}),
	});
	const ids = (res.json as {results: {result: {id: string}}[]}).results.map(r => r.result.id);
	const org = must(t.org);
	expect(new Set(ids.map(id => org.getTask(id)?.SystemModstamp)).size).toBe(1);
});

localOnly(
	'R36: with a frozen clock, separate writes in the same second tie; a moved clock separates them',
	async () => {
		const org = must(t.org);
		org.clock.set(new Date('2025-05-02T10:00:00.250Z'));
		const a = org.createTask(org.users.rep.id, {Subject: 'tie a'});
		await Promise.resolve();
		org.clock.advance(500); // 10:00:00.750 — still the same second
		const b = org.createTask(org.users.rep.id, {Subject: 'tie b'});
		expect(b.SystemModstamp).toBe(a.SystemModstamp);
		expect(a.SystemModstamp).toBe(Date.parse('2025-05-02T10:00:00Z'));
		org.clock.advance(400); // 10:00:01.150
		const c = org.createTask(org.users.rep.id, {Subject: 'next second'});
		expect(c.SystemModstamp).toBe(Date.parse('2025-05-02T10:00:01Z'));
	},
);

localOnly('R36: insertTasksInOneSecond makes a 2,500-row tie that straddles the 2,000-row query page', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2025-05-03T08:00:00.900Z'));
	renewSession(t);
	const rep2 = org.users.rep2.id;
	const ids = insertTasksInOneSecond(org, rep2, 2_500);
	const stamps = new Set(ids.map(id => org.getTask(id)?.SystemModstamp));
	expect([...stamps]).toEqual([Date.parse('2025-05-03T08:00:00Z')]);
	const first = await t.conn.query<Rec>(
		`SELECT Id, SystemModstamp FROM Task WHERE OwnerId = '${rep2}' AND Subject LIKE 'Tied task%' ORDER BY SystemModstamp, Id`,
	);
	expect(first.records).toHaveLength(2_000);
	expect(first.done).toBe(false);
	const last = first.records[first.records.length - 1];
	expect(last?.['SystemModstamp']).toBe('2025-05-03T08:00:00.000+0000');
	const rest = await t.conn.queryMore<Rec>(must(first.nextRecordsUrl));
	expect(rest.records).toHaveLength(500);
	expect(rest.records[0]?.['SystemModstamp']).toBe(last?.['SystemModstamp']);
});
