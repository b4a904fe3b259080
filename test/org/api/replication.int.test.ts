// Contract: getUpdated/getDeleted, the recycle bin and the archive (salesforce-facts.md §4, §7.4).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, localOnly, must, openTarget, raw, renewSession} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
const T0 = new Date('2025-04-01T12:00:30Z');
beforeAll(async () => {
	t = await openTarget({now: T0});
});
afterAll(() => t.close());
const iso = (ms: number): string => new Date(ms).toISOString();

test('updated/deleted answer with and without the trailing slash', async () => {
	// The org's own idea of now (its Date header), so this works on a real org and on a clock-shifted local one.
	const end = Date.parse((await raw(t, `/services/data/v${API_VERSION}/limits`)).headers.get('date') ?? '');
	const s = iso(end - 3_600_000);
	for (const path of ['updated', 'updated/', 'deleted', 'deleted/']) {
		const r = await raw(
			t,
			`/services/data/v${API_VERSION}/sobjects/Task/${path}?start=${encodeURIComponent(s)}&end=${encodeURIComponent(iso(end))}`,
		);
		expect([path, r.status]).toEqual([path, 200]);
		expect(r.json).toHaveProperty('latestDateCovered');
	}
});

localOnly(
	'getUpdated: SystemModstamp window, minute truncation, latestDateCovered, deleted rows excluded',
	async () => {
		const org = must(t.org);
		const rep = org.users.rep.id;
		const a = org.createTask(rep, {Subject: 'A'}); // 12:00:30
		org.clock.set(new Date('2025-04-01T12:05:10Z'));
		const b = org.createTask(rep, {Subject: 'B'});
		org.clock.set(new Date('2025-04-01T12:07:45Z'));
		const c = org.createTask(rep, {Subject: 'C'});
		org.deleteTask(rep, c.Id);
		org.clock.set(new Date('2025-04-01T12:30:00Z'));
		const res = await t.conn.sobject('Task').updated('2025-04-01T12:00:59Z', '2025-04-01T12:07:59Z');
		// start 12:00:59 → 12:00; end 12:07:59 → 12:07: A and B, not C (deleted, and 12:07:45 ≥ 12:07).
		expect(res.ids.sort()).toEqual([a.Id, b.Id].sort());
		expect(res.latestDateCovered).toBe('2025-04-01T12:07:00.000+0000');
		const later = await t.conn.sobject('Task').updated('2025-04-01T12:06:00Z', '2025-04-01T12:40:00Z');
		expect(later.ids).toEqual([]);
		// end in the future is capped at now.
		expect(later.latestDateCovered).toBe('2025-04-01T12:30:00.000+0000');
	},
);

localOnly('getDeleted: deletedRecords with seconds, earliestDateAvailable, latestDateCovered', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2025-04-02T08:00:00Z'));
	renewSession(t);
	const x = org.createTask(org.users.rep.id, {Subject: 'X'});
	org.clock.set(new Date('2025-04-02T08:10:19Z'));
	org.deleteTask(org.users.rep2.id, x.Id);
	org.clock.set(new Date('2025-04-02T09:00:00Z'));
	const res = (await t.conn.sobject('Task').deleted('2025-04-02T08:00:00Z', '2025-04-02T09:00:00Z')) as Rec;
	// The org's clock keeps running at real speed after set(), so on a slow machine the deletion is stamped a
	// millisecond or more after 08:10:19 (seen on a loaded 2-core run: 08:10:19.001). Compare with the time
	// the org recorded: deletedDate carries it to the millisecond, not truncated to the minute like getUpdated.
	const deletedAt = org.tasks.recycleBin.get(x.Id) ?? Number.NaN;
	expect(deletedAt).toBeGreaterThanOrEqual(Date.parse('2025-04-02T08:10:19Z'));
	expect(res['deletedRecords']).toEqual([{id: x.Id, deletedDate: iso(deletedAt).replace('Z', '+0000')}]);
	expect(res['latestDateCovered']).toBe('2025-04-02T09:00:00.000+0000');
	expect(String(res['earliestDateAvailable'])).toMatch(/:00\.000\+0000$/);
	expect(Date.parse(String(res['earliestDateAvailable']).replace('+0000', 'Z'))).toBeLessThan(
		Date.parse('2025-04-02T08:00:00Z'),
	);
	const all = await t.conn.query<Rec>(`SELECT Id, IsDeleted FROM Task WHERE Id = '${x.Id}'`, {scanAll: true});
	expect(all.records.map(r => r['IsDeleted'])).toEqual([true]);
});

localOnly(
	'INVALID_REPLICATION_DATE: end not a minute after start; updated and deleted start > 30 days ago (§14.9)',
	async () => {
		const org = must(t.org);
		org.clock.set(new Date('2025-04-20T00:00:00Z'));
		renewSession(t);
		const get = async (kind: string, s: string, e: string): Promise<{status: number; json: unknown}> =>
			raw(
				t,
				`/services/data/v${API_VERSION}/sobjects/Task/${kind}?start=${encodeURIComponent(s)}&end=${encodeURIComponent(e)}`,
			);
		const same = await get('updated', '2025-04-19T10:00:10Z', '2025-04-19T10:00:50Z');
		expect(same.status).toBe(400);
		expect(same.json).toEqual([
			{message: 'startDate must be at least one minute greater than endDate', errorCode: 'INVALID_REPLICATION_DATE'},
		]);
		expect((await get('updated', '2025-03-20T23:00:00Z', '2025-04-19T00:00:00Z')).status).toBe(400);
		expect((await get('updated', '2025-03-21T00:00:00Z', '2025-04-19T00:00:00Z')).status).toBe(200);
		const tooOld = await get('deleted', '2025-03-20T23:59:00Z', '2025-04-19T00:00:00Z');
		expect(tooOld.json).toEqual([
			{message: 'startDate cannot be more than 30 days ago', errorCode: 'INVALID_REPLICATION_DATE'},
		]);
		// Older than the 15-day delete log but within 30 days: accepted (earliestDateAvailable says what is kept).
		expect((await get('deleted', '2025-03-21T00:00:00Z', '2025-04-19T00:00:00Z')).status).toBe(200);
		expect((await get('deleted', '2025-04-05T00:00:00Z', '2025-04-19T00:00:00Z')).status).toBe(200);
		const e = await get('deleted', '2025-04-05T00:00:00Z', 'garbage');
		expect((e.json as Rec[])[0]?.['errorCode']).toBe('INVALID_REPLICATION_DATE');
	},
);

