// Issue 9: what the local org does not support it refuses (MALFORMED_QUERY, 404, 405 as Salesforce would), and
// never answers wrongly. Every SOQL construct the parser accepts and every route + method is in one of the
// tables below or in query.int.test.ts; docs/local-org.md "What the local org refuses" is the same list.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, localOnly, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
type ErrorBody = {errorCode: string; message: string}[];
let t: Target;
let taskId = '';
const NOW = new Date('2025-05-14T10:00:00Z'); // Q2 2025 in Rome (the rep's zone)
const V = `/services/data/v${API_VERSION}`;

beforeAll(async () => {
	t = await openTarget({now: NOW});
	if (!t.org) return;
	const {rep, rep2} = t.org.users;
	taskId = t.org.createTask(rep.id, {Subject: 'Refusal A', ActivityDate: '2025-05-20'}).Id;
	t.org.createTask(rep.id, {Subject: 'Refusal B', ActivityDate: null});
	t.org.createTask(rep.id, {Subject: 'Refusal C', ActivityDate: '2025-03-31'});
	t.org.createTask(rep.id, {Subject: 'Refusal D', ActivityDate: '2024-12-31'});
	t.org.createTask(rep2.id, {Subject: 'Refusal E', ActivityDate: '2026-01-01'});
});
afterAll(() => t.close());

const query = (soql: string): ReturnType<typeof raw> => raw(t, `${V}/query?q=${encodeURIComponent(soql)}`);
const subjects = async (soql: string): Promise<string[]> => {
	const res = await query(soql);
	expect(res.status, res.text).toBe(200);
	return (res.json as {records: Rec[]}).records.map(r => String(r['Subject'])).sort();
};

// Constructs real Salesforce runs but the local org does not evaluate: refused, never ignored.
const UNSUPPORTED: [construct: string, soql: string][] = [
	['GROUP BY', 'SELECT Subject, COUNT(Id) FROM Task GROUP BY Subject'],
	['GROUP BY ROLLUP', 'SELECT Subject FROM Task GROUP BY ROLLUP(Subject)'],
	['GROUP BY CUBE', 'SELECT Subject FROM Task GROUP BY CUBE(Subject)'],
	['HAVING', 'SELECT Subject, COUNT(Id) FROM Task GROUP BY Subject HAVING COUNT(Id) > 1'],
	['relationship subquery', 'SELECT Id, (SELECT Id FROM Attachments) FROM Task'],
	['TYPEOF', 'SELECT TYPEOF What WHEN Account THEN Name ELSE Id END FROM Task'],
	['FIELDS(ALL)', 'SELECT FIELDS(ALL) FROM Task LIMIT 200'],
	['FIELDS(STANDARD)', 'SELECT FIELDS(STANDARD) FROM Task'],
	['toLabel()', 'SELECT toLabel(Status) FROM Task'],
	['FORMAT()', 'SELECT FORMAT(ActivityDate) FROM Task'],
	['convertCurrency()', 'SELECT convertCurrency(CallDurationInSeconds) FROM Task'],
	['COUNT_DISTINCT()', 'SELECT COUNT_DISTINCT(Subject) FROM Task'],
	['MAX()', 'SELECT MAX(ActivityDate) FROM Task'],
	['MIN()', 'SELECT MIN(ActivityDate) FROM Task'],
	['SUM()', 'SELECT SUM(CallDurationInSeconds) FROM Task'],
	['AVG()', 'SELECT AVG(CallDurationInSeconds) FROM Task'],
	['date function in SELECT', 'SELECT CALENDAR_YEAR(CreatedDate) FROM Task'],
	['date function in WHERE', 'SELECT Id FROM Task WHERE CALENDAR_YEAR(CreatedDate) = 2025'],
	['DAY_ONLY in WHERE', 'SELECT Id FROM Task WHERE DAY_ONLY(CreatedDate) = 2025-05-14'],
	['function inside parentheses', "SELECT Id FROM Task WHERE (CALENDAR_MONTH(CreatedDate) = 5 AND Subject = 'x')"],
	['function in ORDER BY', 'SELECT Id FROM Task ORDER BY CALENDAR_YEAR(CreatedDate)'],
	['semi-join', 'SELECT Id FROM Task WHERE WhatId IN (SELECT Id FROM Account)'],
	['anti-join', 'SELECT Id FROM Task WHERE WhoId NOT IN (SELECT Id FROM Contact)'],
	['semi-join under OR', "SELECT Id FROM Task WHERE Subject = 'a' OR OwnerId IN (SELECT Id FROM User)"],
	['WITH USER_MODE', 'SELECT Id FROM Task WITH USER_MODE'],
	['WITH SYSTEM_MODE', 'SELECT Id FROM Task WITH SYSTEM_MODE'],
	['WITH DATA CATEGORY', 'SELECT Id FROM Task WITH DATA CATEGORY Geography__c AT usa__c'],
	['FOR VIEW', 'SELECT Id FROM Task FOR VIEW'],
	['FOR REFERENCE', 'SELECT Id FROM Task FOR REFERENCE'],
	['FOR UPDATE', 'SELECT Id FROM Task FOR UPDATE'],
	['UPDATE TRACKING', 'SELECT Id FROM Task UPDATE TRACKING'],
	['UPDATE VIEWSTAT', 'SELECT Id FROM Task UPDATE VIEWSTAT'],
	['USING SCOPE team', 'SELECT Id FROM Task USING SCOPE team'],
	['USING SCOPE delegated', 'SELECT Id FROM Task USING SCOPE delegated'],
	['USING SCOPE mine on an object without owner', 'SELECT Id FROM TaskStatus USING SCOPE mine'],
	['LAST_N_WEEKS', 'SELECT Id FROM Task WHERE ActivityDate = LAST_N_WEEKS:2'],
	['NEXT_N_MONTHS', 'SELECT Id FROM Task WHERE ActivityDate = NEXT_N_MONTHS:2'],
	['N_QUARTERS_AGO', 'SELECT Id FROM Task WHERE ActivityDate = N_QUARTERS_AGO:1'],
	['LAST_N_YEARS', 'SELECT Id FROM Task WHERE ActivityDate = LAST_N_YEARS:1'],
	['THIS_FISCAL_YEAR', 'SELECT Id FROM Task WHERE ActivityDate = THIS_FISCAL_YEAR'],
	['NEXT_N_FISCAL_QUARTERS', 'SELECT Id FROM Task WHERE CreatedDate = NEXT_N_FISCAL_QUARTERS:2'],
];

