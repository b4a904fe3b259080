import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {type ExtensionSession, launchExtension} from './harness.js';

let session: ExtensionSession;
// Real Chromium on a shared 2-core box: give every expect.poll room (it returns as soon as it passes).
vi.setConfig({expect: {poll: {timeout: 10_000}}});

beforeAll(async () => {
	session = await launchExtension();
});

afterAll(async () => {
	await session.close();
});

test('the service worker starts from dist/ and answers a typed message', async () => {
	const {page, errors} = await session.openExtensionPage('src/popup/index.html');
	const reply = await page.evaluate(async () => chrome.runtime.sendMessage({channel: 'tickler', method: 'ping'}));
	expect(reply).toMatchObject({
		ok: true,
		value: {
			pong: true,
			context: 'background',
			libraries: {jsforce: expect.stringMatching(/^3\./), dexie: expect.stringMatching(/^4\./)},
		},
	});
	expect(errors).toEqual([]);
});

test('the worker refuses an unknown method and a malformed input (R27)', async () => {
	const {page} = await session.openExtensionPage('src/popup/index.html');
	const [unknown, malformed] = await page.evaluate(async () => [
		await chrome.runtime.sendMessage({channel: 'tickler', method: 'deleteEverything'}),
		await chrome.runtime.sendMessage({channel: 'tickler', method: 'requestSync', input: {reason: 'cron'}}),
	]);
	expect(unknown).toEqual({ok: false, error: {name: 'InvalidMessageError', message: 'Unknown message'}});
	expect(malformed).toEqual({ok: false, error: {name: 'InvalidMessageError', message: 'Invalid reason'}});
});

test('the popup opens without console errors', async () => {
	const {page, errors} = await session.openExtensionPage('src/popup/index.html');
	await expect.poll(async () => page.getByRole('heading', {name: 'Tickler'}).count()).toBe(1);
	expect(errors).toEqual([]);
});

test('the options page opens without console errors', async () => {
	const {page, errors} = await session.openExtensionPage('src/options/index.html');
	await expect.poll(async () => page.getByRole('heading', {name: 'Tickler settings'}).count()).toBe(1);
	expect(errors).toEqual([]);
});
