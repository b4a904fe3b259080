// Contract: sObject Rows for Task — create/retrieve/update/delete and their errors (salesforce-facts.md §3, §3.1).
import {afterAll, beforeAll, expect, test} from 'vitest';
import {API_VERSION, failure, localOnly, must, openTarget, raw, renewSession} from '../contract-target.js';
import {to18} from '../records/ids.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-05-05T10:00:00Z')});
});
afterAll(() => t.close());

const base = `/services/data/v${API_VERSION}/sobjects/Task`;
const create = async (fields: Rec): Promise<string> => {
	const r = (await t.conn.sobject('Task').create(fields)) as {id: string; success: boolean};
	expect(r.success).toBe(true);
	return r.id;
};

test('create is 201 with Location and {id, success, errors}; defaults Status, Priority, OwnerId', async () => {
	const r = await raw(t, base, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({Subject: 'Created raw'}),
	});
	expect(r.status).toBe(201);
	const body = r.json as {id: string; success: boolean; errors: unknown[]};
	expect(body).toEqual({id: expect.stringMatching(/^00T[a-zA-Z0-9]{15}$/), success: true, errors: []});
	expect(r.headers.get('location')).toBe(`${base}/${body.id}`);
	const row = (await t.conn.sobject('Task').retrieve(body.id)) as Rec;
	expect(row['Status']).toBe('Not Started');
	expect(row['Priority']).toBe('Normal');
	expect(row['OwnerId']).toBe(t.userId);
	expect(row['IsClosed']).toBe(false);
	expect(row['TaskSubtype']).toBe('Task');
	expect(row['CreatedDate']).toBe(row['LastModifiedDate']);
	expect(row['LastModifiedById']).toBe(t.userId);
});

test('retrieve returns every field by default and only ?fields= when asked; field names are case-insensitive', async () => {
	const id = await create({subject: 'Case test', ACTIVITYDATE: '2025-05-06', description: 'hello'});
	const all = (await raw(t, `${base}/${id}`)).json as Rec;
	for (const f of [
		'Id',
		'Subject',
		'ActivityDate',
		'Status',
		'Priority',
		'IsHighPriority',
		'OwnerId',
		'Description',
		'IsDeleted',
		'IsClosed',
		'CreatedDate',
		'SystemModstamp',
		'IsArchived',
		'IsRecurrence',
		'TaskSubtype',
	])
		expect(all).toHaveProperty(f);
	expect(all['Subject']).toBe('Case test');
	expect(all['ActivityDate']).toBe('2025-05-06');
	const some = (await raw(t, `${base}/${id}?fields=Subject,activitydate`)).json as Rec;
	expect(Object.keys(some)).toEqual(['attributes', 'Subject', 'ActivityDate']);
	const bad = await raw(t, `${base}/${id}?fields=Nope`);
	expect(bad.status).toBe(400);
	expect((bad.json as Rec[])[0]?.['errorCode']).toBe('INVALID_FIELD');
});

test('update is 204 with no body and no Content-Type; closing sets IsClosed and CompletedDateTime', async () => {
	const id = await create({Subject: 'To close'});
	const r = await raw(t, `${base}/${id}`, {
		method: 'PATCH',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({Status: 'Completed'}),
	});
	expect(r.status).toBe(204);
	expect(r.text).toBe('');
	expect(r.headers.get('content-type')).toBeNull();
	const row = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect(row['IsClosed']).toBe(true);
	expect(row['CompletedDateTime']).toMatch(/\+0000$/);
	const upd = await t.conn.sobject('Task').update({Id: id, Status: 'In Progress', Priority: 'High'});
	expect(upd).toMatchObject({id, success: true});
	const again = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect([again['IsClosed'], again['IsHighPriority'], again['CompletedDateTime']]).toEqual([false, true, null]);
});

test('delete is 204; deleting again is 404 ENTITY_IS_DELETED; GET after delete is 404', async () => {
	const id = await create({Subject: 'To delete'});
	const r = await raw(t, `${base}/${id}`, {method: 'DELETE'});
	expect(r.status).toBe(204);
	const again = await raw(t, `${base}/${id}`, {method: 'DELETE'});
	expect(again.status).toBe(404);
	expect(again.json).toEqual([{message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: []}]);
	expect((await raw(t, `${base}/${id}`)).status).toBe(404);
	expect(
		await t.conn
			.sobject('Task')
			.retrieve(id)
			.catch((e: unknown) => (e as {errorCode?: string}).errorCode),
	).toBe('NOT_FOUND');
});

