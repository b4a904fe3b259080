// R35: recurring Task series — masters, occurrences, refusals, pattern changes and cascade delete
// (salesforce-facts.md §13.5; Task object reference "Usage").
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, failure, localOnly, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {MAX_OCCURRENCES, occurrenceDates} from './recurrence.js';

type Rec = Record<string, unknown>;
let t: Target;
const T0 = new Date('2025-06-02T09:00:00Z'); // a Monday
beforeAll(async () => {
	t = await openTarget({now: T0, frozenClock: true});
});
afterAll(() => t.close());

async function control(path: string, body: unknown): Promise<{status: number; json: Rec}> {
	const r = await fetch(`${t.url}/__org__/${path}`, {method: 'POST', body: JSON.stringify(body)});
	return {status: r.status, json: (await r.json()) as Rec};
}

const weekly = {
	IsRecurrence: true,
	Subject: 'Weekly pipeline review',
	RecurrenceType: 'RecursWeekly',
	RecurrenceInterval: 1,
	RecurrenceDayOfWeekMask: 2 + 16, // Monday and Thursday
	RecurrenceStartDateOnly: '2025-06-02',
	RecurrenceEndDateOnly: '2025-06-15',
};

async function seriesRows(masterId: string): Promise<Rec[]> {
	const q = await t.conn.query<Rec>(
		`SELECT Id, ActivityDate, IsRecurrence, RecurrenceActivityId, Status, IsClosed FROM Task WHERE RecurrenceActivityId = '${masterId}' ORDER BY ActivityDate`,
	);
	return q.records;
}

test('R35: creating a master through the API creates its occurrences: ordinary Tasks pointing at the master', async () => {
	const res = (await t.conn.sobject('Task').create(weekly)) as {id: string};
	const master = (await t.conn.sobject('Task').retrieve(res.id)) as Rec;
	expect(master['IsRecurrence']).toBe(true);
	expect(master['RecurrenceType']).toBe('RecursWeekly');
	const occ = await seriesRows(res.id);
	expect(occ.map(o => o['ActivityDate'])).toEqual(['2025-06-02', '2025-06-05', '2025-06-09', '2025-06-12']);
	for (const o of occ) expect([o['IsRecurrence'], o['RecurrenceActivityId']]).toEqual([false, res.id]);
});

test('R35: IsRecurrence true without the pattern fields is REQUIRED_FIELD_MISSING naming them', async () => {
	const e = await failure(
		t.conn.sobject('Task').create({IsRecurrence: true, Subject: 'x', RecurrenceType: 'RecursWeekly'}),
	);
	expect(e.errorCode).toBe('REQUIRED_FIELD_MISSING');
	expect(e.message).toContain('RecurrenceStartDateOnly');
	expect(e.message).toContain('RecurrenceDayOfWeekMask');
});

