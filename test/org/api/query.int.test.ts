// Contract: SOQL over /query and /queryAll, paging through nextRecordsUrl, and query errors (salesforce-facts.md §2).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, connect, failure, localOnly, must, openTarget, raw, renewSession} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
const NOW = new Date('2025-03-10T23:30:00Z'); // 00:30 on 11 March in Rome (rep), 19:30 on 10 March in New York (rep2)

beforeAll(async () => {
	t = await openTarget({now: NOW});
	if (!t.org) return;
	const org = t.org;
	const {rep, rep2} = org.users;
	const acc = org.insertRecord('Account', {Name: 'Acme Corp'});
	const con = org.insertRecord('Contact', {FirstName: 'Carla', LastName: 'Contact', AccountId: acc});
	const mk = (fields: Rec, as = rep.id): string => org.createTask(as, fields).Id;
	mk({Subject: 'Call Acme', ActivityDate: '2025-03-11', WhatId: acc, WhoId: con, Priority: 'High'});
	mk({Subject: 'Email Bob', ActivityDate: '2025-03-10', TaskSubtype: 'Email', Status: 'In Progress'});
	mk({Subject: 'Follow up', ActivityDate: '2025-03-12', Priority: 'Low'});
	mk({Subject: 'No date', ActivityDate: null});
	mk({Subject: "It's done", ActivityDate: '2025-03-01', Status: 'Completed'});
	mk({Subject: 'Rep2 thing', ActivityDate: '2025-03-10'}, rep2.id);
	org.deleteTask(rep.id, mk({Subject: 'Deleted one'}));
	mk({Subject: 'Ancient', ActivityDate: '2023-01-01', Status: 'Completed'});
});
afterAll(() => t.close());

const q = async (soql: string): Promise<Rec[]> => (await t.conn.query<Rec>(soql)).records;
const subjects = async (soql: string): Promise<string[]> => (await q(soql)).map(r => String(r['Subject']));

