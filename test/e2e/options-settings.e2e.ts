import {readFile} from 'node:fs/promises';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ask, enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

// The settings page (R3, R7, R23, R25) in real Chromium against the local org: connected account and
// history, export, turning sync off (no more traffic), and disconnect (local data of that partition gone).

let scenario: SyncScenario;
let settings: Page;
let repId: string;

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	repId = scenario.org.users.rep.id;
	scenario.org.createTask(repId, {Subject: 'Call Ana back', ActivityDate: localDate(0), OwnerId: repId});
});

afterAll(async () => {
	await scenario.close();
});

test('R23: the connected org and user, API usage and the sync history', async () => {
	settings = await enableSyncInSettings(scenario);
	await expect.poll(async () => settings.getByText('Rita Rep (rep@tickler-demo.example)').count()).toBe(1);
	// Issue 20: success is said, at the top, and the account follows it.
	await expect
		.poll(async () => settings.locator('#sync-state').textContent())
		.toBe('Sync is on for rep@tickler-demo.example.');
	expect((await settings.locator('h2').allTextContents()).slice(0, 2)).toEqual(['Sync', 'Salesforce account']);
	await expect.poll(async () => settings.getByText(/tickler-demo\.my\.salesforce\.com · 00D/).count()).toBe(1);
	await expect.poll(async () => settings.getByText(/requests in the last 24 hours/).count()).toBe(1);
	const history = settings.getByRole('table').filter({hasText: 'API requests'});
	await expect.poll(async () => history.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('1');
});

test('R25: the export holds the reminders and never the session id; neither does extension storage', async () => {
	const [download] = await Promise.all([
		settings.waitForEvent('download'),
		settings.getByRole('button', {name: 'Export local data (JSON)'}).click(),
	]);
	const text = await readFile(await download.path(), 'utf8');
	const data = JSON.parse(text) as {format: string; reminders: Array<{name: string}>};
	expect(data.format).toBe('tickler-export');
	expect(data.reminders.map(reminder => reminder.name)).toEqual(['Call Ana back']);
	const sids = scenario.org.sessions.list().map(session => session.sid);
	expect(sids.length).toBeGreaterThan(0);
	const worker = scenario.session.context.serviceWorkers()[0]!;
	const stored = await worker.evaluate(async () =>
		JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]),
	);
	for (const sid of sids) {
		expect(text).not.toContain(sid);
		expect(stored).not.toContain(sid);
		expect(stored).not.toContain(sid.split('!')[1]);
	}
});

test('R7: turning sync off stops all Salesforce traffic at once; nothing local is deleted', async () => {
	await settings.getByRole('checkbox', {name: 'Sync reminders with Salesforce Tasks'}).uncheck();
	const before = scenario.org.requests.length;
	const {page: popup} = await scenario.session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popup.getByText('Sync is off — turn it on in Settings').count()).toBe(1);
	await expect.poll(async () => popupNames(popup)).toEqual(['Call Ana back']);
	expect(await ask(popup, 'requestSync', {reason: 'user'})).toEqual({ok: true, value: {queued: false}});
	const worker = scenario.session.context.serviceWorkers()[0]!;
	await expect.poll(async () => worker.evaluate(async () => chrome.alarms.get('sync-tick'))).toBeUndefined();
	expect(scenario.org.requests.length).toBe(before);
	await popup.close();
});

test('Disconnect asks first, then forgets this org’s local data; the Tasks in Salesforce stay', async () => {
	await settings.getByRole('button', {name: 'Disconnect…'}).click();
	await expect
		.poll(async () => settings.getByRole('group', {name: 'Confirm disconnect'}).textContent())
		.toContain('deletes the 1 reminder of rep@tickler-demo.example');
	await settings.getByRole('button', {name: 'Disconnect and delete local data'}).click();
	await expect
		.poll(async () => settings.locator('#sync-state').textContent())
		.toBe('Sync is off. Sign in to Salesforce in a tab, then tick the box. Sign in to Salesforce');
	const {page: popup} = await scenario.session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popup.getByText('Nothing due today').count()).toBe(1);
	expect(scenario.org.listTasks({ownerId: repId}).map(task => task.Subject)).toEqual(['Call Ana back']);
});