test('R35: IsRecurrence and RecurrenceActivityId cannot be written; ActivityDate and Status on a master are refused', async () => {
	const {id} = (await t.conn.sobject('Task').create(weekly)) as {id: string};
	const occ = await seriesRows(id);
	const e1 = await failure(t.conn.sobject('Task').update({Id: id, IsRecurrence: false}));
	expect(e1.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	const e2 = await failure(t.conn.sobject('Task').update({Id: String(occ[0]?.['Id']), RecurrenceActivityId: null}));
	expect(e2.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	const e3 = await failure(t.conn.sobject('Task').create({Subject: 'y', RecurrenceActivityId: id}));
	expect(e3.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	for (const f of [{ActivityDate: '2025-07-01'}, {Status: 'Completed'}]) {
		const e = await failure(t.conn.sobject('Task').update({Id: id, ...f}));
		expect(e.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
	}
	// An occurrence is an ordinary Task: its due date and status can change.
	await t.conn.sobject('Task').update({Id: String(occ[0]?.['Id']), Status: 'Completed', ActivityDate: '2025-06-03'});
	expect((await seriesRows(id))[0]?.['IsClosed']).toBe(true);
});

localOnly(
	'R35: a new pattern deletes the open occurrences (to /deleted) and creates new ids; closed ones stay',
	async () => {
		const org = must(t.org);
		const {id} = (await t.conn.sobject('Task').create(weekly)) as {id: string};
		const before = await seriesRows(id);
		const closedId = String(before[0]?.['Id']);
		await t.conn.sobject('Task').update({Id: closedId, Status: 'Completed'});
		org.clock.advance(5_000);
		await t.conn.sobject('Task').update({Id: id, RecurrenceType: 'RecursDaily', RecurrenceDayOfWeekMask: null});
		const after = await seriesRows(id);
		const openBefore = before.slice(1).map(o => o['Id']);
		for (const o of openBefore) expect(after.map(a => a['Id'])).not.toContain(o);
		expect(after.map(a => a['Id'])).toContain(closedId);
		// 14 daily occurrences 2025-06-02..15, plus the closed one that stayed.
		expect(after.filter(a => a['IsClosed'] === false)).toHaveLength(14);
		org.clock.advance(120_000);
		const now = org.clock.nowMs();
		const del = (await t.conn
			.sobject('Task')
			.deleted(new Date(now - 3_600_000).toISOString(), new Date(now).toISOString())) as {
			deletedRecords: {id: string}[];
		};
		for (const o of openBefore) expect(del.deletedRecords.map(d => d.id)).toContain(o);
		expect(org.tasks.recycleBin.has(String(openBefore[0]))).toBe(true);
	},
);

test('R35: deleting the master deletes every occurrence, closed ones too', async () => {
	const {id} = (await t.conn.sobject('Task').create(weekly)) as {id: string};
	const occ = await seriesRows(id);
	await t.conn.sobject('Task').update({Id: String(occ[0]?.['Id']), Status: 'Completed'});
	await t.conn.sobject('Task').destroy(id);
	expect(await seriesRows(id)).toEqual([]);
	const all = await t.conn.query<Rec>(`SELECT Id, IsDeleted FROM Task WHERE RecurrenceActivityId = '${id}'`, {
		scanAll: true,
	});
	expect(all.records).toHaveLength(occ.length);
	for (const r of all.records) expect(r['IsDeleted']).toBe(true);
});

localOnly(
	'R35: control API creates a series for a user and changes its pattern, returning master + occurrence ids',
	async () => {
		const created = await control('recurrences', {
			userId: 'rep2',
			subject: 'Daily stand-up notes',
			type: 'RecursDaily',
			interval: 2,
			start: '2025-06-02',
			end: '2025-06-10',
		});
		expect(created.status).toBe(200);
		const masterId = String(created.json['masterId']);
		const org = must(t.org);
		expect(org.getTask(masterId)?.OwnerId).toBe(org.users.rep2.id);
		const ids = created.json['occurrenceIds'] as string[];
		expect(ids.map(i => org.getTask(i)?.ActivityDate)).toEqual([
			'2025-06-02',
			'2025-06-04',
			'2025-06-06',
			'2025-06-08',
			'2025-06-10',
		]);
		const changed = await control(`recurrences/${masterId}`, {asUserId: 'rep2', interval: 3});
		const newIds = changed.json['occurrenceIds'] as string[];
		expect(newIds.map(i => org.getTask(i)?.ActivityDate)).toEqual(['2025-06-02', '2025-06-05', '2025-06-08']);
		for (const i of ids) expect(newIds).not.toContain(i);
		const bad = await control('recurrences', {
			subject: 'x',
			type: 'RecursMonthly',
			start: '2025-06-01',
			end: '2025-07-01',
		});
		expect(bad.status).toBe(400);
	},
);

test('R35: patterns — every weekday, monthly by day, monthly nth, and the occurrence cap', () => {
	const base = {RecurrenceStartDateOnly: '2025-06-01', RecurrenceEndDateOnly: '2025-06-10'};
	expect(occurrenceDates({...base, RecurrenceType: 'RecursEveryWeekday', RecurrenceDayOfWeekMask: 62})).toEqual([
		'2025-06-02',
		'2025-06-03',
		'2025-06-04',
		'2025-06-05',
		'2025-06-06',
		'2025-06-09',
		'2025-06-10',
	]);
	const monthly = {
		RecurrenceStartDateOnly: '2025-01-15',
		RecurrenceEndDateOnly: '2025-04-30',
		RecurrenceType: 'RecursMonthly',
		RecurrenceDayOfMonth: 31,
		RecurrenceInterval: 1,
	};
	expect(occurrenceDates(monthly)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
	const nth = {...monthly, RecurrenceType: 'RecursMonthlyNth', RecurrenceDayOfWeekMask: 2, RecurrenceInstance: 'Last'};
	expect(occurrenceDates(nth)).toEqual(['2025-01-27', '2025-02-24', '2025-03-31', '2025-04-28']);
	const long = {
		RecurrenceStartDateOnly: '2025-01-01',
		RecurrenceEndDateOnly: '2026-12-31',
		RecurrenceType: 'RecursDaily',
		RecurrenceInterval: 1,
	};
	expect(occurrenceDates(long)).toHaveLength(MAX_OCCURRENCES);
});

test('R35: describe lists the Recurrence* fields with IsRecurrence create-only and RecurrenceActivityId read-only', async () => {
	const d = await t.conn.sobject('Task').describe();
	const f = (n: string): Rec => d.fields.find(x => x.name === n) ?? {};
	expect([f('IsRecurrence')['createable'], f('IsRecurrence')['updateable']]).toEqual([true, false]);
	expect([f('RecurrenceActivityId')['createable'], f('RecurrenceActivityId')['updateable']]).toEqual([false, false]);
	for (const n of [
		'RecurrenceType',
		'RecurrenceInterval',
		'RecurrenceStartDateOnly',
		'RecurrenceEndDateOnly',
		'RecurrenceDayOfWeekMask',
		'RecurrenceDayOfMonth',
		'RecurrenceTimeZoneSidKey',
	])
		expect([n, f(n)['updateable']]).toEqual([n, true]);
	const r = await raw(t, `/services/data/v${API_VERSION}/sobjects/Task/describe`);
	expect(r.status).toBe(200);
});
