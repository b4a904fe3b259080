import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type ExtensionSession, launchExtension} from './harness.js';

// R40 in real Chromium, for the part a browser can show without a full disk: the worker's report of a
// storage failure reaches the popup and the settings page through storage.session (readable by extension
// pages, held in memory), and goes away when it is cleared. A real full disk or a refused IndexedDB cannot
// be produced in Chromium from a test; those are proved in test/sync/local-failures.int.test.ts and the
// unit tests (docs/sync-protocol.md "Local failures").

let session: ExtensionSession;
vi.setConfig({expect: {poll: {timeout: 10_000}}});

beforeAll(async () => {
	session = await launchExtension();
});

afterAll(async () => {
	await session.close();
});

const FULL = 'Your computer is out of storage space, so Tickler can’t save changes.';

test('R40: a storage failure the worker reports in storage.session is said on the popup and the settings page, and goes once cleared', async () => {
	const popup = await session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => popup.page.getByText('Nothing due today').count()).toBe(1);
	expect(await popup.page.locator('[data-local-failure]').count()).toBe(0);

	// What the worker writes when not even the sync status fits on the disk (local-failure-report.ts).
	await popup.page.evaluate(async () =>
		chrome.storage.session.set({'tickler:local-failure': {kind: 'storage-full', at: Date.now()}}),
	);
	await expect.poll(async () => popup.page.locator('[data-local-failure]').textContent()).toContain(FULL);

	const settings = await session.openExtensionPage('src/options/index.html');
	await expect.poll(async () => settings.page.locator('[data-local-failure]').textContent()).toContain(FULL);

	await popup.page.evaluate(async () => chrome.storage.session.remove('tickler:local-failure'));
	await expect.poll(async () => popup.page.locator('[data-local-failure]').count()).toBe(0);
	await expect.poll(async () => settings.page.locator('[data-local-failure]').count()).toBe(0);
	expect(popup.errors).toEqual([]);
	expect(settings.errors).toEqual([]);
});
