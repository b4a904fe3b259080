/**
 * R46 end to end: Chromium started as an Italian browser (the harness's `language: 'it'` sets all three
 * sources, engineering guide "The UI language") shows Tickler in Italian everywhere a rep looks — the
 * settings page, the popup, the Task page badge, "Remind me" and a reminder's notification — with Italian
 * dates ("domani", "lunedì 14 dicembre") and times ("15:00"). One browser, each step building on the last.
 * Takes the README's Italian popup screenshot (popup-it.png), beside the English one badge-sync.e2e.ts takes.
 *
 * The notification's words are read where they leave Tickler: `chrome.notifications.create` is wrapped in the
 * worker (the real call still goes on) just before the reminder alarm fires, as reminder-notification.e2e.ts
 * fires it — Chrome's own getAll lists only ids.
 */
import {rm} from 'node:fs/promises';
import path from 'node:path';
import type {Page, Worker} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {buildWithNotificationsGranted} from './notifications-granted-build.js';
import {SCREENSHOTS_DIR} from './screenshots.js';
import {lastSyncAt, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';
import {closedRoot} from './closed-root.js';
import {localDateString} from '@/shared/local-date.js';

let scenario: SyncScenario;
let grantedBuild: string;
let popup: Page;
const ids = {call: '', carla: ''};

const italianTime = (at: Date) => new Intl.DateTimeFormat('it', {hour: 'numeric', minute: '2-digit'}).format(at);
/** "lunedì 14 dicembre" (with the year when it is not this one), as Intl writes it in Italian. */
function italianLongDate(day: string): string {
	const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
	const at = new Date(year, month - 1, date, 12);
	const withYear = year === new Date().getFullYear() ? {} : {year: 'numeric' as const};
	return new Intl.DateTimeFormat('it', {weekday: 'long', month: 'long', day: 'numeric', ...withYear}).format(at);
}

async function currentWorker(): Promise<Worker> {
	return scenario.session.context.serviceWorkers()[0] ?? scenario.session.context.waitForEvent('serviceworker');
}

beforeAll(async () => {
	grantedBuild = await buildWithNotificationsGranted();
	scenario = await startScenario({seed: 'none', extensionDir: grantedBuild, language: 'it'});
	const {org} = scenario;
	const repId = org.users.rep.id;
	const acme = org.insertRecord('Account', {Name: 'Acme Italia'});
	ids.carla = org.insertRecord('Contact', {FirstName: 'Carla', LastName: 'Rossi', AccountId: acme});
	const task = (Subject: string, days: number, Priority = 'Normal') =>
		org.createTask(repId, {Subject, ActivityDate: localDate(days), Priority, Status: 'Not Started', OwnerId: repId}).Id;
	ids.call = task('Chiamare Acme per il rinnovo del contratto', 0, 'High');
	task('Inviare a Globex la proposta del terzo trimestre', 0);
	task('Ricontattare Umbrella sui prezzi', 1);
}, 120_000);

afterAll(async () => {
	await scenario.close();
	await rm(grantedBuild, {recursive: true, force: true});
});

test('R46: the settings page is in Italian, and sync is turned on from its Italian checkbox', async () => {
	const {page, errors} = await scenario.session.openExtensionPage('src/options/index.html');
	expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
	expect(await page.title()).toBe('Impostazioni di Tickler');
	await page.getByRole('checkbox', {name: 'Sincronizza i promemoria con le attività Salesforce'}).check();
	await expect
		.poll(async () => page.getByText('Rita Rep', {exact: false}).count(), {timeout: 15_000})
		.toBeGreaterThan(0);
	await expect.poll(async () => lastSyncAt(page), {timeout: 15_000}).toBeDefined();
	await expect
		.poll(async () => page.locator('#sync-state').textContent())
		.toMatch(/^La sincronizzazione è attiva per \S+@\S+\.$/u);
	const text = await page.locator('body').innerText();
	for (const words of [
		'Impostazioni di Tickler',
		'Account Salesforce',
		'Avvisi dei promemoria',
		'Cronologia di sincronizzazione',
	]) {
		expect(text).toContain(words);
	}
	// "On since <date>" is written in Italian: "Attiva dal 7 dic 2026, 10:42" or the like.
	expect(text).toMatch(/Attiva dal \d{1,2} \p{L}+/u);
	for (const english of ['Sync history', 'Reminder alerts', 'Your data', 'Salesforce account'])
		expect(text).not.toContain(english);
	expect(errors).toEqual([]);
	await page.close();
});

test('R46: the popup is in Italian with Italian dates and times, nothing cut in its width; its screenshot', async () => {
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await popup.setViewportSize({width: 420, height: 640});
	await expect
		.poll(async () => popupNames(popup), {timeout: 15_000})
		.toEqual([
			'Chiamare Acme per il rinnovo del contratto',
			'Inviare a Globex la proposta del terzo trimestre',
			'Ricontattare Umbrella sui prezzi',
		]);
	expect(await popup.evaluate(() => document.documentElement.lang)).toBe('it');
	// textContent, not innerText: the day headings are upper-cased by CSS only.
	const text = (await popup.locator('body').textContent()) ?? '';
	for (const words of ['Nuovo', 'Tutti i promemoria', 'Oggi', 'Domani', 'Priorità alta', 'Sincronizza ora']) {
		expect(text).toContain(words);
	}
	expect(text).toMatch(/Ultima sincronizzazione \d{1,2}:\d{2}/);
	for (const english of ['Add reminder', 'Today', 'Tomorrow', 'Sync now', 'Last sync', 'priority'])
		expect(text).not.toContain(english);
	await popup.screenshot({path: path.join(SCREENSHOTS_DIR, 'popup-it.png')});
	// Italian runs longer: no control's words are cut, and the popup never scrolls sideways.
	const cut = await popup.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('button, label, h2, .status-text, .name')]
			.filter(element => element.scrollWidth > element.clientWidth + 1)
			.map(element => element.textContent),
	);
	expect(cut).toEqual([]);
	expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	// The header's buttons and the status line's each keep their words on one line (one row of line boxes).
	const lines = await popup.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('.header-actions button, .status button')].map(button => {
			const range = document.createRange();
			range.selectNodeContents(button);
			return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
		}),
	);
	expect(lines.length).toBeGreaterThan(2);
	for (const count of lines) expect(count, JSON.stringify(lines)).toBe(1);
});

