import type {Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {enableSyncInSettings, localDate, popupNames, type SyncScenario, startScenario} from './sync-fixture.js';
import {SYNC_STATUS_COPY} from '@/shared/copy.js';

// Issue 11 "Errors a rep can read" (R20) in the built extension: Chromium's fetch with `redirect: 'manual'`
// turns a 301 into an opaque answer (status 0, no Location). The worker must still say the org moved —
// not loop on "retrying" — and must not follow the redirect with the session to the other host.

let scenario: SyncScenario;
let popup: Page;
let repId: string;
const statusText = async () => popup.getByRole('status').first().textContent();

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
	repId = scenario.org.users.rep.id;
	scenario.org.createTask(repId, {Subject: 'Call Ana back', ActivityDate: localDate(0), OwnerId: repId});
});

afterAll(async () => {
	await scenario.close();
});

test('R20: an org moved to a new My Domain pauses sync and the popup says to sign in at its new address', async () => {
	await enableSyncInSettings(scenario);
	({page: popup} = await scenario.session.openExtensionPage('src/popup/index.html'));
	await expect.poll(async () => popupNames(popup), {timeout: 15_000}).toEqual(['Call Ana back']);
	await expect.poll(async () => statusText(), {timeout: 10_000}).toContain('Last sync');

	scenario.org.faults.set({failNth: {n: 1, kind: 'moved'}});
	const before = scenario.org.requests.length;
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect.poll(async () => statusText(), {timeout: 10_000}).toContain(SYNC_STATUS_COPY.orgMoved);
	// The redirect was answered once and never followed: no request reached another host through the org.
	const after = scenario.org.requests.slice(before);
	expect(after.filter(r => r.status === 301)).toHaveLength(1);
	await expect.poll(async () => popupNames(popup)).toEqual(['Call Ana back']);
});
