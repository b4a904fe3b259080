import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type ExtensionSession, launchExtension} from './harness.js';

// R22: the popup is usable with the keyboard alone, and every control has an accessible name. Sync is
// off here (no org needed): reminders are local-only (R5), and the popup says how to turn sync on.

let session: ExtensionSession;
// Real Chromium on a shared box: give every expect.poll room (it returns as soon as it passes).
vi.setConfig({expect: {poll: {timeout: 10_000}}});

/** The form moves focus to its name field once it is on screen; keys pressed before that would go nowhere. */
async function nameFieldFocused(page: Page): Promise<void> {
	await expect.poll(async () => page.evaluate(() => document.activeElement?.id.endsWith('-name') ?? false)).toBe(true);
}

beforeAll(async () => {
	session = await launchExtension();
});

afterAll(async () => {
	await session.close();
});

test('R22: add, edit, complete and delete-with-undo using only the keyboard', async () => {
	const {page, errors} = await session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => page.getByText('Nothing due today').count()).toBe(1);
	await expect
		.poll(async () => page.getByRole('status').first().textContent())
		.toContain('Sync is off — turn it on in Settings');

	// R48: the popup opens with quick add focused, ready to type.
	await expect
		.poll(async () => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
		.toBe('Quick add: type a reminder and when');
	// Add: Tab to "Add reminder" from the top of the page, Enter; the name field has focus; Enter submits.
	// (A click on the title moves the browser's Tab starting point to the top, as a rep's click would.)
	await page.locator('h1').click();
	await page.keyboard.press('Tab');
	await expect.poll(async () => page.evaluate(() => document.activeElement?.textContent)).toBe('Add reminder');
	await page.keyboard.press('Enter');
	await nameFieldFocused(page);
	await page.keyboard.type('Call Ana back');
	await page.keyboard.press('Enter');
	const row = page.locator('.reminder', {hasText: 'Call Ana back'});
	await expect.poll(async () => row.textContent()).toContain('On this computer only');
	// Focus comes back to "Add reminder" when the form closes.
	await expect.poll(async () => page.evaluate(() => document.activeElement?.textContent)).toBe('Add reminder');

	// Bad input is explained inline, next to the field.
	await page.getByRole('button', {name: 'Add reminder'}).focus();
	await page.keyboard.press('Enter');
	await nameFieldFocused(page);
	await page.keyboard.press('Enter');
	await expect.poll(async () => page.getByRole('alert').textContent()).toBe('The reminder needs a name.');
	await page.keyboard.press('Escape');
	// Wait for the add form to close: on a loaded machine the edit below could otherwise type into it.
	await expect.poll(async () => page.locator('form.reminder-form').count()).toBe(0);

	// Edit: focus the row's Edit button, Enter, change the name, Enter.
	await page.getByRole('button', {name: 'Edit Call Ana back'}).focus();
	await page.keyboard.press('Enter');
	await nameFieldFocused(page);
	await expect.poll(async () => page.getByRole('form', {name: 'Edit Call Ana back'}).count()).toBe(1);
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Call Ana back about pricing');
	await page.keyboard.press('Enter');
	await expect
		.poll(async () => page.locator('.reminder .name').allTextContents())
		.toEqual(['Call Ana back about pricing']);

	// Delete, then undo from the toast, by keyboard.
	await page.getByRole('button', {name: 'Delete Call Ana back about pricing'}).focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => page.locator('.reminder').count()).toBe(0);
	await page.getByRole('button', {name: 'Undo'}).focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => page.locator('.reminder').count()).toBe(1);

	// Complete: Space on the checkbox.
	await page.getByRole('checkbox', {name: 'Complete Call Ana back about pricing'}).focus();
	await page.keyboard.press('Space');
	await expect.poll(async () => page.getByText('Nothing due today').count()).toBe(1);
	// Focus did not fall back to the page: with no reminder left it is on quick add, the next thing to act on (R48).
	await expect
		.poll(async () => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
		.toBe('Quick add: type a reminder and when');

	// Every interactive element has an accessible name.
	const unnamed = await page.evaluate(() =>
		[...document.querySelectorAll('button, input, select, textarea, a')]
			.filter(element => {
				const labelled = element.getAttribute('aria-label') ?? element.getAttribute('aria-labelledby');
				const id = element.getAttribute('id');
				const label = id === null ? null : document.querySelector(`label[for="${CSS.escape(id)}"]`);
				return !labelled && !label && element.textContent.trim() === '';
			})
			.map(element => element.outerHTML),
	);
	expect(unnamed).toEqual([]);
	// The toolbar count follows local changes (R22): nothing open is due today now.
	await expect.poll(async () => session.worker.evaluate(async () => chrome.action.getBadgeText({}))).toBe('');
	expect(errors).toEqual([]);
});
