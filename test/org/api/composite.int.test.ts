// Contract: sObject Collections, /composite and /composite/batch, and how each counts against the API
// allowance (salesforce-facts.md §5, §6).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, failure, localOnly, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {to18} from '../records/ids.js';

type Rec = Record<string, unknown>;
type Res = {id?: string; success: boolean; errors: {statusCode: string; message: string; fields: string[]}[]};
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-05-05T10:00:00Z')});
});
afterAll(() => t.close());
const v = `/services/data/v${API_VERSION}`;
const post = (path: string, body: unknown, method = 'POST'): ReturnType<typeof raw> =>
	raw(t, v + path, {method, headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});

test('collections create/update/delete through jsforce arrays', async () => {
	const created = (await t.conn.sobject('Task').create([{Subject: 'C1'}, {Subject: 'C2'}, {Subject: 'C3'}])) as Res[];
	expect(created.map(r => r.success)).toEqual([true, true, true]);
	const ids = created.map(r => r.id ?? '');
	const updated = (await t.conn.sobject('Task').update(ids.map(Id => ({Id, Priority: 'High'})))) as Res[];
	expect(updated.every(r => r.success)).toBe(true);
	const fetched = (await t.conn.sobject('Task').retrieve(ids, {fields: ['Subject', 'IsHighPriority']})) as Rec[];
	expect(fetched.map(r => [r['Subject'], r['IsHighPriority']])).toEqual([
		['C1', true],
		['C2', true],
		['C3', true],
	]);
	const deleted = (await t.conn.sobject('Task').destroy(ids)) as Res[];
	expect(deleted.map(r => [r.id, r.success])).toEqual(ids.map(id => [id, true]));
});

test('collections report per-record errors keyed statusCode; allOrNone rolls back with ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
	const mixed = await post('/composite/sobjects', {
		allOrNone: false,
		records: [
			{attributes: {type: 'Task'}, Subject: 'ok'},
			{attributes: {type: 'Task'}, Subject: 'x'.repeat(300)},
		],
	});
	expect(mixed.status).toBe(200);
	const [a, b] = mixed.json as Res[];
	expect(a?.success).toBe(true);
	expect(b).toEqual({
		success: false,
		errors: [expect.objectContaining({statusCode: 'STRING_TOO_LONG', fields: ['Subject']})],
	});
	const before = (await t.conn.query('SELECT COUNT() FROM Task')).totalSize;
	const all = await post('/composite/sobjects', {
		allOrNone: true,
		records: [
			{attributes: {type: 'Task'}, Subject: 'rolled'},
			{attributes: {type: 'Task'}, Bogus__c: 1},
		],
	});
	const [c, d] = all.json as Res[];
	expect(c).toMatchObject({
		success: false,
		errors: [
			{
				statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
				message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
				fields: [],
			},
		],
	});
	expect(d?.errors[0]?.statusCode).toBe('INVALID_FIELD');
	expect((await t.conn.query('SELECT COUNT() FROM Task')).totalSize).toBe(before);
	const bad = await raw(t, `${v}/composite/sobjects?ids=${to18('00T000000000000')},nope`, {method: 'DELETE'});
	expect((bad.json as Res[]).map(r => r.errors[0]?.statusCode)).toEqual(['NOT_FOUND', 'MALFORMED_ID']);
});

test('collections refuse more than 200 records; retrieve takes up to 2,000 ids and gives null for missing ones', async () => {
	const tooMany = await post('/composite/sobjects', {
		records: Array.from({length: 201}, () => ({attributes: {type: 'Task'}, Subject: 'x'})),
	});
	expect(tooMany.status).toBe(400);
	const [one] = (await t.conn.sobject('Task').create([{Subject: 'Kept'}])) as Res[];
	const r = await post('/composite/sobjects/Task', {
		ids: [one?.id, to18('00T000000000001')],
		fields: ['Id', 'Subject'],
	});
	expect(r.json).toEqual([
		{attributes: {type: 'Task', url: `${v}/sobjects/Task/${one?.id ?? ''}`}, Id: one?.id, Subject: 'Kept'},
		null,
	]);
	const big = await post('/composite/sobjects/Task', {ids: Array.from({length: 2001}, () => one?.id), fields: ['Id']});
	expect(big.status).toBe(400);
});