test('errors: INVALID_FIELD, INVALID_FIELD_FOR_INSERT_UPDATE, STRING_TOO_LONG, JSON_PARSER_ERROR, MALFORMED_ID, NOT_FOUND', async () => {
	const err = async (fields: Rec): Promise<string | undefined> =>
		(await failure(t.conn.sobject('Task').create(fields))).errorCode;
	expect(await err({Equipo: 'x'})).toBe('INVALID_FIELD');
	const ro = await raw(t, base, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({Subject: 'x', IsClosed: true}),
	});
	expect(ro.json).toEqual([
		{
			message:
				'Unable to create/update fields: IsClosed. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
			errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
			fields: ['IsClosed'],
		},
	]);
	expect(await err({Subject: 'x'.repeat(256)})).toBe('STRING_TOO_LONG');
	expect(await err({Subject: 'ok', Description: 'y'.repeat(32_001)})).toBe('STRING_TOO_LONG');
	const long = await raw(t, base, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({Subject: 'z'.repeat(280)}),
	});
	expect(long.json).toEqual([
		{
			message: `Subject: data value too large: ${'z'.repeat(280)} (max length=255)`,
			errorCode: 'STRING_TOO_LONG',
			fields: ['Subject'],
		},
	]);
	expect(await err({ActivityDate: 'not a date'})).toBe('JSON_PARSER_ERROR');
	expect(await err({IsReminderSet: 'yes'})).toBe('JSON_PARSER_ERROR');
	const json = await raw(t, base, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: '{"Subject": ',
	});
	expect((json.json as Rec[])[0]?.['errorCode']).toBe('JSON_PARSER_ERROR');
	expect(await err({TaskSubtype: 'Fax'})).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
	const mal = await raw(t, `${base}/00TBADID`);
	expect(mal.status).toBe(400);
	expect(mal.json).toEqual([
		{message: 'Record ID: id value of incorrect type: 00TBADID', errorCode: 'MALFORMED_ID', fields: ['Id']},
	]);
	const missing = await raw(t, `${base}/${to18('00T000000000000')}`);
	expect(missing.status).toBe(404);
	expect(missing.json).toEqual([{message: 'The requested resource does not exist', errorCode: 'NOT_FOUND'}]);
	expect((await raw(t, `/services/data/v${API_VERSION}/sobjects/NoSuchThing/00T000000000000AAA`)).status).toBe(404);
});

test('15-char ids are accepted; ids come back as 18 chars', async () => {
	const id = await create({Subject: 'Short id'});
	const row = (await raw(t, `${base}/${id.slice(0, 15)}`)).json as Rec;
	expect(row['Id']).toBe(id);
});

test('TaskSubtype and IsRecurrence are create-only; TaskSubtype on update is INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
	const id = await create({Subject: 'Email task', TaskSubtype: 'Email'});
	expect(((await t.conn.sobject('Task').retrieve(id)) as Rec)['TaskSubtype']).toBe('Email');
	const e = await failure(t.conn.sobject('Task').update({Id: id, TaskSubtype: 'Call'}));
	expect(e.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
	const e2 = await raw(t, `${base}/${id}`, {
		method: 'PATCH',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({IsRecurrence: true}),
	});
	expect((e2.json as Rec[])[0]?.['errorCode']).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
});

test('unknown Status/Priority values are accepted and count as open / not high (§3)', async () => {
	const id = await create({Subject: 'Odd', Status: 'Daffy', Priority: 'Foobar'});
	const row = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect([row['Status'], row['IsClosed'], row['Priority'], row['IsHighPriority']]).toEqual([
		'Daffy',
		false,
		'Foobar',
		false,
	]);
});

test('a dateTime string for ActivityDate is truncated to its date (§2.6)', async () => {
	const id = await create({Subject: 'dt for date', ActivityDate: '2019-09-26T16:30:00.000+0000'});
	expect(((await t.conn.sobject('Task').retrieve(id)) as Rec)['ActivityDate']).toBe('2019-09-26');
});

