import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

// Issue 20, item 4, in real Chromium against the local org (R19): a validation rule refuses the rep's edit
// because a field Tickler does not have is empty. The row says what happened and what to do as two sentences,
// with "Open in Salesforce" (the Task's page opens) and Retry — which sends the change once the field is filled.

const RULE_MESSAGE = 'Related To is required for tasks in this org';
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
	scenario.org.validationRules.set({
		name: 'Related_To_required',
		errorMessage: RULE_MESSAGE,
		field: 'WhatId',
		when: {field: 'WhatId', equals: null},
		on: ['update'],
	});
});

afterAll(async () => {
	await scenario.close();
});

test('R19: the refused row says what happened and what to do, with a working Open in Salesforce and Retry', async () => {
	await enableSyncInSettings(scenario);
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Check in with Dan']);
	await popup.getByRole('button', {name: 'Edit Check in with Dan'}).click();
	await popup.getByLabel('Details').fill('ask about budget');
	await popup.getByRole('button', {name: 'Save'}).click();

	const refusal = danRow().locator('.refusal');
	await expect
		.poll(async () => refusal.locator('.refusal-what').textContent(), {timeout: 20_000})
		.toBe(`Salesforce refused this change: ${RULE_MESSAGE}.`);
	expect(await refusal.locator('.refusal-todo').textContent()).toMatch(/^Open the Task in Salesforce to fill in/);

	// Open in Salesforce: the Task's own page, in a new tab.
	const opened = scenario.session.context.waitForEvent('page');
	await refusal.getByRole('link', {name: 'Open in Salesforce'}).click();
	const taskPage = await opened;
	await taskPage.waitForLoadState('load');
	expect(taskPage.url()).toContain(taskId);
	// The Lightning page renders the record after load (the local org's page script fetches it).
	await expect
		.poll(async () => taskPage.locator('body').textContent(), {timeout: 10_000})
		.toContain('Check in with Dan');
	await taskPage.close();

	// The rep fills Related To there; Retry on the row sends the change.
	const account = scenario.org.insertRecord('Account', {Name: 'Acme'});
	scenario.org.updateTask(repId, taskId, {WhatId: account});
	await refusal.getByRole('button', {name: 'Retry'}).click();
	await expect.poll(() => scenario.org.getTask(taskId)?.Description, {timeout: 20_000}).toBe('ask about budget');
	await expect.poll(async () => danRow().locator('.refusal').count()).toBe(0);
});
