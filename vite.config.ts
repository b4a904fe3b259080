import {fileURLToPath} from 'node:url';
import {crx} from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import {defineConfig} from 'vite';
import {nodePolyfills} from 'vite-plugin-node-polyfills';
import manifest from './manifest.json' with {type: 'json'};

// The manifest at the top level is the one that ships and the one the tests load (rule R26).
export default defineConfig({
	resolve: {
		alias: {'@': fileURLToPath(new URL('src', import.meta.url))},
	},
	plugins: [
		preact(),
		// jsforce's browser build still expects Node's global, Buffer, process, stream and events
		// (engineering guide, "Facts about this stack"). Only the worker imports jsforce; the
		// polyfills are injected where they are referenced, so the popup and content script stay lean.
		nodePolyfills({
			include: ['stream', 'events', 'timers', 'buffer', 'process', 'util'],
			globals: {Buffer: true, global: true, process: true},
		}),
		crx({manifest}),
	],
	build: {
		target: 'chrome116',
		outDir: 'dist',
		emptyOutDir: true,
		sourcemap: false,
		chunkSizeWarningLimit: 1200,
		rolldownOptions: {
			// Extension pages the manifest does not name are built as extra inputs (crxjs bundles the rest from
			// the manifest): the All reminders page (R44), opened from the popup.
			input: {allReminders: 'src/popup/all/index.html'},
		},
	},
});
