/**
 * R48 in real Chromium: the toolbar button's shortcut is installed (Alt+Shift+K) and settings shows it; the popup
 * opens with quick add focused; its rows are one Tab stop walked with the arrows; C completes the focused row and
 * focus lands on the next; Z undoes; `?` shows the keys in a dialog that Escape closes, focus back where it was.
 * All reminders: arrows, Delete with focus on the next row, Ctrl+Z. Sync is off (no org needed): the reminders
 * are local-only (R5), added by typing into quick add.
 */
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {t} from '@/shared/i18n/t.js';
import {type ExtensionSession, launchExtension} from './harness.js';

let session: ExtensionSession;
vi.setConfig({expect: {poll: {timeout: 10_000}}});

const NAMES = ['Call Ana', 'Call Bo', 'Call Cy'];

const focused = async (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
const rowNames = async (page: Page) => page.locator('.reminder .name').allTextContents();

/** Tab from where focus is until it reaches a row (the list's one Tab stop); at most `limit` presses. */
async function tabIntoList(page: Page, limit = 12): Promise<void> {
	for (let press = 0; press < limit; press++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement?.matches('.reminder input.complete') ?? false)) return;
	}

	throw new Error('Tab never reached the reminder list');
}

beforeAll(async () => {
	session = await launchExtension();
});

afterAll(async () => {
	await session.close();
});

test('R48: the toolbar button has its shortcut, and settings shows the key the browser gave it', async () => {
	const commands = await session.worker.evaluate(async () => chrome.commands.getAll());
	expect(commands.find(command => command.name === '_execute_action')?.shortcut).toBe('Alt+Shift+K');
	const {page, errors} = await session.openExtensionPage('src/options/index.html');
	const row = page.locator('.key-list > div', {hasText: t('shortcutsOpen')});
	await expect.poll(async () => row.locator('kbd').textContent()).toBe('Alt+Shift+K');
	await expect.poll(async () => page.getByRole('button', {name: t('shortcutsChange')}).count()).toBe(1);
	expect(errors).toEqual([]);
	await page.close();
});

test('R48: the popup by keyboard — type, arrow to the second reminder, C, focus on the next, Z undoes, ? shows the keys', async () => {
	const {page, errors} = await session.openExtensionPage('src/popup/index.html');
	// Quick add has focus as the popup opens: the rep types at once.
	await expect.poll(async () => focused(page)).toBe(t('quickAddLabel'));
	const line = page.getByRole('textbox', {name: t('quickAddLabel')});
	for (const name of NAMES) {
		await page.keyboard.type(name);
		await page.keyboard.press('Enter');
		await expect.poll(async () => rowNames(page)).toContain(name);
		// The row can show (the store's change) before the save's answer empties the line: wait for that.
		await expect.poll(async () => line.inputValue()).toBe('');
	}

	await expect.poll(async () => rowNames(page)).toEqual(NAMES);
	await tabIntoList(page);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Ana'}));
	// One Tab stop: Tab goes through this row's buttons and out of the list, never into another row.
	for (let press = 0; press < 6; press++) {
		await page.keyboard.press('Tab');
		const inOtherRow = await page.evaluate(() => {
			const row = document.activeElement?.closest('.reminder');
			return row !== null && row !== undefined && !row.textContent.includes('Call Ana');
		});
		expect(inOtherRow, `Tab ${press + 1}`).toBe(false);
	}

	// Back to the list: its Tab stop is still the row focus was last in.
	await page.locator('h1').click();
	await tabIntoList(page);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Ana'}));
	await page.keyboard.press('ArrowDown');
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Bo'}));
	await page.keyboard.press('c');
	await expect.poll(async () => rowNames(page)).toEqual(['Call Ana', 'Call Cy']);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Cy'}));
	await expect.poll(async () => page.locator('.toast').textContent()).toContain(t('undoKeyHint'));
	await page.keyboard.press('z');
	await expect.poll(async () => rowNames(page)).toEqual(NAMES);

	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', {name: t('keysTitle')});
	await expect.poll(async () => dialog.isVisible()).toBe(true);
	expect(await dialog.textContent()).toContain(t('keysMove'));
	await page.keyboard.press('Escape');
	await expect.poll(async () => dialog.count()).toBe(0);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Cy'}));

	// R50 by keyboard: S opens Call Cy's snooze presets with focus in them; Tab to "Tomorrow morning", Enter: it
	// moves to Tomorrow in one action; Z puts it back in Today.
	const focusedText = async () => page.evaluate(() => document.activeElement?.textContent.trim());
	const namesUnder = async (id: string) => page.locator(`[aria-labelledby="${id}"] .reminder .name`).allTextContents();
	await page.keyboard.press('s');
	await expect.poll(focusedText).toBe(t('snooze10Minutes'));
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	expect(await focusedText()).toBe(t('snoozeTomorrowMorning'));
	await page.keyboard.press('Enter');
	await expect.poll(async () => namesUnder('due-tomorrow')).toEqual(['Call Cy']);
	expect(await namesUnder('due-today')).toEqual(['Call Ana', 'Call Bo']);
	await expect.poll(async () => page.locator('.toast').textContent()).toContain(t('undoKeyHint'));
	await page.keyboard.press('z');
	await expect.poll(async () => namesUnder('due-today')).toEqual(NAMES);
	expect(errors).toEqual([]);
	await page.close();
});

test('R48: All reminders by keyboard — arrows, Delete with focus on the next row, Ctrl+Z undoes', async () => {
	const {page, errors} = await session.openExtensionPage('src/popup/all/index.html');
	await expect.poll(async () => rowNames(page)).toEqual(NAMES);
	await page.locator('h1').click();
	await tabIntoList(page, 20);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Ana'}));
	await page.keyboard.press('End');
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Cy'}));
	await page.keyboard.press('ArrowUp');
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Bo'}));
	await page.keyboard.press('Delete');
	await expect.poll(async () => rowNames(page)).toEqual(['Call Ana', 'Call Cy']);
	expect(await focused(page)).toBe(t('rowComplete', {name: 'Call Cy'}));
	await expect.poll(async () => page.locator('.toast').textContent()).toContain('Call Bo');
	await page.keyboard.press('Control+z');
	await expect.poll(async () => rowNames(page)).toEqual(NAMES);
	// Typed into search, the same letters are letters.
	await page.getByRole('searchbox').fill('Call');
	await page.getByRole('searchbox').press('d');
	await expect.poll(async () => page.getByRole('searchbox').inputValue()).toBe('Calld');
	await page.getByRole('searchbox').fill('');
	await expect.poll(async () => rowNames(page)).toEqual(NAMES);
	expect(errors).toEqual([]);
	await page.close();
});