localOnly.each(UNSUPPORTED)('issue 9: %s is refused with 400 MALFORMED_QUERY', async (_construct, soql) => {
	const res = await query(soql);
	expect(res.status, res.text).toBe(400);
	const [err] = res.json as ErrorBody;
	expect(err?.errorCode).toBe('MALFORMED_QUERY');
	expect(err?.message).toContain('is not supported by the local org');
	expect(Object.keys(err ?? {})).toEqual(['message', 'errorCode']); // recorded MALFORMED_QUERY shape (§2.4)
});

// Queries Salesforce itself refuses; the local org answers with the same status and code.
const INVALID: [what: string, soql: string, errorCode: string, message: string][] = [
	['a non-aggregate field alias', 'SELECT Subject s FROM Task', 'MALFORMED_QUERY', 'only aggregate expressions'],
	['a relationship field alias', 'SELECT Owner.Name n FROM Task', 'MALFORMED_QUERY', 'only aggregate expressions'],
	['a plain field beside COUNT(Id)', 'SELECT COUNT(Id), Subject FROM Task', 'MALFORMED_QUERY', 'grouped or aggregated'],
	['LIMIT on an aggregate without GROUP BY', 'SELECT COUNT(Id) FROM Task LIMIT 1', 'MALFORMED_QUERY', 'LIMIT'],
	['ORDER BY on an aggregate without GROUP BY', 'SELECT COUNT(Id) FROM Task ORDER BY Subject', 'MALFORMED_QUERY', ''],
	['COUNT() beside a field', 'SELECT COUNT(), Id FROM Task', 'MALFORMED_QUERY', ''],
	['an Apex bind variable', 'SELECT Id FROM Task WHERE Subject = :name', 'MALFORMED_QUERY', 'Bind variables only'],
	['HAVING without GROUP BY', 'SELECT COUNT(Id) FROM Task HAVING COUNT(Id) > 1', 'MALFORMED_QUERY', 'HAVING'],
	['ORDER BY a long text area', 'SELECT Id FROM Task ORDER BY Description', 'INVALID_FIELD', 'can not be sorted'],
	['WHERE on a long text area', "SELECT Id FROM Task WHERE Description = 'x'", 'INVALID_FIELD', 'can not be filtered'],
	[
		'INCLUDES on a non-multipicklist',
		"SELECT Id FROM Task WHERE Status INCLUDES ('x')",
		'INVALID_QUERY_FILTER_OPERATOR',
		'',
	],
	[
		'EXCLUDES on a non-multipicklist',
		"SELECT Id FROM Task WHERE Status EXCLUDES ('x')",
		'INVALID_QUERY_FILTER_OPERATOR',
		'',
	],
	[
		'a currency literal on a number field',
		'SELECT Id FROM Task WHERE CallDurationInSeconds > USD10',
		'INVALID_QUERY_FILTER_OPERATOR',
		'',
	],
	['an unknown object', 'SELECT Id FROM Nope__c', 'INVALID_TYPE', "sObject type 'Nope__c' is not supported"],
	['an unknown field', 'SELECT Nope__c FROM Task', 'INVALID_FIELD', "No such column 'Nope__c'"],
	['an unknown relationship', 'SELECT Nope__r.Name FROM Task', 'INVALID_FIELD', "Didn't understand relationship"],
	['OFFSET above 2,000', 'SELECT Id FROM Task OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE', ''],
];