test('records have attributes and the SELECT fields in order, dateTimes as …SSS+0000', async () => {
	// Works on an empty real org too: make sure one Task exists.
	const probe = (await t.conn.sobject('Task').create({Subject: 'Contract shape probe'})) as {id: string};
	const res = await t.conn.query<Rec>(
		"SELECT Subject, Id, CreatedDate, IsClosed FROM Task WHERE Subject = 'Contract shape probe' LIMIT 1",
	);
	const r = res.records[0] ?? {};
	expect(Object.keys(r)).toEqual(['attributes', 'Subject', 'Id', 'CreatedDate', 'IsClosed']);
	expect(r['attributes']).toEqual({
		type: 'Task',
		url: `/services/data/v${API_VERSION}/sobjects/Task/${String(r['Id'])}`,
	});
	expect(r['CreatedDate']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
	expect(typeof r['IsClosed']).toBe('boolean');
	// Leave the data set as the other tests expect it (and keep a real org tidy): purge the probe.
	await t.conn.sobject('Task').destroy(probe.id);
	t.org?.tasks.recycleBin.delete(probe.id);
	t.org?.store.remove('Task', probe.id);
});

localOnly('WHERE: =, !=, IN, NOT IN, LIKE, null, booleans, AND/OR/NOT with parentheses', async () => {
	const rep = must(t.org).users.rep.id;
	expect(await subjects(`SELECT Subject FROM Task WHERE OwnerId = '${rep}' AND Priority = 'high'`)).toEqual([
		'Call Acme',
	]);
	expect(
		await subjects(
			`SELECT Subject FROM Task WHERE OwnerId = '${rep.slice(0, 15)}' AND Subject LIKE 'e%' ORDER BY Subject`,
		),
	).toEqual(['Email Bob']);
	expect(await subjects(`SELECT Subject FROM Task WHERE Subject LIKE '%o_' ORDER BY Subject`)).toEqual(['Email Bob']);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = null`)).toEqual(['No date']);
	expect(
		(await subjects(`SELECT Subject FROM Task WHERE ActivityDate != null AND IsClosed = false ORDER BY Subject`))
			.length,
	).toBe(4);
	expect(
		await subjects(`SELECT Subject FROM Task WHERE Status IN ('In Progress', 'Completed') ORDER BY Subject`),
	).toEqual(['Email Bob', "It's done"]);
	expect(await subjects(`SELECT Subject FROM Task WHERE Subject = 'It\\'s done'`)).toEqual(["It's done"]);
	expect(
		await subjects(
			`SELECT Subject FROM Task WHERE OwnerId = '${rep}' AND Status NOT IN ('Not Started') ORDER BY Subject`,
		),
	).toEqual(['Email Bob', "It's done"]);
	expect(
		await subjects(
			`SELECT Subject FROM Task WHERE (Priority = 'Low' OR Priority = 'High') AND NOT Subject LIKE 'Call%'`,
		),
	).toEqual(['Follow up']);
	expect(
		await subjects(
			`SELECT Subject FROM Task WHERE NOT (Priority = 'Normal' OR Status = 'Completed') ORDER BY Subject DESC`,
		),
	).toEqual(['Follow up', 'Call Acme']);
	expect(await subjects(`SELECT Subject FROM Task WHERE IsHighPriority = true`)).toEqual(['Call Acme']);
});

localOnly('date literals TODAY/YESTERDAY/TOMORROW/LAST_N_DAYS/NEXT_N_DAYS use the running user time zone', async () => {
	const org = must(t.org);
	// Rep (Europe/Rome): today is 2025-03-11.
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = TODAY`)).toEqual(['Call Acme']);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = YESTERDAY ORDER BY Subject`)).toEqual([
		'Email Bob',
		'Rep2 thing',
	]);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = TOMORROW`)).toEqual(['Follow up']);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = LAST_N_DAYS:1 ORDER BY Subject`)).toEqual([
		'Call Acme',
		'Email Bob',
		'Rep2 thing',
	]);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate = NEXT_N_DAYS:3`)).toEqual(['Follow up']);
	expect(
		await subjects(`SELECT Subject FROM Task WHERE ActivityDate < TODAY AND IsClosed = false ORDER BY Subject`),
	).toEqual(['Email Bob', 'Rep2 thing']);
	expect(await subjects(`SELECT Subject FROM Task WHERE ActivityDate > 2025-03-11`)).toEqual(['Follow up']);
	// Rep2 (America/New_York): today is still 2025-03-10.
	const c2 = connect(t.url, org.createSession(org.users.rep2.id));
	expect(
		(await c2.query<Rec>(`SELECT Subject FROM Task WHERE ActivityDate = TODAY ORDER BY Subject`)).records.map(
			r => r['Subject'],
		),
	).toEqual(['Email Bob', 'Rep2 thing']);
	// dateTime fields: CreatedDate = TODAY is the user's local day as UTC instants.
	expect((await q(`SELECT Id FROM Task WHERE CreatedDate = TODAY`)).length).toBe(6); // 8 created − 1 deleted − 1 archived
	expect((await q(`SELECT Id FROM Task WHERE CreatedDate > 2025-03-10T23:00:00Z`)).length).toBe(6);
	expect(
		(
			await q(
				`SELECT Id FROM Task WHERE CreatedDate > 2025-03-10T23:00:00.000+00:00 AND CreatedDate < 2025-03-11T00:00:00+01:00`,
			)
		).length,
	).toBe(0);
});

localOnly('parent relationships Owner.Name, What.Name, Who.Name, Account.Name', async () => {
	const [r] = await q(
		`SELECT Subject, Owner.Name, What.Name, Who.Name, Account.Name, OwnerId FROM Task WHERE Subject = 'Call Acme'`,
	);
	expect(r?.['Owner']).toMatchObject({attributes: {type: 'Name'}, Name: 'Rita Rep'});
	expect((r?.['What'] as Rec)['Name']).toBe('Acme Corp');
	expect(((r?.['What'] as Rec)['attributes'] as Rec)['url']).toMatch(/\/sobjects\/Account\/001/);
	expect((r?.['Who'] as Rec)['Name']).toBe('Carla Contact');
	expect(r?.['Account']).toMatchObject({attributes: {type: 'Account'}, Name: 'Acme Corp'});
	const [n] = await q(`SELECT What.Name FROM Task WHERE Subject = 'Follow up'`);
	expect(n?.['What']).toBeNull();
	expect(await subjects(`SELECT Subject FROM Task WHERE Owner.Name = 'Sam Second'`)).toEqual(['Rep2 thing']);
});

localOnly('ORDER BY several keys, ASC/DESC, NULLS FIRST/LAST; LIMIT; OFFSET; COUNT()', async () => {
	expect(
		await subjects(
			`SELECT Subject FROM Task WHERE OwnerId = '${must(t.org).users.rep.id}' ORDER BY ActivityDate ASC NULLS LAST, Subject LIMIT 3`,
		),
	).toEqual(["It's done", 'Email Bob', 'Call Acme']);
	expect((await subjects(`SELECT Subject FROM Task ORDER BY ActivityDate DESC NULLS FIRST`))[0]).toBe('No date');
	expect((await subjects(`SELECT Subject FROM Task ORDER BY ActivityDate DESC`))[0]).toBe('Follow up');
	expect((await subjects(`SELECT Subject FROM Task ORDER BY ActivityDate`))[0]).toBe('No date');
	expect(await subjects(`SELECT Subject FROM Task ORDER BY Priority DESC, Subject ASC LIMIT 2 OFFSET 1`)).toEqual([
		"It's done",
		'No date',
	]);
	const count = await t.conn.query('SELECT COUNT() FROM Task WHERE IsClosed = false');
	expect(count.totalSize).toBe(5);
	expect(count.records).toEqual([]);
});

localOnly('query hides deleted and archived Tasks; queryAll shows them with IsDeleted/IsArchived', async () => {
	expect(await subjects(`SELECT Subject FROM Task WHERE Subject IN ('Deleted one', 'Ancient')`)).toEqual([]);
	// jsforce 3 runs queryAll as query(..., {scanAll: true}).
	const all = (
		await t.conn.query<Rec>(
			`SELECT Subject, IsDeleted, IsArchived FROM Task WHERE Subject IN ('Deleted one', 'Ancient') ORDER BY Subject`,
			{scanAll: true},
		)
	).records;
	expect(all.map(r => [r['Subject'], r['IsDeleted'], r['IsArchived']])).toEqual([
		['Ancient', false, true],
		['Deleted one', true, false],
	]);
});

localOnly('TaskStatus, TaskPriority and User are queryable', async () => {
	const st = await q('SELECT ApiName, MasterLabel, IsClosed, IsDefault, SortOrder FROM TaskStatus ORDER BY SortOrder');
	expect(st.map(s => s['ApiName'])).toEqual([
		'Not Started',
		'In Progress',
		'Completed',
		'Waiting on someone else',
		'Deferred',
	]);
	expect(st.find(s => s['IsClosed'] === true)?.['ApiName']).toBe('Completed');
	const pr = await q('SELECT ApiName, IsHighPriority, IsDefault FROM TaskPriority WHERE IsDefault = true');
	expect(pr).toEqual([expect.objectContaining({ApiName: 'Normal', IsHighPriority: false})]);
	const users = await q(`SELECT Id, Name, TimeZoneSidKey FROM User WHERE Id = '${must(t.org).users.rep2.id}'`);
	expect(users[0]?.['TimeZoneSidKey']).toBe('America/New_York');
});

test('query errors: MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE in the recorded shapes', async () => {
	const bad = await raw(t, `/services/data/v${API_VERSION}/query?q=${encodeURIComponent('SELEKT Id FROM Task')}`);
	expect(bad.status).toBe(400);
	expect(bad.json).toEqual([{message: 'unexpected token: SELEKT', errorCode: 'MALFORMED_QUERY'}]);
	const col = await failure(t.conn.query('SELECT Bacon__c FROM Task LIMIT 2'));
	expect(col.errorCode).toBe('INVALID_FIELD');
	expect(col.message).toContain(
		"\nSELECT Bacon__c FROM Task LIMIT 2\n       ^\nERROR at Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Task'.",
	);
	const typ = await failure(t.conn.query('SELECT Id FROM Foo'));
	expect(typ.errorCode).toBe('INVALID_TYPE');
	expect(typ.message).toContain("sObject type 'Foo' is not supported.");
	const empty = await raw(t, `/services/data/v${API_VERSION}/query?q=`);
	expect(empty.json).toEqual([{message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY'}]);
});

localOnly(
	'paging: 2,000-row pages linked by nextRecordsUrl; batchSize header; autoFetch; INVALID_QUERY_LOCATOR',
	async () => {
		const org = must(t.org);
		for (let i = 0; i < 4500; i++) org.createTask(org.users.admin.id, {Subject: `Bulk ${i}`});
		const soql = `SELECT Id, Subject FROM Task WHERE OwnerId = '${org.users.admin.id}' ORDER BY Subject`;
		const first = await t.conn.query<Rec>(soql);
		expect(first.totalSize).toBe(4500);
		expect(first.done).toBe(false);
		expect(first.records.length).toBe(2000);
		// jsforce hands back the URL it resolved; the wire value is relative.
		expect(first.nextRecordsUrl).toMatch(new RegExp(`/services/data/v${API_VERSION}/query/0r8[a-zA-Z0-9]{15}-2000$`));
		const wire = await raw(t, `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
		expect(Object.keys(wire.json as Rec)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
		expect((wire.json as Rec)['nextRecordsUrl']).toMatch(
			new RegExp(`^/services/data/v${API_VERSION}/query/0r8[a-zA-Z0-9]{15}-2000$`),
		);
		const second = await t.conn.queryMore<Rec>(first.nextRecordsUrl ?? '');
		expect(second.totalSize).toBe(4500);
		expect(second.records[0]?.['Subject']).toBe((first.records.length, 'Bulk 2799'));
		const third = await t.conn.queryMore<Rec>(second.nextRecordsUrl ?? '');
		expect(third.done).toBe(true);
		expect(third.records.length).toBe(500);
		expect(third).not.toHaveProperty('nextRecordsUrl');
		// jsforce's autoFetch follows nextRecordsUrl itself.
		const all = await t.conn.query<Rec>(soql).run({autoFetch: true, maxFetch: 10_000});
		expect(all.records.length).toBe(4500);
		expect(new Set(all.records.map(r => r['Id'])).size).toBe(4500);
		// Sforce-Query-Options: batchSize (200–2,000), clamped.
		const small = await raw(t, `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, {
			headers: {'Sforce-Query-Options': 'batchSize=500'},
		});
		expect((small.json as {records: unknown[]}).records.length).toBe(500);
		const tiny = await raw(t, `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, {
			headers: {'Sforce-Query-Options': 'batchSize=10'},
		});
		expect((tiny.json as {records: unknown[]}).records.length).toBe(200);
		// queryAll pages are also reachable under /queryAll/<locator>.
		const qa = await raw(t, `/services/data/v${API_VERSION}/queryAll?q=${encodeURIComponent(soql)}`);
		const loc =
			String((qa.json as Rec)['nextRecordsUrl'])
				.split('/')
				.pop() ?? '';
		expect((await raw(t, `/services/data/v${API_VERSION}/queryAll/${loc}`)).status).toBe(200);
		const badLoc = await raw(t, `/services/data/v${API_VERSION}/query/01gXX0000000000AAA-2000`);
		expect(badLoc.status).toBe(400);
		expect((badLoc.json as Rec[])[0]?.['errorCode']).toBe('INVALID_QUERY_LOCATOR');
		// §14.8: since API 56.0 a locator lives two days, idle or not; then it is INVALID_QUERY_LOCATOR.
		org.clock.advance(16 * 60_000);
		renewSession(t);
		expect((await t.conn.queryMore<Rec>(first.nextRecordsUrl ?? '')).records).toHaveLength(2000);
		org.clock.advance(2 * 86_400_000);
		renewSession(t);
		expect((await failure(t.conn.queryMore(first.nextRecordsUrl ?? ''))).errorCode).toBe('INVALID_QUERY_LOCATOR');
	},
);

