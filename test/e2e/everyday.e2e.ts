import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {DEMO_PASSWORD} from '../org/pages/pages.js';
import {expireSession} from './salesforce-routing.js';
import {SCREENSHOTS_DIR} from './screenshots.js';
import {DELETE_HOLD_MS, UNDO_OFFER_MS} from '../../src/shared/store/outbox.js';
import {
	ask,
	enableSyncInSettings,
	lastSyncAt,
	localDate,
	popupNames,
	type SyncScenario,
	startScenario,
	syncNow,
} from './sync-fixture.js';

// Issue 10 "The rep's every day" in real Chromium against the local org, as a rep would use it: Undo that
// undoes (R43), every reminder within reach and local-only ones sent on purpose (R44, R5), one-click
// sign-in (R20) and due dates Salesforce cannot take (R11). One browser; each step builds on the last.

const SIGN_IN = 'Sign in to Salesforce to resume sync';
let scenario: SyncScenario;
let popup: Page;
let repId: string;

const repTasks = (subject: string) => scenario.org.listTasks({ownerId: repId}).filter(task => task.Subject === subject);
const deleteRequests = () => scenario.org.requests.filter(entry => entry.method === 'DELETE').length;

/** The active partition's stored status, read by the worker itself (no extension page that could nudge a sync). */
async function partitionStatus(): Promise<{phase?: string; lastSyncAt?: number}> {
	const worker = scenario.session.context.serviceWorkers()[0] ?? scenario.session.worker;
	return worker.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('tickler');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error('open failed'));
		});
		const read = <T>(request: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error ?? new Error('read failed'));
			});
		const tx = db.transaction(['meta', 'partitions'], 'readonly');
		const active = (await read(tx.objectStore('meta').get('activePartition'))) as {value: string};
		const partition = (await read(tx.objectStore('partitions').get(active.value))) as {
			status: {phase: string; lastSyncAt?: number};
		};
		db.close();
		return partition.status;
	});
}

async function openPopup(): Promise<Page> {
	const {page} = await scenario.session.openExtensionPage('src/popup/index.html');
	return page;
}

/** Clicks a control that opens a new tab (the popup then closes itself) and returns the new tab. */
async function opensTab(click: () => Promise<void>): Promise<Page> {
	const opened = scenario.session.context.waitForEvent('page');
	await click();
	const page = await opened;
	await page.waitForLoadState('load');
	return page;
}

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	const {org} = scenario;
	repId = org.users.rep.id;
	const task = (Subject: string, ActivityDate: string | null, extra: Record<string, unknown> = {}) =>
		org.createTask(repId, {Subject, ActivityDate, OwnerId: repId, ...extra});
	task('Keep me', localDate(0));
	task('Delete me', localDate(0));
	task('Quarterly review', localDate(30));
	task('Someday: read the contract', null);
	task('Sent the proposal', localDate(-1), {Status: 'Completed'});
});

afterAll(async () => {
	await scenario.close();
});

test('R5: a reminder added before sync is on stays on this computer when sync is turned on', async () => {
	popup = await openPopup();
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Written before sync');
	await popup.getByLabel('Due date').fill('');
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(async () => popup.getByRole('form').count()).toBe(0);
	await enableSyncInSettings(scenario);
	await popup.reload();
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Delete me', 'Keep me']);
	expect(repTasks('Written before sync')).toEqual([]);
});

test('R43: delete then Undo within the offer restores the reminder with its link; the Task is never deleted', async () => {
	const [task] = repTasks('Keep me');
	const before = deleteRequests();
	await popup.getByRole('button', {name: 'Delete Keep me'}).click();
	await expect.poll(async () => popupNames(popup)).toEqual(['Delete me']);
	// The delete's own sync runs meanwhile (R13) — and leaves the Task alone.
	const afterDelete = await lastSyncAt(popup);
	await syncNow(popup);
	expect(await lastSyncAt(popup)).not.toBe(afterDelete);
	await popup.getByRole('button', {name: 'Undo'}).click();
	await expect.poll(async () => popupNames(popup)).toEqual(['Delete me', 'Keep me']);
	await expect
		.poll(async () => popup.getByRole('link', {name: 'Open Keep me in Salesforce'}).getAttribute('href'))
		.toContain(task!.Id);
	expect(await popup.locator('main').textContent()).not.toContain('deleted in Salesforce');
	await syncNow(popup);
	expect(scenario.org.getTask(task!.Id)?.IsDeleted).toBe(false);
	expect(deleteRequests()).toBe(before);
});

test('R43/R57: delete and close the popup — the Task is deleted exactly once, within 15 s of the offer passing, with nobody watching', async () => {
	const [task] = repTasks('Delete me');
	const before = deleteRequests();
	const clickedAt = Date.now();
	await popup.getByRole('button', {name: 'Delete Delete me'}).click();
	await expect.poll(async () => popupNames(popup)).toEqual(['Keep me']);
	// The delete's own cycle has run (the worker pushes local changes within seconds) and held it back.
	await expect.poll(async () => scenario.org.requests.length).toBeGreaterThan(0);
	await expect
		.poll(async () => ((await ask(popup, 'getSyncStatus')).value as {pendingCount: number}).pendingCount)
		.toBe(1);
	expect(scenario.org.getTask(task!.Id)?.IsDeleted).toBe(false);
	await popup.close();
	// R57: the worker that took the delete sends it once the offer has passed — not at the next alarm, which
	// Chrome fires at most every 30 s.
	await expect.poll(() => scenario.org.getTask(task!.Id)?.IsDeleted, {timeout: 90_000, interval: 250}).toBe(true);
	const offerPassedAt = clickedAt + UNDO_OFFER_MS;
	const deletedAt = Date.now();
	expect(deletedAt - offerPassedAt).toBeLessThanOrEqual(15_000);
	// Never before the offer has passed (R43).
	expect(deletedAt).toBeGreaterThan(offerPassedAt);
	popup = await openPopup();
	await syncNow(popup);
	expect(deleteRequests() - before).toBe(1);
	await expect.poll(async () => popupNames(popup)).toEqual(['Keep me']);
});

