import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import type {TaskBadge} from '../../src/shared/types.js';
import {startBadgePages, type PageServer} from './badge-pages.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {SCREENSHOTS_DIR} from './screenshots.js';

// The badge in real Chromium on Salesforce hostnames (R24, R26, R27). The worker's answer is pinned per
// Task id by a listener added in the worker that replies synchronously — so it always answers before the
// real (asynchronous) handler — which lets one file show every state deterministically. The real
// worker's getTaskBadge is exercised end to end in badge-sync.e2e.ts.

const SCREENSHOTS = SCREENSHOTS_DIR;
const EVIL = '<img src=x onerror=alert(1)>';
const ids = {
	synced: '00T000000000001AAA',
	pending: '00T000000000002AAA',
	error: '00T000000000003AAA',
	conflict: '00T000000000004AAA',
	notLinked: '00T000000000005AAA',
	evil: '00T000000000006AAA',
	otherOrg: '00T000000000007AAA',
} as const;
const badges: Record<string, TaskBadge> = {
	[ids.synced]: {state: 'synced', reminderName: 'Call Acme about the renewal', lastSyncedAt: new Date().toISOString()},
	[ids.pending]: {state: 'pending', reminderName: 'Send the Q3 proposal'},
	[ids.error]: {
		state: 'error',
		reminderName: 'Book the demo',
		message: 'Salesforce refused the change: Due Date must be in the future.',
		hint: 'Fix it in Tickler, then retry from Settings.',
	},
	[ids.conflict]: {
		state: 'conflict',
		reminderName: 'Follow up with Globex',
		message: 'Changed in Salesforce and in Tickler at the same time; the Salesforce due date was kept.',
	},
	[ids.notLinked]: {
		state: 'not-linked',
		reason: 'owned-by-someone-else',
		message: 'Not linked: this Task is assigned to Sam Second, not to you.',
	},
	[ids.evil]: {state: 'error', reminderName: EVIL, message: EVIL},
	[ids.otherOrg]: {
		state: 'not-linked',
		reason: 'not-a-reminder-type',
		message: 'Not linked: Tickler syncs only Tasks of type Call, Email or To Do.',
	},
};

let pages: PageServer;
let session: ExtensionSession;

beforeAll(async () => {
	pages = await startBadgePages({[ids.evil]: EVIL, [ids.synced]: 'Call Acme about the renewal'});
	session = await launchExtension({org: {url: pages.url}});
	await pinBadges();
});

afterAll(async () => {
	await session.close();
	await pages.close();
});

async function pinBadges(): Promise<void> {
	// Keyed by the 15-char id: Classic URLs often carry it, Lightning the 18-char form.
	const pinned = Object.fromEntries(Object.entries(badges).map(([id, value]) => [id.slice(0, 15), value]));
	await session.worker.evaluate(byId15 => {
		chrome.runtime.onMessage.addListener(
			(message: {method?: string; input?: {taskId?: string}}, _sender, sendResponse) => {
				const badge =
					message.method === 'getTaskBadge' ? byId15[(message.input?.taskId ?? '').slice(0, 15)] : undefined;
				if (badge !== undefined) sendResponse({ok: true, value: badge});
				return false;
			},
		);
	}, pinned);
}

const lightning = (id: string): string => `https://${session.hosts.lightning}/lightning/r/Task/${id}/view`;
const badge = (page: Page) => page.locator('tickler-task-badge');

async function expectBadge(page: Page, state: string, label: RegExp): Promise<void> {
	await expect.poll(async () => badge(page).locator('[data-state]').getAttribute('data-state')).toBe(state);
	expect(await badge(page).locator('.label').innerText()).toMatch(label);
}

async function openCard(page: Page): Promise<string> {
	await badge(page).locator('button.pill').click();
	await expect.poll(async () => badge(page).locator('.card').isVisible()).toBe(true);
	return badge(page).locator('.card').innerText();
}