localOnly(
	'§14.8: no cap on open cursors since API 56.0 (12 stay usable); before 56.0 at most 10 per user and 15 idle minutes, 01g locators',
	async () => {
		const org = must(t.org);
		renewSession(t);
		org.tasks.oneWrite(() => {
			for (let i = 0; i < 250; i++) org.createTask(org.users.rep2.id, {Subject: `Cursor ${i}`});
		});
		const soql = `SELECT Id FROM Task WHERE OwnerId = '${org.users.rep2.id}'`;
		const open = async (version: string): Promise<string> => {
			const r = await raw(t, `/services/data/v${version}/query?q=${encodeURIComponent(soql)}`, {
				headers: {'Sforce-Query-Options': 'batchSize=200'},
			});
			return String((r.json as Rec)['nextRecordsUrl']);
		};
		const modern: string[] = [];
		for (let i = 0; i < 12; i++) modern.push(await open(API_VERSION));
		expect(modern[0]).toMatch(/\/query\/0r8/);
		for (const next of modern) expect((await raw(t, next)).status).toBe(200);
		const legacy: string[] = [];
		for (let i = 0; i < 11; i++) legacy.push(await open('55.0'));
		expect(legacy[0]).toMatch(/\/v55\.0\/query\/01g/);
		expect((await raw(t, legacy[0] ?? '')).status).toBe(400); // the oldest of 11 was dropped
		expect((await raw(t, legacy[10] ?? '')).status).toBe(200);
		org.clock.advance(16 * 60_000);
		expect((await raw(t, legacy[10] ?? '')).status).toBe(400);
		expect((await raw(t, modern[0] ?? '')).status).toBe(200);
	},
);
