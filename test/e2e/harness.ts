import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {type BrowserContext, chromium, type Page, type Worker} from 'playwright-core';
import {startFirstNavigationForwarder} from './first-navigation-forwarder.js';
import {findFirstRunSettingsPage} from './first-run-page.js';
import {extensionChromiumArgs} from './chromium-launch.js';
import {findChromium} from './chromium-path.js';
import {
	DEFAULT_ORG_NAME,
	type RoutableOrg,
	routeSalesforceToOrg,
	type SalesforceHosts,
	salesforceHosts,
} from './salesforce-routing.js';

const DIST = path.resolve(import.meta.dirname, '../../dist');

export type LaunchOptions = {
	/**
	 * A running local org (`startLocalOrg()`'s result). When given, its Salesforce hostnames are routed
	 * to it before any page opens or the worker fetches, and the first navigation of a tab or window Chromium
	 * opens by itself (the extension's `tabs.create`, launchWebAuthFlow) reaches it too
	 * (first-navigation-forwarder.ts).
	 */
	org?: RoutableOrg & {org?: {name: string}};
	/** The My Domain name to route; defaults to the org's own name, else `tickler-demo`. */
	orgName?: string;
	/** Headless unless false (the demo opens a window when a display is available). */
	headless?: boolean;
	/** False lets the caller own Ctrl-C (the demo closes the org and the browser itself). */
	handleSignals?: boolean;
	/** The unpacked extension to load instead of dist/ (the upgrade test loads an earlier release, R41). */
	extensionDir?: string;
	/**
	 * A first install opens the settings page (src/background/accounts/first-run.ts). By default the harness waits for
	 * it and turns that tab back to about:blank, so every test starts from the same tabs; 'keep' leaves it
	 * open; 'absent' is for builds older than that page (the released 0.1.0).
	 */
	firstRunPage?: 'close' | 'keep' | 'absent';
	/**
	 * R46: the browser's UI language. Chromium has three sources of it and they can disagree (engineering
	 * guide, "The UI language"), so 'it' sets all three: `--lang=it` (the catalog shown), the environment's
	 * `LANGUAGE`/`LANG` (`i18n.getUILanguage()`) and the context's locale (`navigator.language`). Unset, the
	 * browser starts as it always did.
	 */
	language?: 'en' | 'it';
};

/** The launch settings that make Chromium's UI `language` (all three sources, see LaunchOptions). */
export function chromiumLanguage(language: 'en' | 'it'): {args: string[]; env: Record<string, string>; locale: string} {
	const [lang, posix, locale] = language === 'it' ? ['it', 'it_IT.UTF-8', 'it-IT'] : ['en-US', 'en_US.UTF-8', 'en-US'];
	const env = Object.fromEntries(
		Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
	return {args: [`--lang=${lang}`], env: {...env, LANGUAGE: lang, LANG: posix}, locale};
}

export type ExtensionSession = {
	context: BrowserContext;
	/** The routed Salesforce hosts (present whenever an org was given). */
	hosts: SalesforceHosts;
	extensionId: string;
	worker: Worker;
	/** Opens one of the extension's own pages (e.g. 'src/popup/index.html') and records its errors. */
	openExtensionPage(pagePath: string): Promise<{page: Page; errors: string[]}>;
	/** Opens any URL (e.g. a routed Salesforce page) in a new tab and records its console errors. */
	openPage(url: string): Promise<{page: Page; errors: string[]}>;
	close(): Promise<void>;
};

/**
 * Launches real Chromium with the built extension from dist/ (never the dev server: we test what
 * ships). The flags live in chromium-launch.ts, which the bench shares.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
	const extensionDir = options.extensionDir ?? DIST;
	if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
		throw new Error(`${extensionDir}/manifest.json is missing: run \`npm run build\` first (npm run test:e2e does).`);
	}

	const userDataDir = await mkdtemp(path.join(tmpdir(), 'tickler-e2e-'));
	const forwarder = options.org ? await startFirstNavigationForwarder(options.org.url) : undefined;
	const language = options.language === undefined ? undefined : chromiumLanguage(options.language);
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: findChromium(),
		headless: options.headless ?? true,
		handleSIGINT: options.handleSignals ?? true,
		handleSIGTERM: options.handleSignals ?? true,
		args: [...extensionChromiumArgs(extensionDir), ...(forwarder?.chromiumArgs ?? []), ...(language?.args ?? [])],
		...(language === undefined ? {} : {env: language.env, locale: language.locale}),
	});
	const orgName = options.orgName ?? options.org?.org?.name ?? DEFAULT_ORG_NAME;
	// Routing goes in before we even wait for the worker: nothing may reach the network unrouted.
	const hosts = options.org ? await routeSalesforceToOrg(context, options.org, {orgName}) : salesforceHosts(orgName);
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	const extensionId = new URL(worker.url()).host;
	if ((options.firstRunPage ?? 'close') !== 'absent') {
		const firstRun = await findFirstRunSettingsPage(context, extensionId);
		if (!firstRun) throw new Error('A first install did not open the settings page');
		// Chromium opens it in the window's first tab; leaving that tab on about:blank keeps the window as it was
		// before (closing the last tab closes the window, and requests of a new window escaped the routing).
		if (options.firstRunPage !== 'keep') await firstRun.goto('about:blank');
	}

	const openPage = async (url: string): Promise<{page: Page; errors: string[]}> => {
		const page = await context.newPage();
		const errors = recordErrors(page);
		await page.goto(url);
		await page.waitForLoadState('load');
		return {page, errors};
	};

	return {
		context,
		hosts,
		extensionId,
		worker,
		async openExtensionPage(pagePath) {
			return openPage(`chrome-extension://${extensionId}/${pagePath}`);
		},
		openPage,
		async close() {
			await context.close();
			await forwarder?.close();
			await rm(userDataDir, {recursive: true, force: true});
		},
	};
}

/** Console errors and uncaught exceptions of a page, as they happen. */
export function recordErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', message => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', error => errors.push(error.message));
	return errors;
}
