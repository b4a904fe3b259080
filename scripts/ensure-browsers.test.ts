import {describe, expect, it} from 'vitest';
import {installCommand, missingBrowsers} from './ensure-browsers.js';

describe('npm start / npm test on a fresh machine: the browsers they need', () => {
	it('a browser named by CHROME_PATH / FIREFOX_PATH counts only when it exists', () => {
		expect(
			missingBrowsers(['chromium', 'firefox'], {CHROME_PATH: '/nonexistent/chromium', FIREFOX_PATH: process.execPath}),
		).toEqual(['chromium']);
	});

	it('the one command to run installs every missing browser from Debian in one go', () => {
		expect(installCommand(['chromium', 'firefox'])).toBe(
			'sudo apt-get install -y chromium firefox-esr firefox-esr-l10n-it',
		);
		expect(installCommand(['firefox'])).toBe('sudo apt-get install -y firefox-esr firefox-esr-l10n-it');
	});
});