test('R46: the Task page badge says "Sincronizzato" with an Italian time, and its card is Italian', async () => {
	const {page, errors} = await scenario.session.openPage(
		`https://${scenario.session.hosts.lightning}/lightning/r/Task/${ids.call}/view`,
	);
	const badge = closedRoot(page, 'tickler-task-badge');
	await expect.poll(async () => badge.attribute('[data-state]', 'data-state'), {timeout: 15_000}).toBe('synced');
	expect(await badge.innerText('.label')).toMatch(/^Sincronizzato \d{1,2}:\d{2}$/);
	await badge.click('button.pill');
	await expect
		.poll(async () => badge.innerText('.card'))
		.toContain("Le modifiche all'oggetto fatte in Salesforce non cambiano il promemoria.");
	expect(errors).toEqual([]);
	await page.close();
});

test('R46: "Remind me" on a Contact page is in Italian, prefilled "Ricontattare: Carla Rossi"', async () => {
	const {page, errors} = await scenario.session.openPage(
		`https://${scenario.session.hosts.lightning}/lightning/r/Contact/${ids.carla}/view`,
	);
	const control = closedRoot(page, 'tickler-remind-me');
	await control.click({button: 'Ricordamelo'});
	await expect.poll(async () => control.value('input[name="name"]')).toBe('Ricontattare: Carla Rossi');
	expect(await control.text('label:has(input[name="dueDate"])')).toContain('Scadenza');
	expect(await control.value('input[name="dueDate"]')).toBe(localDate(1));
	expect(await control.text('label:has(input[name="reminderTime"])')).toContain('Ora del promemoria (facoltativa)');
	await control.fill('input[name="reminderTime"]', '10:30');
	await control.click({button: 'Salva'});
	await expect.poll(async () => control.text('[role="status"]')).toContain('Promemoria salvato');
	expect(errors).toEqual([]);
	await page.close();
});

