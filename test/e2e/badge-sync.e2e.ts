import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';
import {closedRoot} from './closed-root.js';
import {SCREENSHOTS_DIR} from './screenshots.js';

// The badge end to end with the real worker (R24): the local org behind the routed Salesforce
// hostnames, serving its own Lightning pages (test/org/pages/pages.ts), sync turned on, the first sync done;
// then Task pages show what the worker says. Also takes the README's screenshots of the badge, the
// popup and the settings page after that sync.

// Real Chromium on a shared 2-core box: give every expect.poll room (it returns as soon as it passes).
vi.setConfig({expect: {poll: {timeout: 10_000}}});

const SCREENSHOTS = SCREENSHOTS_DIR;
const EVIL = '<img src=x onerror=alert(1)>';

let local: LocalOrg;
let session: ExtensionSession;
const ids: {mine: string; theirs: string; evil: string} = {mine: '', theirs: '', evil: ''};

function day(offset: number): string {
	const d = new Date();
	d.setDate(d.getDate() + offset);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
	local = await startLocalOrg({seed: 'demo'});
	const {rep, rep2} = local.org.users;
	const create = (owner: string, Subject: string, offset: number, Priority = 'Normal') =>
		local.org.createTask(owner, {Subject, ActivityDate: day(offset), Priority, Status: 'Not Started', OwnerId: owner})
			.Id;
	ids.mine = create(rep.id, 'Call Acme about the renewal', 0, 'High');
	create(rep.id, 'Send the Q3 proposal to Globex', 0);
	create(rep.id, 'Follow up with Umbrella on pricing', 1);
	ids.evil = create(rep.id, EVIL, 1);
	ids.theirs = create(rep2.id, 'Sam’s own call', 0);

	session = await launchExtension({org: local});
	await signIn(session.context, local.org);
	const {page: tab} = await session.openPage(`https://${session.hosts.lightning}/lightning/page/home`);
	const {page: settings} = await session.openExtensionPage('src/options/index.html');
	const enabled = await settings.evaluate(async () =>
		chrome.runtime.sendMessage({channel: 'tickler', method: 'enableSync'}),
	);
	if ((enabled as {ok?: boolean}).ok !== true) throw new Error(`enableSync failed: ${JSON.stringify(enabled)}`);
	// expect.poll is for tests only; a plain loop waits for the first sync here.
	for (let tries = 0; ; tries++) {
		const status = await settings.evaluate(async () =>
			chrome.runtime.sendMessage({channel: 'tickler', method: 'getSyncStatus'}),
		);
		if ((status as {value?: {lastSyncAt?: string}}).value?.lastSyncAt !== undefined) break;
		if (tries > 120) throw new Error(`The first sync did not complete: ${JSON.stringify(status)}`);
		await new Promise(resolve => setTimeout(resolve, 250));
	}

	await settings.close();
	await tab.close();
});

afterAll(async () => {
	await session.close();
	await local.close();
});

/** R52: the badge's root is closed; the test reads it as DevTools does (closed-root.ts). */
const badge = (page: Page) => closedRoot(page, 'tickler-task-badge');
const lightning = (id: string): string => `https://${session.hosts.lightning}/lightning/r/Task/${id}/view`;
const subjectShown = async (page: Page) =>
	page.locator('[data-testid="record-page"] [data-testid="task-subject"]').textContent();

test('after the first sync, the rep’s Task shows "synced" with its reminder; a colleague’s Task says why it is not linked', async () => {
	const {page, errors} = await session.openPage(lightning(ids.mine));
	await page.setViewportSize({width: 1280, height: 520});
	await expect.poll(async () => subjectShown(page)).toBe('Call Acme about the renewal');
	await expect.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
	// Placed under the org's record header before the picture is taken.
	await expect
		.poll(async () => {
			const header = await page.locator('[data-testid="record-header"]').boundingBox();
			const pill = await badge(page).box('button.pill');
			return header !== null && pill !== null && pill.y >= header.y + header.height;
		})
		.toBe(true);
	await badge(page).click('button.pill');
	const card = async () => badge(page).innerText('.card');
	await expect.poll(card).toContain('Call Acme about the renewal');
	await expect.poll(card).toContain('Subject edits made in Salesforce do not change the reminder.');
	await page.screenshot({path: path.join(SCREENSHOTS, 'badge.png'), clip: {x: 560, y: 0, width: 720, height: 420}});

	// In-place, as Lightning moves between records: pushState, then the app renders the new location.
	await page.evaluate(id => {
		history.pushState({}, '', `/lightning/r/Task/${id}/view`);
		dispatchEvent(new PopStateEvent('popstate'));
	}, ids.theirs);
	await expect.poll(async () => subjectShown(page)).toBe('Sam’s own call');
	await expect
		.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000})
		.toBe('not-linked');
	await expect.poll(async () => badge(page).innerText('.label')).toBe('Not linked');
	expect(errors).toEqual([]);
	await page.close();
});

test('R52: the page’s own script can neither read the badge’s reminder name or state nor open its card', async () => {
	const {page, errors} = await session.openPage(lightning(ids.mine));
	await expect.poll(async () => badge(page).attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
	const seen = await page.evaluate(async () => {
		const host = document.querySelector('tickler-task-badge');
		const read = {
			shadowRoot: host?.shadowRoot === null,
			text: host?.textContent ?? '',
			states: document.querySelectorAll('[data-state], .pill, .card').length,
		};
		if (host instanceof HTMLElement) {
			host.click();
			host.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
		}

		await new Promise(resolve => setTimeout(resolve, 300));
		return read;
	});
	expect(seen).toEqual({shadowRoot: true, text: '', states: 0});
	expect(await badge(page).visible('.card')).toBe(false);
	expect(errors).toEqual([]);
	await page.close();
});

test('a synced Subject of <img src=x onerror=alert(1)> is text in the badge (R27)', async () => {
	const {page, errors} = await session.openPage(lightning(ids.evil));
	await expect.poll(async () => subjectShown(page)).toBe(EVIL);
	await expect.poll(async () => badge(page).text('.title'), {timeout: 15_000}).toBe(EVIL);
	expect(await badge(page).count('img')).toBe(0);
	expect(errors).toEqual([]);
	await page.close();
});

test('screenshots of the popup and the settings page after the first sync', async () => {
	const {page: popup} = await session.openExtensionPage('src/popup/index.html');
	await popup.setViewportSize({width: 420, height: 640});
	await expect
		.poll(async () => popup.locator('body').innerText(), {timeout: 15_000})
		.toContain('Call Acme about the renewal');
	await popup.screenshot({path: path.join(SCREENSHOTS, 'popup.png')});
	const {page: settings} = await session.openExtensionPage('src/options/index.html');
	await settings.setViewportSize({width: 1000, height: 900});
	await expect
		.poll(async () => settings.locator('body').innerText(), {timeout: 15_000})
		.toMatch(/rep@tickler-demo\.example|Rita Rep/);
	await settings.screenshot({path: path.join(SCREENSHOTS, 'settings.png'), fullPage: true});
});
