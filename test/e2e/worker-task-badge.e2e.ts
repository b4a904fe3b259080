import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ask, enableSyncInSettings, localDate, type SyncScenario, startScenario} from './sync-fixture.js';

// The worker's side of the Task page badge (R24) and of the page-visit sync (R13), through the same
// message the content script sends, with the real worker, real jsforce and the local org.

const DAY = 86_400_000;
let scenario: SyncScenario;
let settings: Page;
const ids = {mine: '', theirs: '', email: '', old: '', late: ''};

async function badge(taskId: string, host = scenario.session.hosts.lightning) {
	const reply = await ask(settings, 'getTaskBadge', {host, taskId});
	expect(reply.ok, JSON.stringify(reply)).toBe(true);
	return reply.value as {state: string; reason?: string; reminderName?: string};
}

async function historyTriggers(): Promise<string[]> {
	return settings.evaluate(async () => {
		const request = indexedDB.open('tickler');
		const db = await new Promise<IDBDatabase>(resolve => {
			request.onsuccess = () => resolve(request.result);
		});
		const rows = await new Promise<Array<{trigger: string}>>(resolve => {
			const all = db.transaction('syncHistory').objectStore('syncHistory').getAll();
			all.onsuccess = () => resolve(all.result as Array<{trigger: string}>);
		});
		db.close();
		return rows.map(row => row.trigger);
	});
}

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	const {org} = scenario;
	const rep = org.users.rep.id;
	const rep2 = org.users.rep2.id;
	ids.mine = org.createTask(rep, {Subject: 'Mine', ActivityDate: localDate(0), OwnerId: rep}).Id;
	ids.theirs = org.createTask(rep2, {Subject: 'Sam’s', ActivityDate: localDate(0), OwnerId: rep2}).Id;
	ids.email = org.createTask(rep, {Subject: 'Logged email', OwnerId: rep, TaskSubtype: 'Email'}).Id;
	const old = Date.now() - 3 * DAY;
	ids.old = org.createTask(
		rep,
		{Subject: 'Old', OwnerId: rep, CreatedDate: old, LastModifiedDate: old, SystemModstamp: old},
		{system: true},
	).Id;
});

afterAll(async () => {
	await scenario.close();
});

test('R24: before sync is on, every Task page says so', async () => {
	({page: settings} = await scenario.session.openExtensionPage('src/options/index.html'));
	expect(await badge(ids.mine)).toMatchObject({state: 'not-linked', reason: 'sync-off'});
});

test('R24: linked, or not linked and why — from the store, or from one Task request', async () => {
	settings = await enableSyncInSettings(scenario);
	expect(await badge(ids.mine)).toMatchObject({state: 'synced', reminderName: 'Mine'});
	// Classic pages carry the 15-character id on the My Domain host.
	expect(await badge(ids.mine.slice(0, 15), scenario.session.hosts.myDomain)).toMatchObject({state: 'synced'});
	expect(await badge(ids.theirs)).toMatchObject({state: 'not-linked', reason: 'owned-by-someone-else'});
	expect(await badge(ids.email)).toMatchObject({state: 'not-linked', reason: 'not-a-reminder-type'});
	expect(await badge(ids.old)).toMatchObject({state: 'not-linked', reason: 'created-before-sync'});
	expect(await badge(ids.mine, 'other.lightning.force.com')).toMatchObject({state: 'not-linked', reason: 'other-org'});
});

test('R13: visiting a Task page syncs; a new Task first reads as pending, then as synced', async () => {
	const rep = scenario.org.users.rep.id;
	ids.late = scenario.org.createTask(rep, {
		Subject: 'Created after the first sync',
		ActivityDate: localDate(1),
		OwnerId: rep,
	}).Id;
	const before = (await historyTriggers()).filter(trigger => trigger === 'page-visit').length;
	expect(await badge(ids.late)).toEqual({state: 'pending', reminderName: 'Created after the first sync'});
	// The badge re-asks while the page is open (every 15 s); a pending Task starts a sync once the last cycle
	// is more than a few seconds old (src/background/runner/schedule-policy.ts), so ask again as the content script would.
	await expect
		.poll(
			async () => {
				await badge(ids.late);
				return (await historyTriggers()).filter(trigger => trigger === 'page-visit').length;
			},
			{timeout: 15_000},
		)
		.toBeGreaterThan(before);
	await expect.poll(async () => badge(ids.late), {timeout: 15_000}).toMatchObject({state: 'synced'});
});