localOnly('If-Unmodified-Since → 412 PRECONDITION_FAILED (not applied); If-Modified-Since → 304', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2025-05-05T10:00:00Z'));
	const id = await create({Subject: 'Conditional'});
	org.clock.set(new Date('2025-05-05T11:00:00Z'));
	org.updateTask(org.users.rep2.id, id, {Subject: 'Changed by rep2'});
	const h = (d: string): Record<string, string> => ({
		'content-type': 'application/json',
		'If-Unmodified-Since': new Date(d).toUTCString(),
	});
	const stale = await raw(t, `${base}/${id}`, {
		method: 'PATCH',
		headers: h('2025-05-05T10:30:00Z'),
		body: JSON.stringify({Subject: 'Mine'}),
	});
	expect(stale.status).toBe(412);
	expect((stale.json as Rec[])[0]?.['errorCode']).toBe('PRECONDITION_FAILED');
	expect(org.getTask(id)?.Subject).toBe('Changed by rep2');
	const fresh = await raw(t, `${base}/${id}`, {
		method: 'PATCH',
		headers: h('2025-05-05T11:00:05Z'),
		body: JSON.stringify({Subject: 'Mine'}),
	});
	expect(fresh.status).toBe(204);
	expect(org.getTask(id)?.Subject).toBe('Mine');
	const lm = org.getTask(id)?.LastModifiedDate ?? 0;
	const notModified = await raw(t, `${base}/${id}`, {
		headers: {'If-Modified-Since': new Date(lm + 1000).toUTCString()},
	});
	expect(notModified.status).toBe(304);
	expect(notModified.text).toBe('');
	const modified = await raw(t, `${base}/${id}`, {headers: {'If-Modified-Since': new Date(lm - 60_000).toUTCString()}});
	expect(modified.status).toBe(200);
});

localOnly('audit fields come from the org clock and SystemModstamp moves on every write', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2025-06-01T08:00:00Z'));
	renewSession(t);
	const id = await create({Subject: 'Clocked'});
	const a = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect(String(a['CreatedDate'])).toMatch(/^2025-06-01T08:00:0\d\.\d{3}\+0000$/);
	org.clock.advance(3_600_000);
	await t.conn.sobject('Task').update({Id: id, Description: 'later'});
	const b = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect(String(b['SystemModstamp'])).toMatch(/^2025-06-01T09:00:0/);
	expect(b['CreatedDate']).toBe(a['CreatedDate']);
});

localOnly('another user edit is visible with LastModifiedById of that user', async () => {
	const org = must(t.org);
	const id = await create({Subject: 'Shared'});
	org.updateTask(org.users.rep2.id, id, {Priority: 'High'});
	const row = (await t.conn.sobject('Task').retrieve(id)) as Rec;
	expect([row['LastModifiedById'], row['IsHighPriority']]).toEqual([org.users.rep2.id, true]);
});

localOnly('a custom closed status and an org with no Completed status derive IsClosed from TaskStatus', async () => {
	const org = must(t.org);
	org.setTaskStatuses([
		{ApiName: 'Open', IsClosed: false, IsDefault: true, SortOrder: 1},
		{ApiName: 'Done', MasterLabel: 'Done!', IsClosed: true, IsDefault: false, SortOrder: 2},
	]);
	const id = await create({Subject: 'Custom'});
	expect(((await t.conn.sobject('Task').retrieve(id)) as Rec)['Status']).toBe('Open');
	await t.conn.sobject('Task').update({Id: id, Status: 'Done'});
	expect(((await t.conn.sobject('Task').retrieve(id)) as Rec)['IsClosed']).toBe(true);
	await t.conn.sobject('Task').update({Id: id, Status: 'Completed'});
	expect(((await t.conn.sobject('Task').retrieve(id)) as Rec)['IsClosed']).toBe(false);
	const st = await t.conn.query<Rec>('SELECT ApiName, MasterLabel, IsClosed FROM TaskStatus WHERE IsClosed = true');
	expect(st.records.map(r => [r['ApiName'], r['MasterLabel']])).toEqual([['Done', 'Done!']]);
});