test('each state on a Lightning Task page, with its details and the Subject note (R24)', async () => {
	const cases: Array<[string, string, RegExp, string[]]> = [
		[ids.synced, 'synced', /^Synced \d/, ['Call Acme about the renewal', 'last synced']],
		[ids.pending, 'pending', /^Pending$/, ['Send the Q3 proposal', 'waiting to sync']],
		[ids.error, 'error', /^Sync error$/, ['Book the demo', 'Due Date must be in the future', 'retry from Settings']],
		[ids.conflict, 'conflict', /^Conflict$/, ['Follow up with Globex', 'due date was kept']],
		[ids.notLinked, 'not-linked', /^Not linked$/, ['assigned to Sam Second']],
		[ids.otherOrg, 'not-linked', /^Not linked$/, ['type Call, Email or To Do']],
	];
	const {page, errors} = await session.openPage(lightning(ids.synced));
	await page.setViewportSize({width: 1280, height: 560});
	for (const [id, state, label, texts] of cases) {
		await page.goto(lightning(id));
		await expectBadge(page, state, label);
		const card = await openCard(page);
		for (const text of [...texts, 'Subject edits made in Salesforce do not change the reminder.'])
			expect(card).toContain(text);
		if (state === 'synced' || state === 'conflict') {
			await page.screenshot({
				path: path.join(SCREENSHOTS, `badge-${state}.png`),
				clip: {x: 600, y: 80, width: 680, height: 330},
			});
		}
	}

	// Placed under the record header, clear of its action buttons.
	const header = await page.locator('[data-testid="record-header"]').boundingBox();
	const pill = await badge(page).locator('button.pill').boundingBox();
	expect(pill!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
	expect(errors).toEqual([]);
	await page.close();
});

test('inert on a non-Task page, then follows Lightning in-place navigation (pushState, back) without reloads', async () => {
	const {page, errors} = await session.openPage(`https://${session.hosts.lightning}/lightning/page/home`);
	const pristine = await page.evaluate(() => document.documentElement.outerHTML);
	expect(await badge(page).count()).toBe(0);

	await page.evaluate(id => history.pushState({}, '', `/lightning/r/Task/${id}/view`), ids.synced);
	await expectBadge(page, 'synced', /^Synced/);
	await page.evaluate(id => history.pushState({}, '', `/lightning/r/${id}/view`), ids.conflict);
	await expectBadge(page, 'conflict', /^Conflict$/);
	expect(await badge(page).count()).toBe(1);

	await page.evaluate(() => history.pushState({}, '', '/lightning/o/Task/home'));
	await expect.poll(async () => badge(page).count()).toBe(0);
	// Nothing of ours left behind: the page is as the home page left it.
	expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(pristine);

	await page.goBack();
	await expectBadge(page, 'conflict', /^Conflict$/);
	expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
	expect(errors).toEqual([]);
	await page.close();
});

test('on a Classic Task page, and not on a Classic non-Task page', async () => {
	const {page, errors} = await session.openPage(`https://${session.hosts.myDomain}/${ids.pending.slice(0, 15)}`);
	await expectBadge(page, 'pending', /^Pending$/);
	await page.goto(`https://${session.hosts.myDomain}/home/home.jsp`);
	await page.goto(`https://${session.hosts.myDomain}/001000000000001`);
	expect(await badge(page).count()).toBe(0);
	expect(errors).toEqual([]);
	await page.close();
});

test('a Subject of <img src=x onerror=alert(1)> is shown as text, never run (R27)', async () => {
	const {page, errors} = await session.openPage(lightning(ids.evil));
	let dialogs = 0;
	page.on('dialog', dialog => {
		dialogs++;
		void dialog.dismiss();
	});
	await expectBadge(page, 'error', /^Sync error$/);
	const card = await openCard(page);
	expect(card).toContain(EVIL);
	expect(await badge(page).locator('img').count()).toBe(0);
	expect(await badge(page).locator('.title').innerText()).toBe(EVIL);
	expect(dialogs).toBe(0);
	expect(errors).toEqual([]);
	await page.close();
});

test('the page keeps its own styles: the badge neither restyles nor is restyled by it (R24)', async () => {
	const {page} = await session.openPage(lightning(ids.synced));
	await expectBadge(page, 'synced', /^Synced/);
	const pill = await badge(page)
		.locator('button.pill')
		.evaluate(el => getComputedStyle(el).letterSpacing);
	expect(pill).toBe('normal');
	const pageButton = await page
		.locator('.actions button')
		.first()
		.evaluate(el => getComputedStyle(el).color);
	expect(pageButton).toBe('rgb(1, 118, 211)');
	await page.close();
});

// Last: it reloads the extension, which orphans the content script in open tabs.
test('gone quietly when the extension is reloaded: no badge, no console error (engineering §2 rule 5)', async () => {
	const {page, errors} = await session.openPage(lightning(ids.synced));
	await expectBadge(page, 'synced', /^Synced/);
	await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
	await expect.poll(async () => badge(page).count(), {timeout: 10_000}).toBe(0);
	// A later in-place navigation to a Task page stays quiet too.
	await page.evaluate(id => history.pushState({}, '', `/lightning/r/Task/${id}/view`), ids.pending);
	await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 500))));
	expect(await badge(page).count()).toBe(0);
	expect(errors).toEqual([]);
});
