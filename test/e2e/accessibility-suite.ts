/**
 * R49 end to end: axe (`@axe-core/playwright`, the axe-core engine injected into the real page) finds no WCAG
 * 2.0/2.1/2.2 A or AA violation on the extension's own pages, in every state this file reaches, in English and
 * in Italian (Chromium started as an Italian browser, as italian.e2e.ts does) and in the light and dark themes
 * (`emulateMedia({colorScheme})`, what the system setting gives the page's `prefers-color-scheme`).
 *
 * Surfaces and states: settings not connected and connected; the popup empty, with reminders (one of high
 * priority, one overdue) and with a row Salesforce refused (its reason and Retry on the row, R19); All
 * reminders with a search typed; the popup's Undo offer and its keys dialog (R48, `?`); the side panel (issue 24)
 * alone and beside a Contact. The badge and "Remind
 * me" live in closed shadow roots (R52) that axe cannot enter: axe checks an open copy of each root on the
 * same page (closedRootViolations), the real controls are measured for target size and for contrast on their
 * hover background, and they stay light whatever the system theme (they follow the Salesforce page).
 * docs/accessibility.md is the conformance report these checks back. Takes the README's dark popup
 * screenshot (popup-dark.png). Run by accessibility-en.e2e.ts and accessibility-it.e2e.ts, one language each.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {setUiLanguage} from '../fakes/browser.js';
import {closedRoot} from './closed-root.js';
import {SCREENSHOTS_DIR} from './screenshots.js';
import {ask, lastSyncAt, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';
import {t} from '@/shared/i18n/t.js';
import {REMIND_ME_CSS} from '@/content/remind-me/remind-me-styles.js';
import {BADGE_CSS} from '@/content/task-badge/badge-styles.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;
const REFUSED = 'Send the signed contract';

/** Every violation axe finds on the page as it is now, one line per element: rule, element, why. */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({page}).withTags(TAGS).analyze();
	return results.violations.flatMap(violation =>
		violation.nodes.map(node => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
	);
}

/** Runs axe on the page in the light theme, then in the dark one (and leaves the page light again). */
async function expectAccessibleInBothThemes(page: Page): Promise<void> {
	for (const colorScheme of THEMES) {
		await page.emulateMedia({colorScheme});
		// The theme is the page's own: dark means a dark background, not just a query nobody answers.
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const againstBlack = contrast(background, 'rgb(0, 0, 0)');
		if (colorScheme === 'dark') expect(againstBlack, background).toBeLessThan(1.5);
		else expect(againstBlack, background).toBeGreaterThan(15);
		expect(await violations(page), colorScheme).toEqual([]);
	}

	await page.emulateMedia({colorScheme: 'light'});
}

/**
 * Relative luminance contrast of two `rgb()` colours, as WCAG 2.2 defines it (the badge is measured by hand:
 * axe cannot see into its closed root).
 */
