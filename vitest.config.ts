import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import preact from '@preact/preset-vite';
import {defineConfig} from 'vitest/config';
import {LongestFirstSequencer} from './test/longest-first-sequencer.js';

const src = fileURLToPath(new URL('src', import.meta.url));
const browserFake = fileURLToPath(new URL('test/fakes/browser.ts', import.meta.url));
// Every core, and at least two (issue 23: CI stays quick on its two-core machines).
const WORKERS_FOR_FAST_LAYERS = Math.max(2, availableParallelism());

/**
 * Test layers (engineering guide §5), each its own project:
 *   unit         *.test.ts / *.test.tsx beside the code — fakes only, milliseconds each
 *                (*.test-d.ts type tests are enforced by `tsc --noEmit`, the first step of npm test)
 *   integration  *.int.test.ts — real jsforce + Dexie (fake-indexeddb) against the local org over HTTP
 *   e2e          test/e2e/*.e2e.ts — real Chromium loading dist/, four files at a time
 *   e2e-firefox  test/e2e-firefox/*.firefox.ts — real Firefox (firefox-esr over BiDi) loading dist-firefox/, serial
 *   package      test/package/*.package.test.ts — the store packages written from dist/ (R42), serial
 *   soak         *.soak.ts — the long randomized runs behind `npm run soak` (not in `npm test`)
 */
export default defineConfig({
	plugins: [preact()],
	resolve: {
		// webextension-polyfill throws outside an extension; unit and integration tests get a
		// behavioural fake instead. The e2e project loads the real build, so it needs no alias.
		alias: {'@': src, 'webextension-polyfill': browserFake},
	},
	test: {
		passWithNoTests: false,
		// The e2e files that take longest start first, so the e2e workers end together (the file says why).
		sequence: {sequencer: LongestFirstSequencer},
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					setupFiles: ['test/fakes/chrome-i18n.ts'],
					include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['**/*.int.test.ts', '**/*.package.test.ts', 'node_modules/**'],
					environment: 'node',
					// vitest's default for a run is one worker fewer than the cores: one worker on CI's two. Both
					// cores took the unit step from ~100 s to ~63 s and the integration step from ~99 s to ~60 s.
					maxWorkers: WORKERS_FOR_FAST_LAYERS,
				},
			},
			{
				extends: true,
				test: {
					name: 'integration',
					setupFiles: ['test/fakes/chrome-i18n.ts'],
					include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
					environment: 'node',
					// Each file starts its own local org on a port of its own, so files can run side by side.
					maxWorkers: WORKERS_FOR_FAST_LAYERS,
					testTimeout: 30_000,
					hookTimeout: 30_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					// Tests compare what the browser shows with copy.ts's words, read from the catalogs (R46).
					setupFiles: ['test/fakes/chrome-i18n.ts'],
					include: ['test/e2e/**/*.e2e.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 60_000,
					// Issue 23: four files at a time (each its own Chromium, local org and ports; admin-presets.e2e.ts
					// loads its own copy of the build), so CI stays quick on two cores as the suite grows. A file
					// spends much of its time waiting (a browser starting, a poll), so four beat two on two cores:
					// 232 s against 280 s on an idle machine (six: 206 s, with each test ~2× slower than alone).
					fileParallelism: true,
					maxWorkers: 4,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e-firefox',
					// Tests compare what the browser shows with copy.ts's words, read from the catalogs (R46).
					setupFiles: ['test/fakes/chrome-i18n.ts'],
					include: ['test/e2e-firefox/**/*.firefox.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 120_000,
					fileParallelism: false,
					maxWorkers: 1,
				},
			},
			{
				extends: true,
				test: {
					name: 'package',
					include: ['test/package/**/*.package.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 120_000,
					fileParallelism: false,
					maxWorkers: 1,
				},
			},
			{
				extends: true,
				test: {
					name: 'soak',
					include: ['test/**/*.soak.ts', 'src/**/*.soak.ts'],
					environment: 'node',
					testTimeout: 3_600_000,
				},
			},
		],
	},
});