localOnly(
	'the recycle bin keeps deleted Tasks 15 days on the org clock, then purges them and earliestDateAvailable moves',
	async () => {
		const org = must(t.org);
		org.clock.set(new Date('2025-05-01T10:00:00Z'));
		renewSession(t);
		const y = org.createTask(org.users.rep.id, {Subject: 'Y'});
		org.deleteTask(org.users.rep.id, y.Id);
		org.clock.advance(14 * 86_400_000);
		renewSession(t);
		expect(org.getTask(y.Id)?.IsDeleted).toBe(true);
		const d1 = (await t.conn
			.sobject('Task')
			.deleted(iso(Date.parse('2025-05-01T09:00:00Z')), iso(org.clock.nowMs()))) as {
			deletedRecords: {id: string}[];
			earliestDateAvailable: string;
		};
		expect(d1.deletedRecords.map(r => r.id)).toContain(y.Id);
		org.clock.advance(2 * 86_400_000);
		renewSession(t);
		expect(org.getTask(y.Id)).toBeUndefined();
		const qa = await t.conn.query(`SELECT Id FROM Task WHERE Id = '${y.Id}'`, {scanAll: true});
		expect(qa.totalSize).toBe(0);
		const d2 = (await t.conn
			.sobject('Task')
			.deleted(iso(org.clock.nowMs() - 14 * 86_400_000), iso(org.clock.nowMs()))) as {
			deletedRecords: unknown[];
			earliestDateAvailable: string;
		};
		expect(d2.earliestDateAvailable).toBe('2025-05-01T10:01:00.000+0000');
	},
);

localOnly('purgeRecycleBin() and undeleteTask() act like emptying the bin and SOAP undelete', async () => {
	const org = must(t.org);
	const z = org.createTask(org.users.rep.id, {Subject: 'Z'});
	org.deleteTask(org.users.rep.id, z.Id);
	expect(org.undeleteTask(z.Id).IsDeleted).toBe(false);
	expect((await t.conn.query(`SELECT Id FROM Task WHERE Id = '${z.Id}'`)).totalSize).toBe(1);
	org.deleteTask(org.users.rep.id, z.Id);
	const before = org.tasks.earliestDeletedAvailable;
	expect(org.purgeRecycleBin()).toBeGreaterThanOrEqual(1);
	expect(org.getTask(z.Id)).toBeUndefined();
	expect(org.tasks.earliestDeletedAvailable).toBeGreaterThan(before);
});

localOnly(
	'closed Tasks are archived after 365 days (by ActivityDate, or CreatedDate when undated); open ones never',
	async () => {
		const org = must(t.org);
		org.clock.set(new Date('2025-06-01T12:00:00Z'));
		renewSession(t);
		const dated = org.createTask(org.users.rep.id, {Subject: 'Dated', ActivityDate: '2025-06-01', Status: 'Completed'});
		const undated = org.createTask(org.users.rep.id, {Subject: 'Undated', Status: 'Completed'});
		const open = org.createTask(org.users.rep.id, {Subject: 'Open', ActivityDate: '2025-06-01'});
		org.clock.advance(364 * 86_400_000);
		renewSession(t);
		expect(org.getTask(dated.Id)?.IsArchived).toBe(false);
		org.clock.advance(2 * 86_400_000);
		renewSession(t);
		expect([
			org.getTask(dated.Id)?.IsArchived,
			org.getTask(undated.Id)?.IsArchived,
			org.getTask(open.Id)?.IsArchived,
		]).toEqual([true, true, false]);
		const visible = await t.conn.query<Rec>(`SELECT Subject FROM Task WHERE Subject IN ('Dated', 'Undated', 'Open')`);
		expect(visible.records.map(r => r['Subject'])).toEqual(['Open']);
		const all = await t.conn.query<Rec>(
			`SELECT Subject, IsArchived FROM Task WHERE Subject IN ('Dated', 'Undated', 'Open') ORDER BY Subject`,
			{scanAll: true},
		);
		expect(all.records.map(r => [r['Subject'], r['IsArchived']])).toEqual([
			['Dated', true],
			['Open', false],
			['Undated', true],
		]);
		// Archived rows can still be updated; IsArchived itself can't be set.
		await t.conn.sobject('Task').update({Id: dated.Id, Description: 'still editable'});
		expect(org.getTask(dated.Id)?.Description).toBe('still editable');
		expect(
			await t.conn
				.sobject('Task')
				.update({Id: dated.Id, IsArchived: false})
				.catch((e: unknown) => (e as {errorCode?: string}).errorCode),
		).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	},
);