/** Adds a reminder from the Italian popup, due `dueDay`, with a reminder time minutes ahead; returns that time. */
async function addWithReminderTime(name: string, dueDay: string, minutesAhead: number): Promise<Date> {
	const at = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 60_000) * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	await popup.getByRole('button', {name: 'Nuovo', exact: true}).click();
	await popup.getByLabel('Oggetto').fill(name);
	await popup.getByLabel('Scadenza').fill(dueDay);
	await popup
		.getByLabel("Data dell'avviso", {exact: true})
		.fill(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
	await popup.getByLabel("Ora dell'avviso", {exact: true}).fill(`${pad(at.getHours())}:${pad(at.getMinutes())}`);
	await popup.getByRole('button', {name: 'Aggiungi', exact: true}).click();
	// Saved: the form closes (a reminder due later than tomorrow is not listed in the popup).
	await expect.poll(async () => popup.getByRole('form').count()).toBe(0);
	return at;
}

type Shown = {title: string; message: string; buttons?: Array<{title: string}>; shownAt: number};

/** Moves the worker's clock `skipMs` ahead and fires the reminder alarm, recording what it notifies. */
async function fireReminderAlarm(skipMs: number): Promise<Shown[]> {
	await (
		await currentWorker()
	).evaluate(async skip => {
		const scope = globalThis as unknown as {shown?: unknown[]};
		const notifications = chrome.notifications as unknown as {create: (...args: unknown[]) => unknown};
		if (scope.shown === undefined) {
			const create = notifications.create.bind(chrome.notifications);
			notifications.create = (...args: unknown[]) => {
				// With the worker's clock when it notified: the due day is said relative to that moment.
				const options = (typeof args[0] === 'string' ? args[1] : args[0]) as object;
				scope.shown?.push({...options, shownAt: Date.now()});
				return create(...args);
			};
		}

		scope.shown = [];
		const realNow = (Date as unknown as {realNow?: () => number}).realNow ?? Date.now.bind(Date);
		(Date as unknown as {realNow?: () => number}).realNow = realNow;
		Date.now = () => realNow() + skip;
		await chrome.alarms.create('reminder-due', {when: realNow()});
	}, skipMs);
	// The worker re-arms the same alarm after each check (for the next reminder time): an alarm set here just before
	// that can be replaced by a later one. So each look that finds nothing shown asks for the alarm again.
	await expect
		.poll(
			async () =>
				(await currentWorker()).evaluate(async () => {
					const shown = (globalThis as unknown as {shown: unknown[]}).shown.length;
					const realNow = (Date as unknown as {realNow: () => number}).realNow;
					if (shown === 0) await chrome.alarms.create('reminder-due', {when: realNow()});
					return shown;
				}),
			{timeout: 15_000},
		)
		.toBeGreaterThan(0);
	return (await currentWorker()).evaluate(() => (globalThis as unknown as {shown: Shown[]}).shown);
}

test('R46/R31: a notification is in Italian — "Scadenza domani · 15:02", a later due day written out, Italian buttons', async () => {
	const dueTomorrow = localDate(1);
	const tomorrow = await addWithReminderTime('Richiamare Anna per il preventivo', dueTomorrow, 2);
	const later = localDate(10);
	const laterAt = await addWithReminderTime('Rinnovo Ferri', later, 4);
	const [first] = await fireReminderAlarm(3 * 60_000);
	// Run just before midnight, the reminder can go off on the due day itself: then it is due "oggi".
	const dueDayWord = dueTomorrow === localDateString(new Date(first?.shownAt ?? Number.NaN)) ? 'oggi' : 'domani';
	expect(first).toMatchObject({
		title: 'Richiamare Anna per il preventivo',
		message: `Scadenza ${dueDayWord} · ${italianTime(tomorrow)}`,
		buttons: [{title: 'Completa'}, {title: 'Posticipa: 1 ora'}],
	});
	const [second] = await fireReminderAlarm(5 * 60_000);
	expect(second).toMatchObject({
		title: 'Rinnovo Ferri',
		message: `Scadenza ${italianLongDate(later)} · ${italianTime(laterAt)}`,
	});
	// Written by Intl in Italian: a weekday and a month in Italian words.
	expect(second?.message).toMatch(/(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \d{1,2} \p{Ll}+/u);
});
