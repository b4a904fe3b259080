/** R33 against the local org over HTTP: related records (WhoId/WhatId) round-trip; names are read, never written. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import {deleteRelatedRecord, mergeRelatedRecords} from '../org/records/related-records.js';
import {startHarness, type Harness} from './harness.js';
import {wrapPort} from './port-wrappers.js';

let h: Harness;
let contact: string;
let otherContact: string;
let opportunity: string;
beforeEach(async () => {
	h = await startHarness();
	const account = h.org.insertRecord('Account', {Name: 'Acme Corp'});
	contact = h.org.insertRecord('Contact', {FirstName: 'Carla', LastName: 'Rossi', AccountId: account});
	otherContact = h.org.insertRecord('Contact', {FirstName: 'Carla', LastName: 'Rossi-Dup', AccountId: account});
	opportunity = h.org.insertRecord('Opportunity', {Name: 'Acme Renewal', StageName: 'Prospecting', AccountId: account});
});
afterEach(async () => {
	await h.close();
});

const task = (subject: string) => h.repTaskNamed(subject);

/** Every SOQL query and every write payload the engine sends from now on. */
function spy(): {queries: string[]; writes: TaskWrite[]} {
	const seen = {queries: [] as string[], writes: [] as TaskWrite[]};
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'query') seen.queries.push(String(call.args[0]));
			if (call.method === 'createTasks' || call.method === 'updateTasks')
				seen.writes.push(...(call.args[0] as TaskWrite[]));
			return undefined;
		},
	});
	return seen;
}

test('R33: imported Tasks keep WhoId/WhatId and their names, read in the same query as the rows', async () => {
	for (let i = 0; i < 5; i++) h.org.createTask(h.repId, {Subject: `call ${i}`, WhoId: contact, WhatId: opportunity});
	h.org.createTask(h.repId, {Subject: 'alone'});
	await h.enable();
	const seen = spy();
	await h.sync();
	const call = await h.reminderNamed('call 3');
	expect(call).toMatchObject({
		whoId: contact,
		whatId: opportunity,
		who: {name: 'Carla Rossi', type: 'Contact'},
		what: {name: 'Acme Renewal', type: 'Opportunity'},
	});
	const alone = await h.reminderNamed('alone');
	expect(alone).toMatchObject({whoId: null, whatId: null});
	expect(alone.who).toBeUndefined();
	// One pull query names the relationship fields; no query (nor any other request) per reminder.
	const pulls = seen.queries.filter(q => q.includes('Who.Name'));
	expect(pulls).toHaveLength(1);
	expect(pulls[0]).toContain('What.Name');
	expect(seen.queries.some(q => /FROM (Contact|Opportunity|Name)\b/.test(q))).toBe(false);
	expect(h.org.requests.some(r => /sobjects\/(Contact|Opportunity)/.test(r.path))).toBe(false);
});

test('R33: a reminder about someone becomes a Task with that WhoId/WhatId; ids sync both ways; TaskWhoIds never sent', async () => {
	await h.enable();
	const seen = spy();
	const r = await addReminder(
		h.db,
		{name: 'follow up', whoId: contact.slice(0, 15), whatId: opportunity},
		{now: h.clock.now()},
	);
	expect(r.whoId).toBe(contact); // widened to 18 characters
	await h.sync();
	expect(task('follow up')).toMatchObject({WhoId: contact, WhatId: opportunity});
	await h.sync();
	expect(await h.reminderNamed('follow up')).toMatchObject({who: {name: 'Carla Rossi'}, what: {name: 'Acme Renewal'}});

	await editReminder(h.db, r.id, {whoId: otherContact}, {now: h.clock.now()});
	await h.sync();
	expect(task('follow up').WhoId).toBe(otherContact);
	await editReminder(h.db, r.id, {whoId: null, whatId: null}, {now: h.clock.now()});
	await h.sync();
	expect(task('follow up')).toMatchObject({WhoId: null, WhatId: null});
	expect(seen.writes.length).toBeGreaterThanOrEqual(3);
	for (const write of seen.writes) expect(Object.keys(write)).not.toContain('TaskWhoIds');

	// A Salesforce edit of the ids comes back.
	h.org.updateTask(h.repId, task('follow up').Id, {WhoId: contact});
	await h.sync();
	expect(await h.reminderNamed('follow up')).toMatchObject({whoId: contact, who: {name: 'Carla Rossi'}});
});