test.each(INVALID)('issue 9: %s gives 400 %s', async (_what, soql, errorCode, message) => {
	const res = await query(soql);
	expect(res.status, res.text).toBe(400);
	const [err] = res.json as ErrorBody;
	expect(err?.errorCode).toBe(errorCode);
	if (!t.org) return; // real org: status and code only
	expect(err?.message).toContain(message);
});

localOnly('issue 9: comparing a boolean with < or LIKE is refused, not ordered false < true', async () => {
	for (const where of ['IsClosed > false', 'IsClosed <= true', "IsClosed LIKE 'x'"]) {
		const res = await query(`SELECT Id FROM Task WHERE ${where}`);
		expect(res.status, where).toBe(400);
		expect((res.json as ErrorBody)[0]?.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
	}
});

// Answered wrongly before issue 9; now evaluated.
localOnly(
	'issue 9: COUNT(field) counts only non-null values; aliases name the column, exprN counts the rest',
	async () => {
		const res = await query(
			"SELECT COUNT(ActivityDate), COUNT(Id) n, COUNT(Subject) FROM Task WHERE Subject LIKE 'Refusal%'",
		);
		expect(res.status, res.text).toBe(200);
		expect(res.json).toEqual({
			totalSize: 1,
			done: true,
			records: [{attributes: {type: 'AggregateResult'}, expr0: 4, n: 5, expr1: 5}],
		});
	},
);

localOnly('issue 9: a FROM alias prefixes fields in SELECT, WHERE and ORDER BY', async () => {
	expect(await subjects("SELECT t.Subject FROM Task t WHERE t.Subject = 'Refusal A' ORDER BY t.Subject")).toEqual([
		'Refusal A',
	]);
	const res = await query("SELECT t.Owner.Name FROM Task t WHERE t.Subject = 'Refusal E'");
	expect((res.json as {records: {Owner: Rec}[]}).records[0]?.Owner['Name']).toBe('Sam Second');
});

localOnly(
	"issue 9: USING SCOPE mine keeps the running user's records; everything and WITH SECURITY_ENFORCED change nothing",
	async () => {
		const all = ['Refusal A', 'Refusal B', 'Refusal C', 'Refusal D', 'Refusal E'];
		const where = "WHERE Subject LIKE 'Refusal%'";
		expect(await subjects(`SELECT Subject FROM Task USING SCOPE mine ${where}`)).toEqual(all.slice(0, 4));
		expect(
			await subjects(`SELECT Subject FROM Task USING SCOPE Mine ${where} AND OwnerId = '${must(t.org).users.rep2.id}'`),
		).toEqual([]);
		expect(await subjects(`SELECT Subject FROM Task USING SCOPE everything ${where}`)).toEqual(all);
		expect(await subjects(`SELECT Subject FROM Task ${where} WITH SECURITY_ENFORCED`)).toEqual(all);
	},
);

localOnly('issue 9: calendar quarter and year literals (Rome, 14 May 2025)', async () => {
	const s = (lit: string): Promise<string[]> =>
		subjects(`SELECT Subject FROM Task WHERE Subject LIKE 'Refusal%' AND ActivityDate = ${lit}`);
	expect(await s('THIS_QUARTER')).toEqual(['Refusal A']);
	expect(await s('LAST_QUARTER')).toEqual(['Refusal C']);
	expect(await s('NEXT_QUARTER')).toEqual([]);
	expect(await s('THIS_YEAR')).toEqual(['Refusal A', 'Refusal C']);
	expect(await s('LAST_YEAR')).toEqual(['Refusal D']);
	expect(await s('NEXT_YEAR')).toEqual(['Refusal E']);
	expect(
		await subjects("SELECT Subject FROM Task WHERE Subject LIKE 'Refusal%' AND ActivityDate < THIS_QUARTER"),
	).toEqual(['Refusal C', 'Refusal D']);
});

// Routes: unknown resources are 404 NOT_FOUND; known resources refuse other methods with 405.
const NOT_FOUND_PATHS: [method: string, path: string][] = [
	['GET', `${V}/nope`],
	['GET', `${V}/sobjects/Nope__c`],
	['PUT', `${V}/sobjects/Nope__c`],
	['GET', `${V}/sobjects/Task/describe/extra`],
	['GET', `${V}/query/01gXX0000000001-2000/extra`],
	['GET', `${V}/limits/extra`],
	['POST', `${V}/composite/tree/Task`],
	['POST', `${V}/composite/graph`],
	['GET', `${V}/composite/batch/extra`],
	['GET', `${V}/search?q=FIND+%7Bx%7D`],
	['GET', `${V}/tooling/query?q=SELECT+Id+FROM+ApexClass`],
	['GET', `${V}/ui-api/records/x`],
	['GET', '/services/data/v99.0/limits'],
	['GET', '/services/data/v62.1/limits'],
	['GET', '/services/apexrest/anything'],
];

test.each(NOT_FOUND_PATHS)('issue 9: %s %s is 404 NOT_FOUND in the recorded shape', async (method, path) => {
	const res = await raw(t, path, {method});
	expect(res.status, res.text).toBe(404);
	expect(res.json).toEqual([{errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'}]);
	if (t.org) expect(res.text).toBe('[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]');
});

const WRONG_METHODS: [method: string, path: () => string, allowed: string][] = [
	['PUT', () => `${V}/sobjects/Task/${taskId}`, 'HEAD,GET,PATCH,DELETE'],
	['POST', () => `${V}/sobjects/Task/${taskId}`, 'HEAD,GET,PATCH,DELETE'],
	['PATCH', () => `${V}/sobjects/Task`, 'HEAD,GET,POST'],
	['DELETE', () => `${V}/sobjects/Task`, 'HEAD,GET,POST'],
	['POST', () => `${V}/sobjects`, 'GET,HEAD'],
	['POST', () => `${V}/sobjects/Task/describe`, 'GET,HEAD'],
	['DELETE', () => `${V}/sobjects/Task/updated?start=2025-05-13T00:00:00Z&end=2025-05-14T00:00:00Z`, 'GET,HEAD'],
	['POST', () => `${V}/sobjects/Task/deleted`, 'GET,HEAD'],
	['POST', () => `${V}/query?q=SELECT+Id+FROM+Task`, 'GET,HEAD'],
	['DELETE', () => `${V}/queryAll?q=SELECT+Id+FROM+Task`, 'GET,HEAD'],
	['POST', () => `${V}/query/01gXX0000000001-2000`, 'GET,HEAD'],
	['DELETE', () => `${V}/limits`, 'GET,HEAD'],
	['POST', () => V, 'GET,HEAD'],
	['PATCH', () => `${V}/composite`, 'GET,HEAD,POST'],
	['GET', () => `${V}/composite/batch`, 'POST'],
	['GET', () => `${V}/composite/sobjects`, 'POST,PATCH,DELETE'],
	['DELETE', () => `${V}/composite/sobjects/Task`, 'GET,POST'],
	['POST', () => '/services/data', 'GET,HEAD'],
];

localOnly.each(WRONG_METHODS)(
	'issue 9: %s on a known resource is 405 METHOD_NOT_ALLOWED',
	async (method, path, allowed) => {
		const res = await raw(t, path(), {
			method,
			body: method === 'GET' ? null : '{}',
			headers: {'Content-Type': 'application/json'},
		});
		expect(res.status, res.text).toBe(405);
		expect(res.text).toBe(
			JSON.stringify([
				{errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${allowed}`},
			]),
		);
		expect(res.headers.get('allow')).toBe(allowed);
	},
);

localOnly('issue 9: a wrong method without a session is still 401, and a 405 counts as an API call', async () => {
	const res = await raw(t, `${V}/sobjects/Task/${taskId}`, {method: 'PUT', auth: null});
	expect(res.status).toBe(401);
	const before = must(t.org).apiUsage().used;
	await raw(t, `${V}/limits`, {method: 'DELETE'});
	expect(must(t.org).apiUsage().used).toBe(before + 1);
});

localOnly('issue 9: HEAD is answered like GET without a body, errors included', async () => {
	const head = await raw(t, `${V}/sobjects/Task/${taskId}`, {method: 'HEAD'});
	expect(head.status).toBe(200);
	expect(head.text).toBe('');
	expect(head.headers.get('content-type')).toBe('application/json;charset=UTF-8');
	expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
	const q = await raw(t, `${V}/query?q=${encodeURIComponent('SELECT Id FROM Task')}`, {method: 'HEAD'});
	expect(q.status).toBe(200);
	const gone = await raw(t, `${V}/sobjects/Task/00T000000000000AAA`, {method: 'HEAD'});
	expect(gone.status).toBe(400); // MALFORMED_ID, as for GET
});

test('issue 9: GET /composite lists the composite resources (REST:resources_composite_composite_get)', async () => {
	const res = await raw(t, `${V}/composite`);
	expect(res.status).toBe(200);
	expect(res.json).toMatchObject({
		batch: `${V}/composite/batch`,
		sobjects: `${V}/composite/sobjects`,
		tree: `${V}/composite/tree`,
	});
});
