import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {DELETE_HOLD_MS} from '../../src/shared/store/outbox.js';
import {expireSession, signIn} from './salesforce-routing.js';
import {enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

// R17, R20, R25: the session expires, the popup says so, local work is kept, and a new sign-in (a new
// `sid` cookie) resumes sync by itself — no "Sync now", no alarm.

const SIGN_IN = 'Sign in to Salesforce to resume sync';
let scenario: SyncScenario;
let popup: Page;
let repId: string;

const repTasks = (subject: string) => scenario.org.listTasks({ownerId: repId}).filter(task => task.Subject === subject);
const statusText = async () => popup.getByRole('status').first().textContent();

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	repId = scenario.org.users.rep.id;
	scenario.org.createTask(repId, {Subject: 'Call Ana back', ActivityDate: localDate(0), OwnerId: repId});
});

afterAll(async () => {
	await scenario.close();
});

test('R20: an expired session pauses sync; the popup says "Sign in to Salesforce to resume sync"; local changes are kept', async () => {
	await enableSyncInSettings(scenario);
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Call Ana back']);

	// Salesforce ends the session; the browser keeps its stale cookie (what a timeout looks like).
	await expireSession(scenario.session.context, scenario.org);
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Written while signed out');
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await popup.getByRole('checkbox', {name: 'Complete Call Ana back'}).click();
	await expect.poll(async () => statusText(), {timeout: 10_000}).toContain(SIGN_IN);
	await expect
		.poll(async () => popup.locator('.reminder', {hasText: 'Written while signed out'}).textContent())
		.toContain('Waiting to sync');
	expect(repTasks('Written while signed out')).toEqual([]);
	expect(repTasks('Call Ana back')[0]?.Status).toBe('Not Started');
});

test('R20: with no sid cookie at all the popup says the same', async () => {
	await expireSession(scenario.session.context, scenario.org, {clearCookies: true});
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect.poll(async () => statusText(), {timeout: 10_000}).toContain(SIGN_IN);
});

test('R20/R17: a new sign-in resumes sync by itself and nothing is lost', async () => {
	await signIn(scenario.session.context, scenario.org);
	await expect.poll(async () => repTasks('Written while signed out').length, {timeout: 15_000}).toBe(1);
	// R60: the Complete waits out its Undo offer first (it was clicked just before).
	await expect
		.poll(async () => repTasks('Call Ana back')[0]?.Status, {timeout: DELETE_HOLD_MS + 10_000})
		.toBe('Completed');
	await expect.poll(async () => statusText()).not.toContain(SIGN_IN);
	await expect
		.poll(async () => {
			const row = popup.locator('.reminder', {hasText: 'Written while signed out'});
			return (await row.count()) === 1 ? row.locator('.sync-state').count() : -1;
		})
		// In step: a healthy row says nothing about its state (issue 20).
		.toBe(0);
	await expect.poll(async () => popupNames(popup)).toEqual(['Written while signed out']);
});

test('R2: a session of another user ("Login As") never writes into this partition; sync pauses and says why', async () => {
	const {org} = scenario;
	await signIn(scenario.session.context, org, org.users.rep2);
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Not for Sam');
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(async () => statusText(), {timeout: 10_000}).toContain('different user or org');
	expect(org.listTasks().filter(task => task.Subject === 'Not for Sam')).toEqual([]);

	// The rep signs back in: the change goes up, as the rep's own Task.
	await signIn(scenario.session.context, org);
	await expect.poll(async () => repTasks('Not for Sam').length, {timeout: 15_000}).toBe(1);
	expect(org.listTasks().filter(task => task.Subject === 'Not for Sam')).toHaveLength(1);
});
