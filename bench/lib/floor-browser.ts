import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {type BenchBrowser, launchBenchBrowser} from './extension.js';

/**
 * The floors the browser figures are measured against, in the same browser and the same run (issue 23):
 * - a blank page of Tickler's own extension (same manifest, same origin): the popup's built document with
 *   its scripts and module preloads taken out — what Chromium needs to open and paint an extension page that
 *   runs nothing. Added to a copy of the build, so the measured build directory is never written to;
 * - a second, minimal extension whose module worker does nothing but answer a message: what Chromium needs to
 *   start an extension's worker and hear from it. Built here, into a temp directory, at each run.
 */

export const BLANK_PAGE = 'bench-blank.html';
const EMPTY_WORKER_SCRIPT = 'empty-worker.js';
const EMPTY_PAGE = 'empty-page.html';

export type FloorBrowser = BenchBrowser & {
	/** Opens a page of the do-nothing extension, from which its worker is messaged. */
	openEmptyWorkerPage(): Promise<Page>;
	emptyWorkerExtensionId: string;
};

/** The popup's document with nothing to run: no scripts, no module preloads; its stylesheets stay. */
export function blankDocument(popupHtml: string): string {
	const withoutScripts = popupHtml
		.replaceAll(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
		.replaceAll(/<link\b[^>]*rel="modulepreload"[^>]*>\s*/g, '');
	// One line of text, so the page has content to paint (the popup's #app is empty until its script runs).
	return withoutScripts.replace('<div id="app"></div>', '<div id="app"><p>Tickler</p></div>');
}

const EMPTY_MANIFEST = {
	manifest_version: 3,
	name: 'Bench: a worker that does nothing',
	version: '1.0.0',
	background: {service_worker: EMPTY_WORKER_SCRIPT, type: 'module'},
};

/** Answers every message as Tickler's worker answers a ping, and does nothing else. */
const EMPTY_WORKER = `chrome.runtime.onMessage.addListener((_message, _sender, reply) => {
	reply({ok: true, value: {pong: true}});
});
`;

async function prepare(dist: string): Promise<{root: string; tickler: string; empty: string}> {
	const root = await mkdtemp(path.join(tmpdir(), 'tickler-bench-floors-'));
	const tickler = path.join(root, 'tickler');
	const empty = path.join(root, 'empty-worker');
	await cp(dist, tickler, {recursive: true});
	const popup = await readFile(path.join(dist, 'src', 'popup', 'index.html'), 'utf8');
	const blank = blankDocument(popup);
	if (/<script\b/.test(blank) || !blank.includes('<p>Tickler</p>')) {
		throw new Error("the popup's built document no longer has the shape the blank page is cut from");
	}

	await writeFile(path.join(tickler, BLANK_PAGE), blank);
	await mkdir(empty);
	await writeFile(path.join(empty, 'manifest.json'), JSON.stringify(EMPTY_MANIFEST, null, '\t'));
	await writeFile(path.join(empty, EMPTY_WORKER_SCRIPT), EMPTY_WORKER);
	await writeFile(path.join(empty, EMPTY_PAGE), '<!doctype html>\n<meta charset="utf-8" />\n<title>Empty</title>\n');
	return {root, tickler, empty};
}

/** Chromium with a copy of `dist` (plus the blank page) and the do-nothing extension beside it. */
export async function launchFloorBrowser(dist: string): Promise<FloorBrowser> {
	const dirs = await prepare(dist);
	let browser: BenchBrowser;
	try {
		browser = await launchBenchBrowser(dirs.tickler, {alsoLoad: [dirs.empty]});
	} catch (error) {
		await rm(dirs.root, {recursive: true, force: true});
		throw error;
	}

	try {
		const isEmpty = (url: string) => url.endsWith(`/${EMPTY_WORKER_SCRIPT}`);
		const worker =
			browser.context.serviceWorkers().find(candidate => isEmpty(candidate.url())) ??
			(await browser.context.waitForEvent('serviceworker', {
				predicate: candidate => isEmpty(candidate.url()),
				timeout: 30_000,
			}));
		const emptyWorkerExtensionId = new URL(worker.url()).host;
		return {
			...browser,
			emptyWorkerExtensionId,
			async openEmptyWorkerPage() {
				const page = await browser.context.newPage();
				await page.goto(`chrome-extension://${emptyWorkerExtensionId}/${EMPTY_PAGE}`);
				await page.waitForLoadState('load');
				return page;
			},
			async close() {
				await browser.close();
				await rm(dirs.root, {recursive: true, force: true});
			},
		};
	} catch (error) {
		await browser.close();
		await rm(dirs.root, {recursive: true, force: true});
		throw error;
	}
}
