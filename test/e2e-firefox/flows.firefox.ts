/**
 * R42: the rep's main flows in real Firefox (firefox-esr over WebDriver BiDi), with the Firefox package's
 * files installed as an add-on and the Salesforce hostnames routed to the local org: install, turn sync on,
 * the first sync, add a reminder and find its Task, a Salesforce edit shows in the popup, the badge on a
 * Task page. One browser for the file: each step builds on the previous one.
 */
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {closedRootAttribute} from './closed-root.js';
import {type FirefoxSession, launchFirefox} from './harness.js';

vi.setConfig({expect: {poll: {timeout: 20_000, interval: 250}}});

let local: LocalOrg;
let firefox: FirefoxSession;
let popup: Page;
let repId: string;

function localDate(days = 0): string {
	const now = new Date();
	const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** One typed message to the background, from an extension page, as the popup sends it. */
async function ask(page: Page, method: string, input?: unknown): Promise<{ok: boolean; value?: unknown}> {
	return page.evaluate(
		async (m, i) =>
			(globalThis as unknown as {browser: typeof chrome}).browser.runtime.sendMessage<
				unknown,
				{ok: boolean; value?: unknown}
			>({channel: 'tickler', method: m, input: i}),
		method,
		input,
	);
}

async function lastSyncAt(page: Page): Promise<string | undefined> {
	return ((await ask(page, 'getSyncStatus')).value as {lastSyncAt?: string} | undefined)?.lastSyncAt;
}

const text = async (page: Page) => page.evaluate(() => document.body.innerText);
const popupNames = async () =>
	popup.evaluate(() => [...document.querySelectorAll('.reminder .name')].map(node => node.textContent));

beforeAll(async () => {
	local = await startLocalOrg({seed: 'none'});
	repId = local.org.users.rep.id;
	local.org.createTask(repId, {Subject: 'Call Carla', ActivityDate: localDate(0), OwnerId: repId});
	local.org.createTask(repId, {Subject: 'Book travel', ActivityDate: localDate(1), OwnerId: repId});
	firefox = await launchFirefox(local);
}, 120_000);

afterAll(async () => {
	await firefox.close();
	await local.close();
});

test('R42: Firefox installs the package as an MV3 add-on with a background script, and the first install opens the settings page', async () => {
	expect(firefox.extensionBase).toMatch(/^moz-extension:\/\/[\w-]+\/$/);
	const manifest = (await firefox.settings.evaluate(() =>
		(globalThis as unknown as {browser: typeof chrome}).browser.runtime.getManifest(),
	)) as unknown as Record<string, unknown>;
	expect(manifest['manifest_version']).toBe(3);
	// Firefox normalises the manifest it reports (full URLs, every key present): no worker, one script.
	const background = manifest['background'] as {scripts?: string[]; service_worker?: unknown};
	expect(background.service_worker ?? undefined).toBeUndefined();
	expect(background.scripts?.map(script => script.replace(firefox.extensionBase, ''))).toEqual([
		'service-worker-loader.js',
	]);
	// The page may still be rendering when the add-on is found: wait for its text, never read it once.
	await expect.poll(async () => text(firefox.settings)).toContain('Sync reminders with Salesforce Tasks');
	const ping = await ask(firefox.settings, 'ping');
	expect(ping.ok).toBe(true);
});

test('R3/R4: signed in to Salesforce, ticking "Sync reminders with Salesforce Tasks" runs the first sync', async () => {
	await firefox.signIn(local.org);
	await firefox.settings.locator('::-p-text(Sync reminders with Salesforce Tasks)').click();
	await expect.poll(async () => text(firefox.settings)).toContain('Rita Rep');
	await expect.poll(async () => lastSyncAt(firefox.settings)).toBeDefined();
	popup = await firefox.openExtensionPage('src/popup/index.html');
	await expect.poll(popupNames).toEqual(['Call Carla', 'Book travel']);
	// The background reached the org only through the routed Salesforce hostnames.
	expect(firefox.proxy.requests.some(request => request.path.startsWith('/services/data/'))).toBe(true);
	expect(new Set(firefox.proxy.requests.map(request => request.host))).toEqual(
		new Set(['tickler-demo.my.salesforce.com']),
	);
});

test('R13/R18: a reminder added in the popup becomes one Task in Salesforce', async () => {
	await popup.locator('::-p-text(Add reminder)').click();
	await popup.locator('input[id$="-name"]').fill('Send the Firefox proposal');
	await popup.locator('button[type="submit"]').click();
	await expect.poll(popupNames).toContain('Send the Firefox proposal');
	await expect
		.poll(
			() =>
				local.org.listTasks({ownerId: repId}).filter(task => (task.Subject ?? '').includes('Send the Firefox proposal'))
					.length,
		)
		.toBe(1);
	await expect.poll(async () => text(popup)).not.toMatch(/Pending|Not synced yet/);
});

test('R12: a Salesforce edit shows in the popup after a sync', async () => {
	const task = local.org.listTasks({ownerId: repId}).find(row => row.Subject === 'Call Carla');
	expect(task).toBeDefined();
	local.org.updateTask(repId, task?.Id ?? '', {Priority: 'High', ActivityDate: localDate(1)});
	const before = await lastSyncAt(popup);
	await popup.locator('::-p-text(Sync now)').click();
	await expect.poll(async () => lastSyncAt(popup)).not.toBe(before);
	await expect
		.poll(async () =>
			popup.evaluate(() =>
				[...document.querySelectorAll('.reminder')]
					.filter(node => node.textContent.includes('Call Carla'))
					.map(node => node.textContent),
			),
		)
		.toEqual([expect.stringContaining('High')]);
});

test('R24: the badge on a Salesforce Task page says the Task is synced with its reminder', async () => {
	const task = local.org.listTasks({ownerId: repId}).find(row => row.Subject === 'Book travel');
	const page = await firefox.browser.newPage();
	await page.goto(`https://${local.org.name}.lightning.force.com/lightning/r/Task/${task?.Id ?? ''}/view`);
	// R52: the badge's root is closed: the page's script sees no root, the test reads it through BiDi.
	const badgeState = async () => closedRootAttribute(page, 'tickler-task-badge', '[data-state]', 'data-state');
	await expect.poll(badgeState).toBe('synced');
	expect(await page.evaluate(() => document.querySelector('tickler-task-badge')?.shadowRoot === null)).toBe(true);
	await page.close();
});

test('issue 24 with R47 and R51: the sidebar page loads in Firefox and adds a reminder by quick add; the background made the menu entry', async () => {
	const panel = await firefox.openExtensionPage('src/panel/index.html');
	await expect.poll(async () => text(panel)).toContain('Book travel');
	const manifest = (await panel.evaluate(() =>
		(globalThis as unknown as {browser: typeof chrome}).browser.runtime.getManifest(),
	)) as unknown as {sidebar_action?: {default_panel?: string}};
	expect(manifest.sidebar_action?.default_panel?.replace(firefox.extensionBase, '')).toBe('src/panel/index.html');

	// Quick add in the panel: the line, Enter, and the reminder becomes a Task due tomorrow.
	const field = panel.locator('input[aria-label="Quick add: type a reminder and when"]');
	await field.fill('Send the sidebar notes tomorrow');
	await expect.poll(async () => text(panel)).toContain('Send the sidebar notes');
	await panel.keyboard.press('Enter');
	await expect
		.poll(() => local.org.listTasks({ownerId: repId}).filter(task => task.Subject === 'Send the sidebar notes'))
		.toEqual([expect.objectContaining({ActivityDate: localDate(1)})]);

	// R51: the background made "Remind me about this": the same id cannot be made twice.
	const again = await panel.evaluate(
		async () =>
			new Promise<string>(resolve => {
				const api = (globalThis as unknown as {browser: typeof chrome}).browser;
				api.contextMenus.create({id: 'tickler-remind-me', title: 'again'}, () =>
					resolve(api.runtime.lastError?.message ?? 'created'),
				);
			}),
	);
	expect(again).toMatch(/already exists|duplicate/i);
	await panel.close();
});
