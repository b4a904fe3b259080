/**
 * R42: the store screenshots, 1280×800 as both stores ask, taken from the real extension after a real first
 * sync against the local org (demo data). Every run writes them to tmp/screenshots/store/;
 * `npm run screenshots` (TICKLER_UPDATE_SCREENSHOTS=1) refreshes docs/store/screenshots/. Also checks the
 * settings page's link to the privacy policy shipped in the package.
 */
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {closedRoot} from './closed-root.js';
import {SCREENSHOTS_DIR} from './screenshots.js';
import {enableSyncInSettings, type SyncScenario, startScenario} from './sync-fixture.js';

const STORE_SIZE = {width: 1280, height: 800};
const OUT =
	process.env['TICKLER_UPDATE_SCREENSHOTS'] === '1'
		? path.resolve(import.meta.dirname, '../../docs/store/screenshots')
		: path.join(SCREENSHOTS_DIR, 'store');

let scenario: SyncScenario;
let settings: Page;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): {width: number; height: number} {
	const bytes = readFileSync(file);
	return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

async function shoot(page: Page, name: string): Promise<void> {
	const file = path.join(OUT, name);
	await page.screenshot({path: file});
	expect(pngSize(file)).toEqual(STORE_SIZE);
}

beforeAll(async () => {
	mkdirSync(OUT, {recursive: true});
	scenario = await startScenario({seed: 'demo'});
});

afterAll(async () => {
	await scenario.close();
});

test('R42: store screenshot 1 — the popup, shown at its real size on a 1280×800 canvas', async () => {
	settings = await enableSyncInSettings(scenario);
	const {page: popup} = await scenario.session.openExtensionPage('src/popup/index.html');
	await popup.setViewportSize({width: 400, height: 600});
	await expect.poll(async () => popup.locator('.reminder').count(), {timeout: 15_000}).toBeGreaterThan(0);
	const picture = (await popup.screenshot()).toString('base64');
	const canvas = await scenario.session.context.newPage();
	await canvas.setViewportSize(STORE_SIZE);
	await canvas.setContent(
		`<body style="margin:0;height:800px;display:flex;align-items:center;justify-content:center;gap:64px;background:#eef2f7;font:20px system-ui,sans-serif;color:#1b2a3a">
			<div style="max-width:420px"><h1 style="font-size:40px;margin:0 0 16px">Today and tomorrow, one click away</h1>
			<p style="line-height:1.5">Your reminders, in two-way sync with your Salesforce Tasks — through the Salesforce session you already use.</p></div>
			<img alt="" src="data:image/png;base64,${picture}" style="box-shadow:0 8px 32px rgba(0,0,0,.25);border-radius:8px">
		</body>`,
	);
	await shoot(canvas, '1-popup.png');
	await canvas.close();
	await popup.close();
});

test('R42: store screenshot 2 — the badge on a Salesforce Task page', async () => {
	const task = scenario.org.listTasks({ownerId: scenario.org.users.rep.id}).find(row => row.ActivityDate !== null);
	expect(task).toBeDefined();
	const {page} = await scenario.session.openPage(
		`https://${scenario.session.hosts.lightning}/lightning/r/Task/${task?.Id ?? ''}/view`,
	);
	await page.setViewportSize(STORE_SIZE);
	const badge = closedRoot(page, 'tickler-task-badge');
	await expect.poll(async () => badge.attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
	await badge.click('button.pill');
	await expect.poll(async () => badge.count('.card')).toBe(1);
	await shoot(page, '2-task-badge.png');
	await page.close();
});

test('R42: store screenshot 3 — All reminders', async () => {
	const {page} = await scenario.session.openExtensionPage('src/popup/all/index.html');
	await page.setViewportSize(STORE_SIZE);
	await expect.poll(async () => page.locator('body').innerText(), {timeout: 15_000}).toMatch(/\w/);
	await shoot(page, '3-all-reminders.png');
	await page.close();
});

test('R42: store screenshot 4 — the settings page; its privacy link opens the policy shipped in the package', async () => {
	await settings.setViewportSize(STORE_SIZE);
	await shoot(settings, '4-settings.png');
	const link = settings.getByRole('link', {name: 'privacy policy'});
	const [policy] = await Promise.all([scenario.session.context.waitForEvent('page'), link.click()]);
	await policy.waitForLoadState('load');
	await expect.poll(async () => policy.locator('body').innerText()).toContain('# Tickler privacy policy');
	await policy.close();
});