test('/composite: @{ref.id} and @{ref.records[0].Id} references, and subrequest statuses', async () => {
	const r = await post('/composite', {
		allOrNone: false,
		compositeRequest: [
			{method: 'POST', url: `${v}/sobjects/Task`, referenceId: 't1', body: {Subject: 'Composite one'}},
			{method: 'PATCH', url: `${v}/sobjects/Task/@{t1.id}`, referenceId: 't2', body: {Status: 'Completed'}},
			{
				method: 'GET',
				url: `${v}/query?q=${encodeURIComponent("SELECT Id, IsClosed FROM Task WHERE Subject = 'Composite one'")}`,
				referenceId: 'q1',
			},
			{method: 'GET', url: `${v}/sobjects/Task/@{q1.records[0].Id}?fields=Subject`, referenceId: 'g1'},
		],
	});
	expect(r.status).toBe(200);
	const out = (
		r.json as {compositeResponse: {httpStatusCode: number; referenceId: string; body: unknown; httpHeaders: Rec}[]}
	).compositeResponse;
	expect(out.map(o => [o.referenceId, o.httpStatusCode])).toEqual([
		['t1', 201],
		['t2', 204],
		['q1', 200],
		['g1', 200],
	]);
	expect(out[0]?.httpHeaders['Location']).toMatch(/\/sobjects\/Task\/00T/);
	expect(out[1]?.body).toBeNull();
	expect(((out[2]?.body as {records: Rec[]}).records[0] ?? {})['IsClosed']).toBe(true);
	expect((out[3]?.body as Rec)['Subject']).toBe('Composite one');
});

test('/composite allOrNone: a failure rolls back and the rest report PROCESSING_HALTED', async () => {
	const r = await post('/composite', {
		allOrNone: true,
		compositeRequest: [
			{method: 'POST', url: `${v}/sobjects/Task`, referenceId: 'a', body: {Subject: 'Should vanish'}},
			{method: 'POST', url: `${v}/sobjects/Task`, referenceId: 'b', body: {Nope__c: 1}},
			{method: 'POST', url: `${v}/sobjects/Task`, referenceId: 'c', body: {Subject: 'Never'}},
		],
	});
	const out = (r.json as {compositeResponse: {httpStatusCode: number; body: Rec[]}[]}).compositeResponse;
	expect(out.map(o => [o.httpStatusCode, o.body[0]?.['errorCode']])).toEqual([
		[400, 'PROCESSING_HALTED'],
		[400, 'INVALID_FIELD'],
		[400, 'PROCESSING_HALTED'],
	]);
	expect((await t.conn.query("SELECT COUNT() FROM Task WHERE Subject = 'Should vanish'")).totalSize).toBe(0);
});

test('/composite/batch runs subrequests with version-relative URLs', async () => {
	const [one] = (await t.conn.sobject('Task').create([{Subject: 'Batched'}])) as Res[];
	const r = await post('/composite/batch', {
		batchRequests: [
			{method: 'PATCH', url: `v${API_VERSION}/sobjects/Task/${one?.id ?? ''}`, richInput: {Priority: 'Low'}},
			{method: 'GET', url: `v${API_VERSION}/sobjects/Task/${one?.id ?? ''}?fields=Priority`},
		],
	});
	expect(r.json).toEqual({
		hasErrors: false,
		results: [
			{statusCode: 204, result: null},
			{statusCode: 200, result: expect.objectContaining({Priority: 'Low'})},
		],
	});
	const halted = await post('/composite/batch', {
		haltOnError: true,
		batchRequests: [
			{method: 'GET', url: `v${API_VERSION}/sobjects/Task/bad`},
			{method: 'GET', url: `v${API_VERSION}/limits`},
		],
	});
	expect((halted.json as {results: {statusCode: number}[]}).results.map(x => x.statusCode)).toEqual([400, 412]);
});

localOnly(
	'API accounting: /composite = 1, /composite/batch = 1 per subrequest, collections = 1, versions list = 0',
	async () => {
		const org = must(t.org);
		org.setApiUsage(0);
		org.resetRequestLog();
		await post('/composite', {
			compositeRequest: [1, 2, 3].map(i => ({method: 'GET', url: `${v}/limits`, referenceId: `l${i}`})),
		});
		expect(org.apiUsage().used).toBe(1);
		await post('/composite/batch', {
			batchRequests: [1, 2, 3].map(() => ({method: 'GET', url: `v${API_VERSION}/limits`})),
		});
		expect(org.apiUsage().used).toBe(4);
		await t.conn.sobject('Task').create([{Subject: 'a'}, {Subject: 'b'}]);
		expect(org.apiUsage().used).toBe(5);
		await raw(t, '/services/data/');
		expect(org.apiUsage().used).toBe(5);
		expect(org.requests.map(r => r.countedAsApi)).toEqual([true, true, true, false]);
		const e = await failure(t.conn.request(`${v}/composite/nope`));
		expect(e.errorCode).toBe('NOT_FOUND');
	},
);
