import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {type BrowserContext, chromium, type Page, type Worker} from 'playwright-core';
import {findChromium} from './chromium-path.js';

const DIST = path.resolve(import.meta.dirname, '../../dist');

export type ExtensionSession = {
	context: BrowserContext;
	extensionId: string;
	worker: Worker;
	/** Opens one of the extension's own pages (e.g. 'src/popup/index.html') and records its errors. */
	openExtensionPage(pagePath: string): Promise<{page: Page; errors: string[]}>;
	close(): Promise<void>;
};

/**
 * Launches real Chromium with the built extension from dist/ (never the dev server: we test what
 * ships). Flags from the engineering guide's verified recipe; the background-networking flags keep
 * Chromium from dialling Google on this closed network.
 */
export async function launchExtension(): Promise<ExtensionSession> {
	if (!existsSync(path.join(DIST, 'manifest.json'))) {
		throw new Error('dist/manifest.json is missing: run `npm run build` first (npm run test:e2e does).');
	}

	const userDataDir = await mkdtemp(path.join(tmpdir(), 'tickler-e2e-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: findChromium(),
		headless: true,
		args: [
			`--disable-extensions-except=${DIST}`,
			`--load-extension=${DIST}`,
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-quic',
			'--no-first-run',
		],
	});
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	const extensionId = new URL(worker.url()).host;

	return {
		context,
		extensionId,
		worker,
		async openExtensionPage(pagePath) {
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('console', message => {
				if (message.type() === 'error') errors.push(message.text());
			});
			page.on('pageerror', error => errors.push(error.message));
			await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
			await page.waitForLoadState('load');
			return {page, errors};
		},
		async close() {
			await context.close();
			await rm(userDataDir, {recursive: true, force: true});
		},
	};
}
