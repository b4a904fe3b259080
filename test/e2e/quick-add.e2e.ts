/**
 * R47 end to end in Chromium against the local org: one typed line and Enter make the reminder — its name,
 * due date and reminder time — and it syncs as a Task; in English, and in Italian under an Italian browser
 * (the harness's `language: 'it'`, as italian.e2e.ts starts it). The keyboard alone: focus, type, Enter.
 */
import type {Page} from 'playwright-core';
import {afterEach, expect, test} from 'vitest';
import {lastSyncAt, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';

let scenario: SyncScenario | undefined;

afterEach(async () => {
	await scenario?.close();
	scenario = undefined;
});

/** Tomorrow at 10:00 on this machine's clock (the browser's: same machine, same zone). */
function tomorrowAtTen(): number {
	const now = new Date();
	return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0).getTime();
}

/** Ticks the settings page's sync checkbox (named in the browser's language) and waits for the first sync. */
async function enableSync(running: SyncScenario, checkbox: string): Promise<void> {
	const {page, errors} = await running.session.openExtensionPage('src/options/index.html');
	await page.getByRole('checkbox', {name: checkbox}).check();
	await expect.poll(async () => lastSyncAt(page), {timeout: 15_000}).toBeDefined();
	expect(errors).toEqual([]);
	await page.close();
}

/** Types the line into quick add with the keyboard and presses Enter. */
async function quickAdd(popup: Page, label: string, line: string, parts: string[]): Promise<void> {
	const field = popup.getByRole('textbox', {name: label});
	await field.focus();
	await popup.keyboard.type(line);
	// What was understood shows before saving (the parser arrives with the first keystroke).
	await expect.poll(async () => popup.locator('.quick-part').allTextContents()).toEqual(parts);
	await popup.keyboard.press('Enter');
	await expect.poll(async () => field.inputValue()).toBe('');
}

async function syncedTask(running: SyncScenario, popup: Page, syncButton: string, subject: string) {
	const before = await lastSyncAt(popup);
	await popup.getByRole('button', {name: syncButton}).click();
	await expect.poll(async () => lastSyncAt(popup), {timeout: 15_000}).not.toBe(before);
	const repId = running.org.users.rep.id;
	const task = () => running.org.listTasks({ownerId: repId}).find(row => row.Subject === subject);
	await expect.poll(() => task()?.['ActivityDate'], {timeout: 15_000}).toBe(localDate(1));
	return task();
}

const timeIn = (language: string, at: number) =>
	new Intl.DateTimeFormat(language, {hour: 'numeric', minute: '2-digit'}).format(at);

test('R47: "Call Rossi tomorrow at 10" + Enter makes that reminder, and it syncs as a Task', async () => {
	scenario = await startScenario({seed: 'none'});
	await enableSync(scenario, 'Sync reminders with Salesforce Tasks');
	const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
	const at = tomorrowAtTen();
	await quickAdd(popup, 'Quick add: type a reminder and when', 'Call Rossi tomorrow at 10', [
		'Name: Call Rossi',
		'Due tomorrow×',
		`Remind at ${timeIn('en', at)}×`,
	]);
	// Due tomorrow: it is on the popup's Tomorrow list, named without the date's words.
	await expect.poll(async () => popupNames(popup)).toEqual(['Call Rossi']);
	const task = await syncedTask(scenario, popup, 'Sync now', 'Call Rossi');
	expect(task?.['ReminderDateTime']).toBe(at);
	expect(errors).toEqual([]);
});

test('R47: under an Italian browser, "Chiamare Rossi domani alle 10" + Invio makes that reminder, and it syncs', async () => {
	scenario = await startScenario({seed: 'none', language: 'it'});
	await enableSync(scenario, 'Sincronizza i promemoria con le attività Salesforce');
	const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
	const at = tomorrowAtTen();
	await quickAdd(popup, 'Aggiunta rapida: scrivi il promemoria e quando', 'Chiamare Rossi domani alle 10', [
		'Oggetto: Chiamare Rossi',
		'Scadenza domani×',
		`Avviso alle ${timeIn('it', at)}×`,
	]);
	await expect.poll(async () => popupNames(popup)).toEqual(['Chiamare Rossi']);
	const task = await syncedTask(scenario, popup, 'Sincronizza ora', 'Chiamare Rossi');
	expect(task?.['ReminderDateTime']).toBe(at);
	expect(errors).toEqual([]);
});
