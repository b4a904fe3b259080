import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

// Issue 20, item 2, in real Chromium against the local org (R59): reminders written before sync was on exist only
// on this computer. The popup offers Send for them; Disconnect counts them and offers "Send them first" before
// anything is deleted — and nothing of the rep's is lost.

let scenario: SyncScenario;
let popup: Page;
let settings: Page;
let repId: string;

const repTasks = (subject: string) =>
	scenario.org.listTasks({ownerId: repId}).filter(task => task.Subject === subject && !task.IsDeleted);

async function addInPopup(name: string): Promise<void> {
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill(name);
	await popup.getByLabel('Due date').fill(localDate(0));
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(async () => popup.getByRole('form').count()).toBe(0);
}

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	repId = scenario.org.users.rep.id;
});

afterAll(async () => {
	await scenario.close();
});

test('R59/R5: the popup sends a local-only reminder on purpose', async () => {
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await addInPopup('Idea for Acme');
	await addInPopup('Call the printer');
	settings = await enableSyncInSettings(scenario);
	await popup.reload();
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Call the printer', 'Idea for Acme']);
	expect(repTasks('Idea for Acme')).toEqual([]);
	await popup
		.locator('.reminder', {hasText: 'Idea for Acme'})
		.getByRole('button', {name: 'Send to Salesforce'})
		.click();
	await popup.getByRole('button', {name: 'Send', exact: true}).click();
	await expect.poll(() => repTasks('Idea for Acme').length, {timeout: 20_000}).toBe(1);
	expect(repTasks('Call the printer')).toEqual([]);
});

test('R59: Disconnect counts what exists only here and offers "Send them first"; after it, nothing is lost', async () => {
	await settings.reload();
	await settings.getByRole('button', {name: 'Disconnect…'}).click();
	const confirm = settings.getByRole('group', {name: 'Confirm disconnect'});
	await expect
		.poll(async () => confirm.textContent())
		.toContain('1 reminder exists only on this computer: disconnecting now deletes it for good.');
	expect(await confirm.getByRole('button', {name: 'Export'}).count()).toBe(1);
	await confirm.getByRole('button', {name: 'Send them first'}).click();
	await expect.poll(() => repTasks('Call the printer').length, {timeout: 20_000}).toBe(1);
	// The card follows the store: nothing is left only here, so it is the plain confirmation again.
	await expect.poll(async () => confirm.textContent(), {timeout: 15_000}).not.toContain('only on this computer');
	await confirm.getByRole('button', {name: 'Disconnect and delete local data'}).click();
	await expect
		.poll(async () => settings.locator('#sync-state').textContent())
		.toBe('Sync is off. Sign in to Salesforce in a tab, then tick the box. Sign in to Salesforce');
	expect(repTasks('Idea for Acme')).toHaveLength(1);
	expect(repTasks('Call the printer')).toHaveLength(1);
});
