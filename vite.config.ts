import {copyFile, cp, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {crx} from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import {build, defineConfig, type Plugin} from 'vite';
import {nodePolyfills} from 'vite-plugin-node-polyfills';
import manifest from './manifest.json' with {type: 'json'};
import {firefoxManifest, type Manifest} from './scripts/manifest-variants.js';
import {noDynamicCode} from './scripts/no-dynamic-code.js';
import {inlineLazyImport} from './scripts/inline-lazy-import.js';

const src = fileURLToPath(new URL('src', import.meta.url));
const outDir = fileURLToPath(new URL('dist', import.meta.url));
/** The Firefox variant of the same build (R42): dist/'s files with the transformed manifest. */
const firefoxOutDir = fileURLToPath(new URL('dist-firefox', import.meta.url));
/** The content script as the browser loads it: one self-contained classic script, no chunks. */
const CONTENT_SCRIPT_FILE = 'content-script.js';
/** The content script's stand-in for webextension-polyfill: the browser's own promise-based API (its header says why). */
const NATIVE_BROWSER = fileURLToPath(new URL('src/content/native-browser.ts', import.meta.url));
/** PRIVACY.md as shipped in the package, plain text so the browser shows it instead of downloading it. */
const PRIVACY_FILE = 'privacy.txt';

/** A build after the main one (the content script, the pages on their own): into its directory, adding to it. */
const SECOND_BUILD = (builtDir: string) =>
	({target: 'chrome116', outDir: builtDir, emptyOutDir: false, sourcemap: false, copyPublicDir: false}) as const;

/**
 * No fingerprinting (issue 11): @crxjs loads a content script through a loader that `import()`s its
 * chunks, and so lists them in `web_accessible_resources` for every Salesforce page — any page could then
 * fetch `chrome-extension://<id>/assets/…` and learn that Tickler, and which version, is installed. The
 * content script needs no dynamic import, so it is built here on its own as one IIFE file, and the built
 * manifest names that file: nothing is web-accessible. The top-level manifest.json stays the source of
 * truth for matches and run_at (R26); only the file names change.
 */
function selfContainedContentScript(): Plugin {
	// The build's own output directory: `vite build --outDir …` (the bench builds into tmp/bench-dist) must get
	// its content script and manifest there, not in dist/.
	let builtDir = outDir;
	return {
		name: 'tickler-self-contained-content-script',
		apply: 'build',
		configResolved(config) {
			builtDir = path.resolve(config.root, config.build.outDir);
		},
		async closeBundle() {
			await build({
				configFile: false,
				logLevel: 'warn',
				resolve: {alias: {'@': src, 'webextension-polyfill': NATIVE_BROWSER}},
				plugins: [preact()],
				build: {
					...SECOND_BUILD(builtDir),
					lib: {
						entry: fileURLToPath(new URL('src/content/content-script.ts', import.meta.url)),
						formats: ['iife'],
						name: 'ticklerContent',
						fileName: () => CONTENT_SCRIPT_FILE,
					},
				},
			});
			const builtPath = `${builtDir}/manifest.json`;
			const built = JSON.parse(await readFile(builtPath, 'utf8')) as Record<string, unknown>;
			built['content_scripts'] = manifest.content_scripts.map(script => ({...script, js: [CONTENT_SCRIPT_FILE]}));
			delete built['web_accessible_resources'];
			await writeFile(builtPath, `${JSON.stringify(built, null, 2)}\n`);
			for (const page of PAGES_ON_THEIR_OWN) await buildPageOnItsOwn(page, builtDir);
			// The privacy policy travels with the package (R42); the settings page links to this copy.
			await copyFile(fileURLToPath(new URL('PRIVACY.md', import.meta.url)), `${builtDir}/${PRIVACY_FILE}`);
			await writeFirefoxVariant(builtDir);
		},
	};
}

/**
 * The command center's pages, each built again on its own once the main build is done (issue 23): in the main
 * build a page shares chunks with every other page and the worker, so the popup's first paint fetched and
 * evaluated eight modules; built on its own it is one script (quick add's parser stays a separate chunk, loaded
 * at the first keystroke) and its own stylesheet. Measured: about 9 % sooner to the popup's first paint
 * (docs/benchmarks.md).
 * The page's HTML is written over the main build's copy of it, at the same path the manifest names.
 */
const PAGES_ON_THEIR_OWN = ['src/popup/index.html', 'src/popup/all/index.html'];

async function buildPageOnItsOwn(page: string, builtDir: string): Promise<void> {
	const name = path.basename(path.dirname(page));
	await build({
		configFile: false,
		logLevel: 'warn',
		root: fileURLToPath(new URL('.', import.meta.url)),
		resolve: {alias: {'@': src}},
		plugins: [preact()],
		build: {
			...SECOND_BUILD(builtDir),
			// One entry and no shared chunks: nothing to preload but the lazy parser, which loads on demand.
			modulePreload: {polyfill: false},
			rolldownOptions: {
				input: page,
				output: {
					entryFileNames: `pages/${name}-[hash].js`,
					chunkFileNames: `pages/${name}-[name]-[hash].js`,
					assetFileNames: `pages/${name}-[name]-[hash][extname]`,
				},
			},
		},
	});
}

/**
 * One source, two browsers (R42): once the Chrome build is complete in dist/, dist-firefox/ is a copy of it
 * whose manifest is `firefoxManifest(dist's manifest)`. No second bundle: the code is the same bytes, and the
 * few runtime differences live in src/background/platform.ts. Called at the end of the content script's
 * closeBundle, because plugins' closeBundle hooks may run in parallel and the copy must see the final dist/.
 */
async function writeFirefoxVariant(chromeDir: string): Promise<void> {
	// dist/ → dist-firefox/; another output directory (the bench's) gets its own sibling.
	const firefoxDir = chromeDir === outDir ? firefoxOutDir : `${chromeDir}-firefox`;
	await rm(firefoxDir, {recursive: true, force: true});
	await cp(chromeDir, firefoxDir, {recursive: true});
	const built = JSON.parse(await readFile(`${chromeDir}/manifest.json`, 'utf8')) as Manifest;
	await writeFile(`${firefoxDir}/manifest.json`, `${JSON.stringify(firefoxManifest(built), null, 2)}\n`);
}

const {content_scripts: _builtSeparately, ...manifestForCrx} = manifest;

// The manifest at the top level is the one that ships and the one the tests load (rule R26).
export default defineConfig({
	resolve: {
		alias: {'@': src},
	},
	plugins: [
		noDynamicCode(),
		inlineLazyImport('jsforce/core', /\/src\/background\/salesforce\/jsforce-loader\.ts$/),
		preact(),
		// jsforce's browser build still expects Node's global, Buffer, process, stream and events
		// (engineering guide, "Facts about this stack"). Only the worker imports jsforce; the
		// polyfills are injected where they are referenced, so the popup and content script stay lean.
		nodePolyfills({
			include: ['stream', 'events', 'timers', 'buffer', 'process', 'util'],
			globals: {Buffer: true, global: true, process: true},
		}),
		crx({manifest: manifestForCrx}),
		selfContainedContentScript(),
	],
	build: {
		target: 'chrome116',
		outDir: 'dist',
		emptyOutDir: true,
		sourcemap: false,
		chunkSizeWarningLimit: 1200,
		rolldownOptions: {
			// Extension pages the manifest does not name are built as extra inputs (crxjs bundles the rest from
			// the manifest): the side panel (issue 24). The All reminders page (R44) is built on its own, as the
			// popup is (PAGES_ON_THEIR_OWN).
			input: {panel: 'src/panel/index.html'},
		},
	},
});
