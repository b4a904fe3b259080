import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {type BrowserContext, chromium, type Page} from 'playwright-core';
import {extensionChromiumArgs} from '../../test/e2e/chromium-launch.js';
import {findChromium} from '../../test/e2e/chromium-path.js';
import {findFirstRunSettingsPage} from '../../test/e2e/first-run-page.js';

/**
 * Real Chromium with the extension the bench built. The e2e harness (test/e2e/harness.ts) always loads
 * dist/; the bench loads its own build directory so a teammate's `npm run build` cannot swap files under
 * a measurement. The Chromium flags are the e2e harness's own (test/e2e/chromium-launch.ts).
 */
export type BenchBrowser = {
	context: BrowserContext;
	extensionId: string;
	pageUrl(pagePath: string): string;
	/** `initScript`: source run in the page before its own scripts (e.g. to observe its performance marks). */
	openPage(pagePath: string, options?: {initScript?: string}): Promise<Page>;
	close(): Promise<void>;
};

/**
 * `alsoLoad`: more unpacked extensions in the same browser (the floors' do-nothing extension,
 * floor-browser.ts); Tickler's is told apart by its worker's script, read from its built manifest.
 */
export async function launchBenchBrowser(distDir: string, options: {alsoLoad?: string[]} = {}): Promise<BenchBrowser> {
	const manifest = JSON.parse(await readFile(path.join(distDir, 'manifest.json'), 'utf8')) as {
		background: {service_worker: string};
	};
	const isTickler = (url: string) => url.endsWith(`/${manifest.background.service_worker}`);
	const userDataDir = await mkdtemp(path.join(tmpdir(), 'tickler-bench-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: findChromium(),
		headless: true,
		// Both flags take a comma-separated list of directories.
		args: extensionChromiumArgs([distDir, ...(options.alsoLoad ?? [])].join(',')),
	});
	try {
		const worker =
			context.serviceWorkers().find(candidate => isTickler(candidate.url())) ??
			(await context.waitForEvent('serviceworker', {
				predicate: candidate => isTickler(candidate.url()),
				timeout: 30_000,
			}));
		const extensionId = new URL(worker.url()).host;
		// A first install opens the settings page (src/background/accounts/first-run.ts), and it stayed open
		// beside every measured page: a rep opening the popup has no Settings tab. Worse, it shares the pages'
		// renderer process and re-read the store on every change, inside the pages' own figures. Turned to
		// about:blank, as the e2e harness does, once it appears (a build older than that page opens none).
		const firstRun = await findFirstRunSettingsPage(context, extensionId, 10_000);
		await firstRun?.goto('about:blank');
		const pageUrl = (pagePath: string) => `chrome-extension://${extensionId}/${pagePath}`;
		return {
			context,
			extensionId,
			pageUrl,
			async openPage(pagePath, options = {}) {
				const page = await context.newPage();
				if (options.initScript !== undefined) await page.addInitScript(options.initScript);
				await page.goto(pageUrl(pagePath));
				await page.waitForLoadState('load');
				return page;
			},
			async close() {
				await context.close();
				await rm(userDataDir, {recursive: true, force: true});
			},
		};
	} catch (error) {
		await context.close();
		await rm(userDataDir, {recursive: true, force: true});
		throw error;
	}
}
