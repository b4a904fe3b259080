/**
 * Real Firefox (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core, with the Firefox package's
 * files (dist-firefox/) installed as a temporary add-on (BiDi `webExtension.install`) and the Salesforce
 * hostnames routed to the local org through salesforce-proxy.ts. What is verified about this setup is in
 * docs/store/firefox.md ("Firefox in the tests").
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import type {Org, OrgUser} from '../org/org.js';
import {findFirefox} from './firefox-path.js';
import {firefoxProxyPrefs, type SalesforceProxy, startSalesforceProxy} from './salesforce-proxy.js';

const DIST_FIREFOX = path.resolve(import.meta.dirname, '../../dist-firefox');

export type FirefoxSession = {
	browser: Browser;
	proxy: SalesforceProxy;
	/** `moz-extension://<uuid>/` of the installed add-on. */
	extensionBase: string;
	/** The settings page the first install opened (src/background/accounts/first-run.ts). */
	settings: Page;
	/** Opens one of the add-on's own pages: the add-on opens it (BiDi will not navigate to moz-extension:). */
	openExtensionPage(pagePath: string): Promise<Page>;
	/** Signs `user` in as the org's login would: the `sid` cookies of both Salesforce hosts. */
	signIn(org: Org, user?: OrgUser): Promise<void>;
	close(): Promise<void>;
};

/**
 * R46: `language: 'it'` starts Firefox as an Italian browser — the preference `intl.locale.requested`, the
 * language Firefox's own settings page sets — so the add-on's `i18n` serves its Italian catalog.
 */
export type FirefoxOptions = {headless?: boolean; language?: 'en' | 'it'};

export async function launchFirefox(org: {url: string}, options: FirefoxOptions = {}): Promise<FirefoxSession> {
	if (!existsSync(path.join(DIST_FIREFOX, 'manifest.json'))) {
		throw new Error('dist-firefox/manifest.json is missing: run `npm run build` first.');
	}

	const proxy = await startSalesforceProxy(org.url);
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: findFirefox(),
		headless: options.headless ?? true,
		acceptInsecureCerts: true,
		extraPrefsFirefox: {
			...firefoxProxyPrefs(proxy.port),
			...(options.language === undefined ? {} : {'intl.locale.requested': options.language}),
		},
	});
	try {
		await browser.installExtension(DIST_FIREFOX);
		const settings = await findExtensionPage(browser, href => href.endsWith('/src/options/index.html'));
		const extensionBase = (await settings.evaluate(() => location.href)).replace(/src\/options\/index\.html$/, '');
		return {
			browser,
			proxy,
			extensionBase,
			settings,
			async openExtensionPage(pagePath) {
				const url = `${extensionBase}${pagePath}`;
				await settings.evaluate(async target => {
					await (globalThis as unknown as {browser: typeof chrome}).browser.tabs.create({url: target, active: true});
				}, url);
				return findExtensionPage(browser, href => href === url);
			},
			async signIn(salesforce, user = salesforce.users.rep) {
				const apiSid = salesforce.sessions.create(user.id, 'api');
				const lightningSid = salesforce.sessions.create(user.id, 'lightning');
				const cookie = (domain: string, value: string) => ({
					name: 'sid',
					value,
					domain,
					path: '/',
					secure: true,
					httpOnly: true,
					sameSite: 'None' as const,
				});
				await browser.setCookie(
					cookie(`${salesforce.name}.my.salesforce.com`, apiSid),
					cookie(`${salesforce.name}.lightning.force.com`, lightningSid),
				);
			},
			async close() {
				await browser.close();
				await proxy.close();
			},
		};
	} catch (error) {
		await browser.close();
		await proxy.close();
		throw error;
	}
}

/** The page whose real address passes `matches`; `page.url()` may still read about:blank, so ask the page. */
async function findExtensionPage(browser: Browser, matches: (href: string) => boolean): Promise<Page> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		for (const page of await browser.pages()) {
			const href = await page.evaluate(() => location.href).catch(() => '');
			if (matches(href)) {
				await page.waitForFunction(() => document.readyState === 'complete');
				return page;
			}
		}

		if (Date.now() > deadline) throw new Error('The extension page did not open in Firefox');
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}
