import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {closedRoot} from './closed-root.js';
import {
	enableSyncInSettings,
	localDate,
	popupNames,
	syncNow,
	type SyncScenario,
	startScenario,
} from './sync-fixture.js';

// "Add to Tickler" on the badge (R5, R4, issue 20 item 7), end to end: the real worker, jsforce and the local
// org. An older Task of the rep's — last changed a week before sync was turned on, so the first sync left it
// out — says "Not linked" and offers "Add to Tickler"; the rep's own click links it to a new reminder, the badge
// turns linked, the popup lists it, and no second Task appears in the org. An older closed Task offers nothing.

const DAY = 86_400_000;
let scenario: SyncScenario;
const ids = {older: '', closed: ''};

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	const {org} = scenario;
	const rep = org.users.rep.id;
	const old = Date.now() - 7 * DAY;
	const older = (Subject: string, more: Record<string, unknown> = {}) =>
		org.createTask(
			rep,
			{Subject, OwnerId: rep, CreatedDate: old, LastModifiedDate: old, SystemModstamp: old, ...more},
			{system: true},
		).Id;
	ids.older = older('Check in with Dan', {
		ActivityDate: localDate(1),
		Priority: 'High',
		Description: 'ask about budget',
	});
	ids.closed = older('Sent the contract', {Status: 'Completed', ActivityDate: localDate(-8)});
});

afterAll(async () => {
	await scenario.close();
});

const lightning = (id: string): string => `https://${scenario.session.hosts.lightning}/lightning/r/Task/${id}/view`;
/** R52: the badge's root is closed; the test reads it as DevTools does and clicks as the rep's mouse does. */
const badge = (page: Page) => closedRoot(page, 'tickler-task-badge');
const tasksNamed = (subject: string) => scenario.org.listTasks({}).filter(t => t.Subject === subject && !t.IsDeleted);

test('R4: the first sync leaves the older Tasks out', async () => {
	const settings = await enableSyncInSettings(scenario);
	await settings.close();
	const {page: popup} = await scenario.session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popup.locator('main').count()).toBeGreaterThan(0);
	expect(await popupNames(popup)).not.toContain('Check in with Dan');
	await popup.close();
});

test('R5: an older Task says Not linked and offers Add to Tickler; the rep’s click links it, with no second Task', async () => {
	const {page, errors} = await scenario.session.openPage(lightning(ids.older));
	await page.setViewportSize({width: 1280, height: 640});
	await expect
		.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000})
		.toBe('not-linked');
	await badge(page).click('button.pill');
	await expect.poll(async () => badge(page).innerText('.card')).toContain('before sync was turned on');
	// R52: a page script's click on the closed root's host reaches nothing.
	await page.evaluate(() => document.querySelector('tickler-task-badge')?.dispatchEvent(new MouseEvent('click')));
	await badge(page).click({button: 'Add to Tickler'});
	await expect.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
	await expect.poll(async () => badge(page).text('.title')).toBe('Check in with Dan');
	expect(await badge(page).visible({button: 'Add to Tickler'})).toBe(false);
	expect(errors).toEqual([]);

	// The popup lists it (due tomorrow), as the pull would have imported it: name, due date and priority from the Task.
	const {page: popup} = await scenario.session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popupNames(popup)).toContain('Check in with Dan');
	// One Task in the org: the reminder is linked to it, not pushed as a new one, also after a sync.
	await syncNow(popup);
	await expect.poll(async () => popupNames(popup)).toContain('Check in with Dan');
	expect(tasksNamed('Check in with Dan')).toHaveLength(1);

	await popup.close();
	await page.close();
});

test('R5: an older closed Task says why it is not linked and offers no Add to Tickler', async () => {
	const {page, errors} = await scenario.session.openPage(lightning(ids.closed));
	await expect
		.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000})
		.toBe('not-linked');
	await badge(page).click('button.pill');
	await expect.poll(async () => badge(page).innerText('.card')).toContain('only open Tasks can be added');
	expect(await badge(page).count('button.add')).toBe(0);
	expect(tasksNamed('Sent the contract')).toHaveLength(1);
	expect(errors).toEqual([]);
	await page.close();
});
