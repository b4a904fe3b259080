// R37: queues, loss of access and validation rules — the refusals a real org gives a sync client.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, failure, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
type Result = {id?: string; success: boolean; errors: {statusCode: string; message: string; fields: string[]}[]};
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-07-01T10:00:00Z'), frozenClock: true});
});
afterAll(() => t.close());

async function control(method: string, path: string, body?: unknown): Promise<{status: number; json: unknown}> {
	const r = await fetch(`${t.url}/__org__/${path}`, {method, ...(body ? {body: JSON.stringify(body)} : {})});
	return {status: r.status, json: r.status === 204 ? undefined : ((await r.json()) as unknown)};
}

const collections = `/services/data/v${API_VERSION}/composite/sobjects`;
async function updateMany(records: Rec[]): Promise<Result[]> {
	const r = await raw(t, collections, {
		method: 'PATCH',
		body: JSON.stringify({allOrNone: false, records: records.map(r => ({attributes: {type: 'Task'}, ...r}))}),
	});
	return r.json as Result[];
}
const ids = async (soql: string, scanAll = false): Promise<unknown[]> =>
	(await t.conn.query<Rec>(soql, scanAll ? {scanAll: true} : {})).records.map(r => r['Id']);

test('R37: a Task moved to a queue by the control API bumps its stamps and disappears for a non-member', async () => {
	const org = must(t.org);
	const task = org.createTask(t.userId, {Subject: 'Queue me'});
	const q = await control('POST', 'queues', {name: 'Inside Sales', members: ['rep2']});
	const queueId = String((q.json as Rec)['id']);
	expect(queueId.startsWith('00G')).toBe(true);
	org.clock.advance(3_000);
	const moved = await control('POST', `tasks/${task.Id}/owner`, {ownerId: queueId});
	expect(moved.status).toBe(200);
	const row = must(org.getTask(task.Id));
	expect(row.OwnerId).toBe(queueId);
	expect(row.SystemModstamp).toBe(task.SystemModstamp + 3_000);
	expect(row.LastModifiedDate).toBe(task.LastModifiedDate + 3_000);
	expect(await ids(`SELECT Id FROM Task WHERE Id = '${task.Id}'`)).toEqual([]);
	expect(await ids(`SELECT Id FROM Task WHERE Id = '${task.Id}'`, true)).toEqual([]);
	const get = await raw(t, `/services/data/v${API_VERSION}/sobjects/Task/${task.Id}`);
	expect([get.status, (get.json as Rec[])[0]?.['errorCode']]).toEqual([404, 'NOT_FOUND']);
	// The queue member still sees it.
	const sid2 = org.createSession(org.users.rep2.id);
	const r2 = await raw({url: t.url, sid: sid2}, `/services/data/v${API_VERSION}/sobjects/Task/${task.Id}`);
	expect(r2.status).toBe(200);
});

test('R37: access none hides the row and refuses writes per record; read-only refuses writes only', async () => {
	const org = must(t.org);
	const hidden = org.createTask(t.userId, {Subject: 'Hidden'});
	const readOnly = org.createTask(t.userId, {Subject: 'Read only'});
	const fine = org.createTask(t.userId, {Subject: 'Fine'});
	await control('POST', `tasks/${hidden.Id}/access`, {userId: 'rep', access: 'none'});
	await control('POST', `tasks/${readOnly.Id}/access`, {userId: t.userId, access: 'read'});
	const visible = await ids(`SELECT Id FROM Task WHERE Subject IN ('Hidden', 'Read only', 'Fine')`);
	expect(visible.sort()).toEqual([readOnly.Id, fine.Id].sort());
	const res = await updateMany([
		{id: hidden.Id, Priority: 'High'},
		{id: readOnly.Id, Priority: 'High'},
		{id: fine.Id, Priority: 'High'},
	]);
	expect(res.map(r => [r.success, r.errors[0]?.statusCode])).toEqual([
		[false, 'INSUFFICIENT_ACCESS_OR_READONLY'],
		[false, 'INSUFFICIENT_ACCESS_OR_READONLY'],
		[true, undefined],
	]);
	expect(res[0]?.errors[0]?.message).toBe('insufficient access rights on object id');
	const e = await failure(t.conn.sobject('Task').destroy(readOnly.Id));
	expect(e.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
	expect(org.getTask(readOnly.Id)?.Priority).toBe('Normal');
	expect(org.getTask(fine.Id)?.Priority).toBe('High');
	const got = (await t.conn.sobject('Task').retrieve(readOnly.Id)) as Rec;
	expect(got['Subject']).toBe('Read only');
});

test('R37: private sharing hides another user’s Tasks; default (public) sharing shows them', async () => {
	const org = must(t.org);
	const theirs = org.createTask(org.users.rep2.id, {Subject: 'Sam private'});
	expect(await ids(`SELECT Id FROM Task WHERE Id = '${theirs.Id}'`)).toEqual([theirs.Id]);
	await control('POST', 'sharing', {model: 'private'});
	expect(await ids(`SELECT Id FROM Task WHERE Id = '${theirs.Id}'`)).toEqual([]);
	await control('POST', `tasks/${theirs.Id}/access`, {userId: 'rep', access: 'read'});
	expect(await ids(`SELECT Id FROM Task WHERE Id = '${theirs.Id}'`)).toEqual([theirs.Id]);
	await control('POST', 'sharing', {model: 'public'});
});

test('R37: a validation rule fails matching records per record with FIELD_CUSTOM_VALIDATION_EXCEPTION; removed, it stops', async () => {
	const org = must(t.org);
	const rule = await control('POST', 'validation-rules', {
		name: 'NoHighWithoutComment',
		errorMessage: 'High priority needs a comment',
		field: 'priority',
		when: {field: 'Priority', equals: 'High'},
		on: ['update'],
	});
	expect(rule.status).toBe(201);
	const a = org.createTask(t.userId, {Subject: 'VR a'});
	const b = org.createTask(t.userId, {Subject: 'VR b'});
	const res = await updateMany([
		{id: a.Id, Priority: 'High'},
		{id: b.Id, Subject: 'VR b renamed'},
	]);
	expect(res[0]).toEqual({
		id: a.Id,
		success: false,
		errors: [
			{statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'High priority needs a comment', fields: ['Priority']},
		],
	});
	expect(res[1]?.success).toBe(true);
	const single = await raw(t, `/services/data/v${API_VERSION}/sobjects/Task/${a.Id}`, {
		method: 'PATCH',
		body: JSON.stringify({Priority: 'High'}),
	});
	expect([single.status, (single.json as Rec[])[0]?.['errorCode']]).toEqual([400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION']);
	// 'on: update' only: a create with High passes.
	const created = (await t.conn.sobject('Task').create({Subject: 'VR c', Priority: 'High'})) as {success: boolean};
	expect(created.success).toBe(true);
	await control('POST', 'validation-rules', {name: 'Always', errorMessage: 'Frozen', when: 'always', on: ['create']});
	const e = await failure(t.conn.sobject('Task').create({Subject: 'VR d'}));
	expect([e.errorCode, e.message]).toEqual(['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Frozen']);
	expect((await control('DELETE', 'validation-rules/NoHighWithoutComment')).status).toBe(204);
	expect((await control('DELETE', 'validation-rules/Always')).status).toBe(204);
	expect((await updateMany([{id: a.Id, Priority: 'High'}]))[0]?.success).toBe(true);
});