function contrast(foreground: string, background: string): number {
	const luminance = (color: string) => {
		const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number).map(channel => {
			const c = channel / 255;
			return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};

	const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
	return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const COPY = 'tickler-a11y-copy';

/**
 * axe cannot enter a closed shadow root (R52), so it checks a copy: the closed root's markup as it is now, read
 * the way DevTools reads it (closed-root.ts), in an open root with the control's own stylesheet, fixed on top
 * of the same Salesforce page. axe then checks only that copy — contrast against the page behind it, target
 * sizes, names and roles — and the copy goes again. Nothing of this ships.
 */
async function closedRootViolations(page: Page, tag: string, css: string): Promise<string[]> {
	const markup = await closedRoot(page, tag).run(root => root.innerHTML, undefined);
	expect(markup, tag).toBeTruthy();
	await page.evaluate(
		([html, sheetText, id]) => {
			const host = document.createElement('div');
			host.id = id;
			host.style.cssText = 'position: fixed; top: 8px; left: 8px; z-index: 2147483647';
			const root = host.attachShadow({mode: 'open'});
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(sheetText);
			root.adoptedStyleSheets = [sheet];
			root.innerHTML = html;
			for (const element of root.querySelectorAll<HTMLElement>('[data-copy-style]'))
				element.style.cssText = element.getAttribute('data-copy-style') ?? '';
			document.body.append(host);
		},
		// Each style attribute is set through CSSOM instead, once in the page: its CSP refuses style attributes.
		[(markup ?? '').replaceAll(' style="', ' data-copy-style="'), css, COPY] as const,
	);
	const results = await new AxeBuilder({page}).include(`#${COPY}`).withTags(TAGS).analyze();
	await page.evaluate(id => document.getElementById(id)?.remove(), COPY);
	// The copy was really checked: axe passed its words' contrast, not just nothing at all.
	expect(results.passes.find(rule => rule.id === 'color-contrast')?.nodes.length ?? 0, tag).toBeGreaterThan(0);
	return results.violations.flatMap(violation =>
		violation.nodes.map(node => `${violation.id}: ${JSON.stringify(node.target)} — ${node.failureSummary ?? ''}`),
	);
}

/** The control's words stay readable on its hover background too (#f3f3f3), which axe never sees. */
async function expectReadableOnHover(page: Page, tag: string, selector: string): Promise<void> {
	const color = await closedRoot(page, tag).style(selector, 'color');
	expect(contrast(color ?? '', 'rgb(243, 243, 243)'), `${tag} ${selector} ${color}`).toBeGreaterThanOrEqual(4.5);
}

/**
 * The R49 checks in one language. Each language is its own file (accessibility-en.e2e.ts, accessibility-it.e2e.ts):
 * the whole suite is the longest e2e run by far (about 150 s); as two files, one language re-runs alone and the
 * two e2e workers can share the suite (test/longest-first-sequencer.ts starts both first).
 */
export function describeAccessibility(language: 'en' | 'it'): void {
	describe(`R49 in ${language === 'en' ? 'English' : 'Italian'}`, () => {
		let scenario: SyncScenario;
		const ids = {task: '', carla: '', older: ''};

		beforeAll(async () => {
			setUiLanguage(language);
			scenario = await startScenario({seed: 'none', language});
			const {org} = scenario;
			const repId = org.users.rep.id;
			const acme = org.insertRecord('Account', {Name: 'Acme'});
			ids.carla = org.insertRecord('Contact', {FirstName: 'Carla', LastName: 'Rossi', AccountId: acme});
			const task = (Subject: string, days: number, extra: Record<string, unknown> = {}) =>
				org.createTask(repId, {Subject, ActivityDate: localDate(days), OwnerId: repId, Status: 'Not Started', ...extra})
					.Id;
			ids.task = task('Call Acme about the renewal', 0, {Priority: 'High', WhoId: ids.carla, WhatId: acme});
			task('Send Globex the Q3 proposal', -2);
			task('Follow up with Umbrella on pricing', 1);
			// R4/R5: last changed a week before sync was turned on, so the first sync leaves it out: "Add to Tickler".
			const old = Date.now() - 7 * 86_400_000;
			const stamps = {CreatedDate: old, LastModifiedDate: old, SystemModstamp: old};
			ids.older = org.createTask(repId, {Subject: 'Check in with Dan', OwnerId: repId, ...stamps}, {system: true}).Id;
			// A new Task without Related To is refused: the reminder the test adds below gets an error row (R19).
			org.validationRules.set({
				name: 'Related_To_required',
				errorMessage: 'Related To is required for tasks in this org',
				field: 'WhatId',
				when: {field: 'WhatId', equals: null},
				on: ['create'],
			});
		}, 120_000);

		afterAll(async () => {
			await scenario.close();
			setUiLanguage('en');
		});

		test('settings and the popup before sync is on (not connected, nothing listed): no violations', async () => {
			const {page, errors} = await scenario.session.openExtensionPage('src/options/index.html');
			await page.getByRole('checkbox', {name: t('syncLabel')}).waitFor();
			await expectAccessibleInBothThemes(page);
			// The README's first-run settings: what a rep meets before turning sync on.
			if (language === 'en') await page.screenshot({path: path.join(SCREENSHOTS_DIR, 'settings-first-run.png')});
			const {page: popup, errors: popupErrors} = await scenario.session.openExtensionPage('src/popup/index.html');
			await popup.getByText(t('popupNothingToday')).waitFor();
			await expectAccessibleInBothThemes(popup);
			expect([...errors, ...popupErrors]).toEqual([]);
			await popup.close();
			await page.close();
		});

		test('settings connected has no violations in either theme', async () => {
			const {page, errors} = await scenario.session.openExtensionPage('src/options/index.html');
			await page.getByRole('checkbox', {name: t('syncLabel')}).check();
			await expect
				.poll(async () => page.getByText('Rita Rep', {exact: false}).count(), {timeout: 15_000})
				.toBeGreaterThan(0);
			await expect.poll(async () => lastSyncAt(page), {timeout: 15_000}).toBeDefined();
			await expectAccessibleInBothThemes(page);
			expect(errors).toEqual([]);
			await page.close();
		});

		test('the popup with reminders, then with a refused row, has no violations in either theme', async () => {
			const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
			await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toHaveLength(3);
			await expectAccessibleInBothThemes(popup);

			const reminder = {name: REFUSED, dueDate: localDate(0)};
			const added = await ask(popup, 'addReminder', {id: crypto.randomUUID(), reminder});
			expect(added.ok).toBe(true);
			const refusal = popup.locator('.reminder', {hasText: REFUSED}).locator('.refusal');
			await expect.poll(async () => refusal.count(), {timeout: 20_000}).toBe(1);
			await expectAccessibleInBothThemes(popup);
			if (language === 'en') {
				// The README's dark popup: the same rows in a system set to dark.
				await popup.setViewportSize({width: 380, height: 520});
				await popup.emulateMedia({colorScheme: 'dark'});
				await popup.screenshot({path: path.join(SCREENSHOTS_DIR, 'popup-dark.png')});
				await popup.emulateMedia({colorScheme: 'light'});
			}

			expect(errors).toEqual([]);
			await popup.close();
		});

		test('All reminders with a search typed has no violations in either theme', async () => {
			const {page, errors} = await scenario.session.openExtensionPage('src/popup/all/index.html');
			await expect.poll(async () => page.locator('.reminder').count(), {timeout: 15_000}).toBeGreaterThan(2);
			await expectAccessibleInBothThemes(page);
			await page.getByRole('searchbox').fill('Acme');
			await expect.poll(async () => page.locator('.reminder').count()).toBe(1);
			await expectAccessibleInBothThemes(page);
			// A search that finds nothing says so, accessibly too.
			await page.getByRole('searchbox').fill('zzz-nothing');
			await expect.poll(async () => page.locator('.reminder').count()).toBe(0);
			await expectAccessibleInBothThemes(page);
			expect(errors).toEqual([]);
			await page.close();
		});
		test('the popup with the Undo offer, then the keys dialog (R48), has no violations in either theme', async () => {
			const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
			await expect.poll(async () => popup.locator('.reminder').count(), {timeout: 15_000}).toBeGreaterThan(2);
			// C on the first row: the offer shows; focus in it holds it open while axe runs (R48).
			await popup.locator('.reminder input.complete').first().focus();
			await popup.keyboard.press('c');
			const undo = popup.locator('.toast').getByRole('button', {name: t('undoUndo'), exact: true});
			await undo.focus();
			await expectAccessibleInBothThemes(popup);
			await popup.keyboard.press('?');
			await expect.poll(async () => popup.getByRole('dialog', {name: t('keysTitle')}).isVisible()).toBe(true);
			await expectAccessibleInBothThemes(popup);
			await popup.keyboard.press('Escape');
			await expect.poll(async () => popup.getByRole('dialog').count()).toBe(0);
			// Focus came back to Undo: the row comes back as it was, for the tests after this one.
			await popup.keyboard.press('Enter');
			await expect.poll(async () => popup.locator('.toast').count()).toBe(0);
			expect(errors).toEqual([]);
			await popup.close();
		});

		test('the popup with quick add’s understood parts, then a row’s snooze presets and chosen time open (R47, R50), has no violations', async () => {
			const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
			await expect.poll(async () => popup.locator('.reminder').count(), {timeout: 15_000}).toBeGreaterThan(2);
			// Quick add's parser loads at the first keystroke; its parts show once it has read the line.
			const phrase = language === 'en' ? 'Call Rossi tomorrow at 10' : 'Chiamare Rossi domani alle 10';
			await popup.getByRole('textbox', {name: t('quickAddLabel')}).fill(phrase);
			await expect
				.poll(async () => popup.locator('.quick-parts li.quick-part').count(), {timeout: 15_000})
				.toBeGreaterThan(1);
			await expectAccessibleInBothThemes(popup);
			await popup.getByRole('textbox', {name: t('quickAddLabel')}).fill('');
			const snooze = popup.locator('.reminder .snooze > button').first();
			await snooze.click();
			await expect.poll(async () => popup.locator('.snooze-time input[type="datetime-local"]').count()).toBe(1);
			await expectAccessibleInBothThemes(popup);
			await popup.keyboard.press('Escape');
			expect(errors).toEqual([]);
			await popup.close();
		});

		test('the side panel, beside a Salesforce Contact, has no violations in either theme', async () => {
			const {page: panel, errors} = await scenario.session.openExtensionPage('src/panel/index.html');
			await expect.poll(async () => panel.locator('main .reminder').count(), {timeout: 15_000}).toBeGreaterThan(2);
			await expectAccessibleInBothThemes(panel);
			// The rep moves to Carla's page: the panel adds the reminders about her, and "Remind me".
			const {page: contact} = await scenario.session.openPage(
				`https://${scenario.session.hosts.lightning}/lightning/r/Contact/${ids.carla}/view`,
			);
			await expect.poll(async () => panel.locator('.record-reminders .reminder').count(), {timeout: 15_000}).toBe(1);
			await expectAccessibleInBothThemes(panel);
			expect(errors).toEqual([]);
			await contact.close();
			await panel.close();
		});

		test('the badge and "Remind me" (closed roots) have no violations and stay light in a dark system', async () => {
			const lightning = scenario.session.hosts.lightning;
			const {page, errors} = await scenario.session.openPage(`https://${lightning}/lightning/r/Task/${ids.task}/view`);
			await page.emulateMedia({colorScheme: 'dark'});
			const badge = closedRoot(page, 'tickler-task-badge');
			await expect.poll(async () => badge.attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
			// They follow the Salesforce page, not the system: white in a dark system too.
			expect(await badge.style('button.pill', 'background-color')).toBe('rgb(255, 255, 255)');
			const pill = await badge.box('button.pill');
			expect(Math.min(pill?.width ?? 0, pill?.height ?? 0)).toBeGreaterThanOrEqual(24);
			await expectReadableOnHover(page, 'tickler-task-badge', '.brand');
			expect(await closedRootViolations(page, 'tickler-task-badge', BADGE_CSS)).toEqual([]);
			await badge.click('button.pill');
			await expect.poll(async () => badge.visible('.card')).toBe(true);
			expect(await closedRootViolations(page, 'tickler-task-badge', BADGE_CSS)).toEqual([]);

			const {page: contact, errors: contactErrors} = await scenario.session.openPage(
				`https://${lightning}/lightning/r/Contact/${ids.carla}/view`,
			);
			await contact.emulateMedia({colorScheme: 'dark'});
			const control = closedRoot(contact, 'tickler-remind-me');
			const button = {button: t('remindMeButton')};
			await expect.poll(async () => control.visible(button), {timeout: 15_000}).toBe(true);
			expect(await control.style(button, 'background-color')).toBe('rgb(255, 255, 255)');
			await expectReadableOnHover(contact, 'tickler-remind-me', 'button');
			expect(await closedRootViolations(contact, 'tickler-remind-me', REMIND_ME_CSS)).toEqual([]);
			await control.click(button);
			await expect.poll(async () => control.visible('form')).toBe(true);
			for (const target of [button, {button: t('remindMeSave')}, {button: t('remindMeCancel')}, 'input[name="name"]']) {
				const box = await control.box(target);
				expect(Math.min(box?.width ?? 0, box?.height ?? 0), JSON.stringify(target)).toBeGreaterThanOrEqual(24);
			}

			expect(await closedRootViolations(contact, 'tickler-remind-me', REMIND_ME_CSS)).toEqual([]);
			expect([...errors, ...contactErrors]).toEqual([]);
			await contact.close();
			await page.close();
		});

		test('the badge offering "Add to Tickler" (an older Task) has no violations and stays light in a dark system', async () => {
			const lightning = scenario.session.hosts.lightning;
			const {page, errors} = await scenario.session.openPage(`https://${lightning}/lightning/r/Task/${ids.older}/view`);
			const badge = closedRoot(page, 'tickler-task-badge');
			const add = {button: t('badgeAddToTickler')};
			for (const colorScheme of THEMES) {
				await page.emulateMedia({colorScheme});
				await expect
					.poll(async () => badge.attribute('[data-state]', 'data-state'), {timeout: 15_000})
					.toBe('not-linked');
				if (!(await badge.visible('.card'))) await badge.click('button.pill');
				await expect.poll(async () => badge.visible(add)).toBe(true);
				expect(await badge.style(add, 'color'), colorScheme).toBe('rgb(255, 255, 255)');
				const box = await badge.box(add);
				expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
				// Its words stay readable on its hover background (#014486) too, which axe never sees.
				const color = await badge.style(add, 'color');
				expect(contrast(color ?? '', 'rgb(1, 68, 134)')).toBeGreaterThanOrEqual(4.5);
				expect(await closedRootViolations(page, 'tickler-task-badge', BADGE_CSS), colorScheme).toEqual([]);
			}

			expect(errors).toEqual([]);
			await page.close();
		});
	});
}
