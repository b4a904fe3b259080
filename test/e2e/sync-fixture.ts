/**
 * Shared steps of the sync, popup and worker e2e flows: a local org with the demo data, Chromium with
 * Tickler and the rep signed in on routed Salesforce hostnames, and small readers for what the rep sees.
 */
import type {Page} from 'playwright-core';
import {expect, vi} from 'vitest';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {type ExtensionSession, launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';

// Real Chromium on a shared 2-core box: give every expect.poll room (it returns as soon as it passes).
vi.setConfig({expect: {poll: {timeout: 10_000}}});

export type SyncScenario = {
	local: LocalOrg;
	org: LocalOrg['org'];
	session: ExtensionSession;
	close(): Promise<void>;
};

export async function startScenario(
	options: {seed?: 'demo' | 'none'; extensionDir?: string; language?: 'en' | 'it'} = {},
): Promise<SyncScenario> {
	const local = await startLocalOrg({seed: options.seed ?? 'demo'});
	const session = await launchExtension({
		org: local,
		...(options.extensionDir === undefined ? {} : {extensionDir: options.extensionDir}),
		...(options.language === undefined ? {} : {language: options.language}),
	});
	await signIn(session.context, local.org);
	return {
		local,
		org: local.org,
		session,
		async close() {
			await session.close();
			await local.close();
		},
	};
}

/** Sends one typed message from an extension page, as the popup would. */
export async function ask(
	page: Page,
	method: string,
	input?: unknown,
): Promise<{ok: boolean; value?: unknown; error?: {name: string; message: string}}> {
	return page.evaluate(async ([m, i]) => chrome.runtime.sendMessage({channel: 'tickler', method: m, input: i}), [
		method,
		input,
	] as const);
}

/** Ticks the settings checkbox (R3) and waits until the first sync has completed. */
export async function enableSyncInSettings(scenario: SyncScenario): Promise<Page> {
	const {page, errors} = await scenario.session.openExtensionPage('src/options/index.html');
	await page.getByRole('checkbox', {name: 'Sync reminders with Salesforce Tasks'}).check();
	await expect
		.poll(
			async () =>
				page
					.getByText('Rita Rep', {exact: false})
					.count()
					.catch(() => 0),
			{timeout: 15_000},
		)
		.toBeGreaterThan(0);
	await expect.poll(async () => lastSyncAt(page), {timeout: 15_000}).toBeDefined();
	expect(errors).toEqual([]);
	return page;
}

export async function lastSyncAt(page: Page): Promise<string | undefined> {
	const reply = await ask(page, 'getSyncStatus');
	return (reply.value as {lastSyncAt?: string} | undefined)?.lastSyncAt;
}

/** The reminder names in the popup's list, in order. */
export async function popupNames(popup: Page): Promise<string[]> {
	return popup.locator('.reminder .name').allTextContents();
}

/** "Sync now" (R22) — how the tests trigger one poll without waiting for the schedule. */
export async function syncNow(popup: Page): Promise<void> {
	const before = await lastSyncAt(popup);
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect.poll(async () => lastSyncAt(popup), {timeout: 15_000}).not.toBe(before);
}

/** The rep's local calendar date, `days` from today (R11: what the popup calls today and tomorrow). */
export function localDate(days = 0): string {
	const now = new Date();
	const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The toolbar badge text (R22), read from the worker. */
export async function toolbarText(scenario: SyncScenario): Promise<string> {
	const worker =
		scenario.session.context.serviceWorkers()[0] ?? (await scenario.session.context.waitForEvent('serviceworker'));
	return worker.evaluate(async () => chrome.action.getBadgeText({}));
}