test('R11: a due date Salesforce cannot take is said beside the field, which gets the focus', async () => {
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Far in the past');
	await popup.getByLabel('Due date').fill('1650-01-01');
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	const alert = popup.getByRole('alert');
	await expect.poll(async () => alert.textContent()).toBe('Salesforce accepts due dates from 1700 to 4000.');
	const due = popup.getByLabel('Due date');
	await expect.poll(async () => due.getAttribute('aria-invalid')).toBe('true');
	await expect.poll(async () => due.evaluate(element => element === document.activeElement)).toBe(true);
	await due.fill('9999-12-31');
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(async () => alert.textContent()).toBe('Salesforce accepts due dates from 1700 to 4000.');
	await popup.getByRole('button', {name: 'Cancel'}).click();
	expect(repTasks('Far in the past')).toEqual([]);
});

test('R44: the All reminders page shows later, undated, completed and local-only reminders; complete works there', async () => {
	const page = await opensTab(async () => popup.getByRole('button', {name: 'All reminders'}).click());
	const names = async () => page.locator('.reminder .name').allTextContents();
	const group = (name: string) => page.getByRole('button', {name: new RegExp(`^${name}`)});
	await expect.poll(names, {timeout: 15_000}).toEqual(['Keep me', 'Quarterly review']);
	await group('No due date').click();
	await expect.poll(names).toEqual(['Someday: read the contract', 'Written before sync']);
	await group('Completed').click();
	await expect.poll(names).toEqual(['Sent the proposal']);
	await group('On this computer only').click();
	await expect.poll(names).toEqual(['Written before sync']);
	await page.screenshot({path: path.join(SCREENSHOTS_DIR, 'all-reminders.png')});
	await group('Upcoming').click();
	await page.getByLabel('Search by name').fill('quarter');
	await expect.poll(names).toEqual(['Quarterly review']);
	await page.getByRole('checkbox', {name: 'Complete Quarterly review'}).click();
	// R60: held for its Undo offer first, then sent within seconds.
	await expect
		.poll(() => repTasks('Quarterly review')[0]?.Status, {timeout: DELETE_HOLD_MS + 10_000})
		.toBe('Completed');
	await page.getByLabel('Search by name').fill('');
	await group('Completed').click();
	await expect.poll(names).toEqual(['Quarterly review', 'Sent the proposal']);
	await page.close();
});

test('R44/R5: a local-only reminder is sent on purpose after a confirmation; pressed in two windows, one Task', async () => {
	popup = await openPopup();
	const pages = [
		await opensTab(async () => popup.getByRole('button', {name: 'All reminders'}).click()),
		await scenario.session.openExtensionPage('src/popup/all/index.html').then(opened => opened.page),
	];
	for (const page of pages) {
		await page.getByRole('button', {name: /^On this computer only \(1\)/}).click();
		await page.getByRole('button', {name: 'Send to Salesforce'}).click();
		await expect
			.poll(async () => page.getByRole('alertdialog').textContent())
			.toContain('This creates 1 Task in Salesforce');
	}

	expect(repTasks('Written before sync')).toEqual([]);
	for (const page of pages) await page.getByRole('alertdialog').getByRole('button', {name: 'Send'}).click();
	await expect.poll(() => repTasks('Written before sync').length, {timeout: 15_000}).toBe(1);
	await expect.poll(async () => pages[0]!.getByRole('button', {name: /^On this computer only \(0\)/}).count()).toBe(1);
	popup = await openPopup();
	await syncNow(popup);
	await syncNow(popup);
	expect(repTasks('Written before sync')).toHaveLength(1);
	for (const page of pages) await page.close();
});

test('R20: "Sign in to Salesforce to resume sync" opens the org’s sign-in page; after signing in, sync resumes by itself', async () => {
	await expireSession(scenario.session.context, scenario.org, {clearCookies: true});
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect.poll(async () => popup.getByRole('status').first().textContent(), {timeout: 15_000}).toContain(SIGN_IN);
	const signInPage = await opensTab(async () => popup.getByRole('button', {name: 'Sign in'}).click());
	// The tab the click opened, as the browser records it: the org's own My Domain root.
	const signInUrl = `https://${scenario.session.hosts.myDomain}/`;
	const worker = scenario.session.context.serviceWorkers()[0] ?? scenario.session.worker;
	await expect
		.poll(async () => worker.evaluate(async () => (await chrome.tabs.query({})).map(tab => tab.url ?? tab.pendingUrl)))
		.toContain(signInUrl);
	// Issue 20 item 9: its first landing is the org's sign-in page — no reload, no "This site can't be reached".
	await expect.poll(async () => signInPage.getByTestId('login-page').count()).toBe(1);
	expect(signInPage.url()).toBe(signInUrl);
	await signInPage.getByTestId('password').fill(DEMO_PASSWORD);
	const pausedSince = (await partitionStatus()).lastSyncAt ?? 0;
	await signInPage.getByTestId('login').click();
	// No popup, no "Sync now": the new session cookie alone resumes sync (R20).
	await expect.poll(async () => partitionStatus(), {timeout: 20_000}).toMatchObject({phase: 'idle'});
	await expect.poll(async () => (await partitionStatus()).lastSyncAt).toBeGreaterThan(pausedSince);
	popup = await openPopup();
	await expect.poll(async () => popup.getByRole('status').first().textContent()).not.toContain(SIGN_IN);
});