test('R33: a Contact merged in Salesforce moves the Task and the reminder to the surviving Contact', async () => {
	h.org.createTask(h.repId, {Subject: 'about the dup', WhoId: otherContact});
	await h.enable();
	await h.sync();
	const before = task('about the dup').SystemModstamp;
	h.org.clock.advance(5_000);
	mergeRelatedRecords(h.org, contact, otherContact);
	expect(task('about the dup').WhoId).toBe(contact);
	expect(task('about the dup').SystemModstamp).toBeGreaterThan(before);
	await h.sync();
	expect(await h.reminderNamed('about the dup')).toMatchObject({whoId: contact, who: {name: 'Carla Rossi'}});
});

test('R33: a Contact deleted in Salesforce clears the Task’s WhoId, and the reminder’s', async () => {
	h.org.createTask(h.repId, {Subject: 'about carla', WhoId: contact, WhatId: opportunity});
	await h.enable();
	await h.sync();
	h.org.clock.advance(5_000);
	deleteRelatedRecord(h.org, contact);
	expect(task('about carla').WhoId).toBeNull();
	await h.sync();
	const r = await h.reminderNamed('about carla');
	expect(r).toMatchObject({whoId: null, whatId: opportunity, what: {name: 'Acme Renewal'}});
	expect(r.who).toBeUndefined();
	expect(r.syncState).toBe('synced');
});

test('R33: a hostile related name is stored as the text it is', async () => {
	const hostile = h.org.insertRecord('Contact', {FirstName: '<img src=x onerror=alert(1)>', LastName: 'Evil'});
	h.org.createTask(h.repId, {Subject: 'hostile', WhoId: hostile});
	await h.enable();
	await h.sync();
	expect((await h.reminderNamed('hostile')).who?.name).toBe('<img src=x onerror=alert(1)> Evil');
});

test('R33/R14: an update refused as "entity is deleted" because of the Contact it points at keeps the reminder when the Task lives', async () => {
	h.org.createTask(h.repId, {Subject: 'keep me', WhoId: contact});
	await h.enable();
	await h.sync();
	const r = await h.reminderNamed('keep me');
	await editReminder(h.db, r.id, {whoId: otherContact}, {now: h.clock.now()});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	// As a real org may answer a WhoId naming a Contact deleted meanwhile (the code is about the reference).
	h.sf = {
		...sf,
		async updateTasks(records) {
			return records.map(write =>
				'WhoId' in write
					? {success: false, errors: [{statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: []}]}
					: {success: true, id: write.Id},
			);
		},
	};
	await h.sync();
	const kept = await h.reminderNamed('keep me');
	expect(kept).toMatchObject({syncState: 'error', error: {code: 'ENTITY_IS_DELETED'}});
	expect(task('keep me').IsDeleted).toBe(false);
});

test('R33/R14: the same refusal for a Task deleted meanwhile still deletes the reminder', async () => {
	const t = h.org.createTask(h.repId, {Subject: 'deleted meanwhile', WhoId: contact});
	await h.enable();
	await h.sync();
	const r = await h.reminderNamed('deleted meanwhile');
	await editReminder(h.db, r.id, {whoId: otherContact}, {now: h.clock.now()});
	const sf = h.sf;
	if (!sf) throw new Error('no port');
	// Deleted in Salesforce between this cycle's pull and its push: the org answers ENTITY_IS_DELETED.
	h.sf = wrapPort(sf, {
		before(call) {
			if (call.method === 'updateTasks') h.org.deleteTask(h.repId, t.Id);
			return undefined;
		},
	});
	await h.sync();
	expect((await h.reminders()).some(x => x.id === r.id && x.deletedAt === undefined)).toBe(false);
});
