import type {KnipConfig} from 'knip';

/**
 * knip (`npm test`, after lint): no unused file, export, type or dependency. Its plugins read package.json's
 * scripts (the bench, the org's CLI, the demo), vite.config.ts (the side panel), vitest.config.ts (every
 * test file) and eslint.config.js; the rest is named here.
 */
const config: KnipConfig = {
	entry: [
		// What manifest.json and the pages' <script> tags load: crxjs builds them, so no config names them.
		'src/background/service-worker.ts',
		'src/content/content-script.ts',
		'src/popup/popup-main.tsx',
		'src/options/settings-main.tsx',
		// All reminders is built on its own (vite.config.ts, PAGES_ON_THEIR_OWN), not as an input knip reads.
		'src/popup/all/all-main.tsx',
		// Scripts run by hand (npx tsx …, node …), each documented in its own header.
		'scripts/*.{ts,mjs}',
		'bench/index-cost.ts',
		'test/upgrade/record-schema-fixture.ts',
		// The local org's programmatic API, the contract other code is written against (docs/local-org.md).
		'test/org/index.ts',
	],
	project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs,js}', '*.{ts,js}'],
	// An export its own file also uses is an API of that file, not dead code.
	ignoreExportsUsedInFile: true,
	// System tools, not npm packages: openssl makes the TLS forwarder's certificate (test/tls-forwarder.ts);
	// Xvfb and the X/netpbm tools take the notification screenshot (scripts/notification-screenshot.ts).
	ignoreBinaries: ['openssl', 'Xvfb', 'xwd', 'xwdtopnm', 'pnmcut', 'pnmtopng'],
};

export default config;
