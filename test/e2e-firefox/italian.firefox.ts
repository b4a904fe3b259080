/**
 * R46 in Firefox: an Italian Firefox (`intl.locale.requested = it`, harness.ts) shows the settings page and
 * the popup in Italian — words from the add-on's Italian catalog, dates written by Intl in Italian, and
 * `<html lang="it">`.
 */
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type FirefoxSession, launchFirefox} from './harness.js';

vi.setConfig({expect: {poll: {timeout: 20_000}}});

let local: LocalOrg;
let firefox: FirefoxSession;

function localDate(days: number): string {
	const now = new Date();
	const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const text = async (page: Page) => page.evaluate(() => document.body.textContent);

beforeAll(async () => {
	local = await startLocalOrg({seed: 'none'});
	const repId = local.org.users.rep.id;
	local.org.createTask(repId, {
		Subject: 'Chiamare Carla',
		ActivityDate: localDate(0),
		Priority: 'High',
		OwnerId: repId,
	});
	local.org.createTask(repId, {Subject: 'Prenotare il viaggio a Milano', ActivityDate: localDate(1), OwnerId: repId});
	firefox = await launchFirefox(local, {language: 'it'});
}, 180_000);

afterAll(async () => {
	await firefox.close();
	await local.close();
});

test('R46: an Italian Firefox shows the settings page in Italian, and sync turns on from it', async () => {
	const {settings} = firefox;
	expect(await settings.evaluate(() => document.documentElement.lang)).toBe('it');
	await expect.poll(async () => text(settings)).toContain('Impostazioni di Tickler');
	await firefox.signIn(local.org);
	await settings.locator('::-p-aria(Sincronizza i promemoria con le attività Salesforce)').click();
	await expect.poll(async () => text(settings)).toContain('Rita Rep');
});

test('R46: an Italian Firefox shows the popup in Italian, with Italian dates', async () => {
	const popup = await firefox.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => text(popup)).toContain('Prenotare il viaggio a Milano');
	expect(await popup.evaluate(() => document.documentElement.lang)).toBe('it');
	const shown = await text(popup);
	for (const words of ['Nuovo', 'Tutti i promemoria', 'Oggi', 'Domani', 'Priorità alta', 'Sincronizza ora']) {
		expect(shown).toContain(words);
	}
	// "Scadenza mar 8 dic": the weekday and month as Intl writes them in Italian.
	const [year = 0, month = 1, day = 1] = localDate(1).split('-').map(Number);
	const tomorrow = new Intl.DateTimeFormat('it', {weekday: 'short', month: 'short', day: 'numeric'}).format(
		new Date(year, month - 1, day, 12),
	);
	expect(shown).toContain(`Scadenza ${tomorrow}`);
	for (const english of ['Add reminder', 'Today', 'Tomorrow', 'Sync now', 'Due ']) expect(shown).not.toContain(english);
});
