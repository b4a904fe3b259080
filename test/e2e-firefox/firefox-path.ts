import {accessSync, constants} from 'node:fs';

export const FIREFOX_INSTALL_HINT =
	'Firefox was not found. Install it with `sudo apt-get install firefox-esr` (Debian) or point FIREFOX_PATH at a ' +
	'Firefox 140+ binary. The Firefox end-to-end flows need a real browser and are never skipped.';

/** The Firefox the Firefox flows drive: FIREFOX_PATH if set, else Debian's firefox-esr. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
	const candidates = env['FIREFOX_PATH'] ? [env['FIREFOX_PATH']] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
	for (const candidate of candidates) {
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// Try the next one.
		}
	}

	throw new Error(`${FIREFOX_INSTALL_HINT} (looked at: ${candidates.join(', ')})`);
}
