import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {expireSession, signIn} from './salesforce-routing.js';
import {enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

// Issue 20, item 1, in real Chromium against the local org (R58): the rep's edit made while signed out loses a
// conflict to a later edit in Salesforce. The row says so, names the field and shows the rep's words; "Keep
// mine" sends them to the Task. Never a silent "Synced".

const SIGN_IN = 'Sign in to Salesforce to resume sync';
const REPLACED = 'Salesforce’s later edit replaced yours: Details.';
let scenario: SyncScenario;
let popup: Page;
let repId: string;
let taskId: string;

const danRow = () => popup.locator('.reminder', {hasText: 'Check in with Dan'});

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	repId = scenario.org.users.rep.id;
	taskId = scenario.org.createTask(repId, {
		Subject: 'Check in with Dan',
		ActivityDate: localDate(0),
		OwnerId: repId,
	}).Id;
});

afterAll(async () => {
	await scenario.close();
});

test('R58: an edit that lost a conflict is said on the row, with the rep’s words; "Keep mine" puts them on the Task', async () => {
	await enableSyncInSettings(scenario);
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Check in with Dan']);

	// Signed out (the session expired); the rep writes their note in the popup.
	await expireSession(scenario.session.context, scenario.org);
	await popup.getByRole('button', {name: 'Edit Check in with Dan'}).click();
	await popup.getByLabel('Details').fill('ask about budget');
	await popup.getByRole('button', {name: 'Save'}).click();
	await expect.poll(async () => popup.locator('main').textContent(), {timeout: 10_000}).toContain(SIGN_IN);
	// Meanwhile the same Task is edited in Salesforce, later.
	await popup.waitForTimeout(1500);
	scenario.org.updateTask(repId, taskId, {Description: 'new description'});

	// The rep signs in again: Salesforce's later edit wins the field (R16) — and the rep is told, with their words.
	await signIn(scenario.session.context, scenario.org);
	await expect.poll(async () => danRow().textContent(), {timeout: 20_000}).toContain(REPLACED);
	expect(await danRow().textContent()).toContain('Yours: “ask about budget”');
	expect(await danRow().textContent()).not.toContain('Synced');
	expect(scenario.org.getTask(taskId)?.Description).toBe('new description');

	// After a reload (the store kept them), "Keep mine" sends the rep's words as a new edit.
	await popup.reload();
	await expect.poll(async () => danRow().textContent()).toContain(REPLACED);
	await danRow().getByRole('button', {name: 'Keep mine'}).click();
	await expect.poll(() => scenario.org.getTask(taskId)?.Description, {timeout: 20_000}).toBe('ask about budget');
	await expect.poll(async () => danRow().textContent()).not.toContain(REPLACED);
});
