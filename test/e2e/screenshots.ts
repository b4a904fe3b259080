import path from 'node:path';

/**
 * Where the e2e tests write their screenshots. Every run takes them (so a broken page shows up as a
 * failed capture), into tmp/screenshots; `npm run screenshots` (TICKLER_UPDATE_SCREENSHOTS=1) writes the
 * README's copies in docs/screenshots instead, so an ordinary test run leaves the work tree clean.
 */
export const SCREENSHOTS_DIR = path.resolve(
	import.meta.dirname,
	process.env['TICKLER_UPDATE_SCREENSHOTS'] === '1' ? '../../docs/screenshots' : '../../tmp/screenshots',
);
