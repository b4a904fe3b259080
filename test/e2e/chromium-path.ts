import {accessSync, constants} from 'node:fs';

export const CHROMIUM_INSTALL_HINT =
	'Chromium was not found. Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or point ' +
	'CHROME_PATH at a Chromium or Chrome binary. The end-to-end tests need a real browser and are never skipped.';

/** The browser the e2e tests drive: CHROME_PATH if set, else Debian's /usr/bin/chromium. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
	const candidates = env['CHROME_PATH'] ? [env['CHROME_PATH']] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const candidate of candidates) {
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// Try the next one.
		}
	}

	throw new Error(`${CHROMIUM_INSTALL_HINT} (looked at: ${candidates.join(', ')})`);
}
