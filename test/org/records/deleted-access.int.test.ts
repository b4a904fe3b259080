// salesforce-facts.md §14.9: getDeleted respects sharing — a deletion is "returned only if the current session
// user has access to" the record (REST API Developer Guide, "sObject Get Deleted"), like getUpdated (R37).
import {afterAll, beforeAll, expect} from 'vitest';
import {API_VERSION, localOnly, must, openTarget, raw} from '../contract-target.js';
import type {Target} from '../contract-target.js';

let t: Target;
const T0 = new Date('2025-07-01T10:00:00Z');
beforeAll(async () => {
	t = await openTarget({now: T0, frozenClock: true});
});
afterAll(() => t.close());

async function deletedIds(sid: string): Promise<string[]> {
	const start = new Date(T0.getTime() - 3_600_000).toISOString();
	const end = new Date(T0.getTime() + 3_600_000).toISOString();
	const r = await raw(
		{url: t.url, sid},
		`/services/data/v${API_VERSION}/sobjects/Task/deleted/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`,
	);
	expect(r.status, r.text).toBe(200);
	return (r.json as {deletedRecords: {id: string}[]}).deletedRecords.map(d => d.id);
}

localOnly('§14.9: a deleted Task the user may not read is left out of /deleted, as it is out of /updated', async () => {
	const org = must(t.org);
	const {rep, rep2, admin} = org.users;
	const mine = org.createTask(rep.id, {Subject: 'mine'});
	const theirs = org.createTask(rep2.id, {Subject: 'theirs'});
	const shared = org.createTask(rep2.id, {Subject: 'shared with me'});
	org.access.sharing = 'private';
	org.access.grant(shared.Id, rep.id, 'read');
	for (const task of [mine, theirs, shared]) org.deleteTask(admin.id, task.Id);
	org.clock.advance(120_000);
	const repSid = org.createSession(rep.id);
	expect((await deletedIds(repSid)).sort()).toEqual([mine.Id, shared.Id].sort());
	expect((await deletedIds(org.createSession(admin.id))).sort()).toEqual([mine.Id, theirs.Id, shared.Id].sort());
	// Public sharing (the default): every user sees every deletion.
	org.access.sharing = 'public';
	expect(await deletedIds(repSid)).toContain(theirs.Id);
});
