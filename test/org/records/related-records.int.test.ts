// R33: the local org's related records over HTTP — Task WhoId/WhatId checked by key prefix, the polymorphic
// Who/What relationship fields in SOQL (docs/salesforce-facts.md §2.2, §13.4), and the control routes that
// merge or delete a Contact (test/org/records/related-records.ts).
import {afterAll, beforeAll, expect} from 'vitest';
import {localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
beforeAll(async () => {
	t = await openTarget({now: new Date('2026-03-05T09:00:00Z')});
});
afterAll(() => t.close());

async function control(method: string, path: string, body?: unknown): Promise<{status: number; json: Rec | null}> {
	const r = await fetch(`${t.url}/__org__/${path}`, {
		method,
		...(body === undefined ? {} : {body: JSON.stringify(body)}),
	});
	const text = await r.text();
	return {status: r.status, json: text ? (JSON.parse(text) as Rec) : null};
}

async function newRecord(object: string, fields: Rec): Promise<string> {
	const r = await control('POST', 'records', {object, fields});
	expect(r.status).toBe(201);
	return String(r.json?.['id']);
}

async function row(id: string): Promise<Rec> {
	const q = await t.conn.query<Rec>(
		`SELECT Id, WhoId, WhatId, Who.Name, Who.Type, What.Name, What.Type, SystemModstamp FROM Task WHERE Id = '${id}'`,
	);
	return must(q.records[0]);
}

localOnly(
	'R33: Who/What relationship fields come back as nested objects of type Name, null when the id is',
	async () => {
		const contact = await newRecord('Contact', {FirstName: 'Ana', LastName: 'Ruiz'});
		const opp = await newRecord('Opportunity', {Name: 'Big deal', StageName: 'Prospecting'});
		const created = (await t.conn.sobject('Task').create({Subject: 'rel', WhoId: contact, WhatId: opp})) as {
			id: string;
		};
		const r = await row(created.id);
		expect(r['Who']).toMatchObject({attributes: {type: 'Name'}, Name: 'Ana Ruiz', Type: 'Contact'});
		expect((r['Who'] as {attributes: {url: string}}).attributes.url).toContain(`/sobjects/Contact/${contact}`);
		expect(r['What']).toMatchObject({attributes: {type: 'Name'}, Name: 'Big deal', Type: 'Opportunity'});
		const bare = (await t.conn.sobject('Task').create({Subject: 'bare'})) as {id: string};
		const b = await row(bare.id);
		expect(b['Who']).toBeNull();
		expect(b['What']).toBeNull();
	},
);

localOnly('R33: WhoId must be a Contact or Lead and WhatId a record of another kind (key prefix, §7.3)', async () => {
	const account = await newRecord('Account', {Name: 'Acme'});
	const contact = await newRecord('Contact', {LastName: 'Who'});
	await expect(t.conn.sobject('Task').create({Subject: 'x', WhoId: account})).rejects.toThrow(/WhoId|incorrect type/i);
	const created = (await t.conn.sobject('Task').create({Subject: 'x', WhoId: contact, WhatId: account})) as {
		success: boolean;
	};
	expect(created.success).toBe(true);
});

localOnly(
	'R33: merging a Contact re-points its Tasks at the survivor with a new SystemModstamp; deleting one clears WhoId',
	async () => {
		const keep = await newRecord('Contact', {FirstName: 'Keep', LastName: 'Me'});
		const dup = await newRecord('Contact', {FirstName: 'Keep', LastName: 'Me (dup)'});
		const task = (await t.conn.sobject('Task').create({Subject: 'm', WhoId: dup})) as {id: string};
		const before = await row(task.id);
		await control('POST', 'clock', {advanceMs: 3000});
		const merged = await control('POST', `records/${keep}/merge`, {loserId: dup});
		expect(merged.json).toEqual({tasks: [task.id]});
		const after = await row(task.id);
		expect(after['WhoId']).toBe(keep);
		expect(after['Who']).toMatchObject({Name: 'Keep Me'});
		expect(String(after['SystemModstamp']) > String(before['SystemModstamp'])).toBe(true);
		expect((await control('GET', `records/${dup}`)).status).toBe(404);

		await control('POST', 'clock', {advanceMs: 3000});
		expect((await control('DELETE', `records/${keep}`)).status).toBe(204);
		const cleared = await row(task.id);
		expect(cleared['WhoId']).toBeNull();
		expect(cleared['Who']).toBeNull();
		expect(String(cleared['SystemModstamp']) > String(after['SystemModstamp'])).toBe(true);
	},
);
