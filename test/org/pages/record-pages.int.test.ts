// R34: the local org's Account, Contact, Lead and Opportunity pages — the record view behind the Lightning-like
// page, the Lightning shell on `/lightning/r/<Object>/<id>/view`, and Classic `/<id>` with its title block
// (salesforce-facts.md §8, §13.4). Local org only: these are not REST routes.
import {afterAll, beforeAll, expect} from 'vitest';
import {httpCall, localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';

let t: Target;
const MY = 'tickler-demo.my.salesforce.com';
const LX = 'tickler-demo.lightning.force.com';
beforeAll(async () => {
	t = await openTarget({now: new Date('2026-03-05T10:00:00Z')});
});
afterAll(() => t.close());

localOnly('R34: a record view names the record, links its related records and lists the Tasks about it', async () => {
	const org = must(t.org);
	const sid = org.createSession(org.users.rep.id, 'lightning');
	const acme = org.insertRecord('Account', {Name: 'Acme <Corp>'});
	const ana = org.insertRecord('Contact', {FirstName: 'Ana', LastName: 'Ruiz', AccountId: acme});
	const deal = org.insertRecord('Opportunity', {Name: 'Acme deal', StageName: 'Prospecting', AccountId: acme});
	org.createTask(org.users.rep.id, {Subject: 'Call Ana', WhoId: ana});
	const h = {Host: LX, Cookie: `sid=${sid}`};
	const contact = JSON.parse((await httpCall(t.url, `/_ui/api/records/${ana}`, h)).text) as Record<string, unknown>;
	expect(contact).toMatchObject({Id: ana, object: 'Contact', Name: 'Ana Ruiz'});
	expect(contact['links']).toEqual([{label: 'Account', object: 'Account', id: acme, name: 'Acme <Corp>'}]);
	expect(contact['tasks']).toMatchObject([{Subject: 'Call Ana'}]);
	const account = JSON.parse((await httpCall(t.url, `/_ui/api/records/${acme.slice(0, 15)}`, h)).text) as {
		links: Array<{id: string}>;
	};
	expect(account.links.map(l => l.id).toSorted()).toEqual([ana, deal].toSorted());
	expect((await httpCall(t.url, `/_ui/api/records/00T000000000001AAA`, h)).status).toBe(404);
	expect((await httpCall(t.url, `/_ui/api/records/${ana}`, {Host: LX})).status).toBe(401);
	const shell = await httpCall(t.url, `/lightning/r/Contact/${ana}/view`, h);
	expect(shell.status).toBe(200);
	expect(shell.text).toContain('data-testid="lightning-app"');
});

localOnly('R34: a Classic record page has the title block with the record name, escaped', async () => {
	const org = must(t.org);
	const sid = org.createSession(org.users.rep.id, 'api');
	const lead = org.insertRecord('Lead', {FirstName: '<b>Lena</b>', LastName: 'Lead', Company: 'Initech'});
	const page = await httpCall(t.url, `/${lead.slice(0, 15)}`, {Host: MY, Cookie: `sid=${sid}`});
	expect(page.status).toBe(200);
	expect(page.text).toContain('class="bPageTitle"');
	expect(page.text).toContain('&lt;b&gt;Lena&lt;/b&gt; Lead');
	expect(page.text).not.toContain('<b>Lena</b>');
});
