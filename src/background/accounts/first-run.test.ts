import {afterEach, describe, expect, it, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {openSettingsOnFirstInstall} from './first-run.js';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('R3/R41: the settings page opens on a first install only', () => {
	it('R3: a first install opens the settings page, where sync is turned on', async () => {
		const open = vi.fn(async () => undefined);
		(browser.runtime as unknown as {openOptionsPage: () => Promise<void>}).openOptionsPage = open;
		await openSettingsOnFirstInstall({reason: 'install'});
		expect(open).toHaveBeenCalledTimes(1);
	});

	it('R41: an update (or a browser update, or a shared module) opens nothing', async () => {
		const open = vi.fn(async () => undefined);
		(browser.runtime as unknown as {openOptionsPage: () => Promise<void>}).openOptionsPage = open;
		for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update']) {
			await openSettingsOnFirstInstall({reason});
		}

		expect(open).not.toHaveBeenCalled();
	});
});
