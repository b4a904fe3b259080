// `npm start -- --firefox`: the demo in Firefox ESR (R42). The same local org and demo rep as the Chromium
// demo (scripts/start.ts); Firefox gets the Firefox package's files (dist-firefox/) as a temporary add-on and
// reaches the Salesforce hostnames through the local proxy the Firefox e2e flows use
// (test/e2e-firefox/harness.ts). With --once: turn sync on, wait for the first sync, print the popup, exit 0.
import type {Page} from 'puppeteer-core';
import {type FirefoxSession, launchFirefox} from '../test/e2e-firefox/harness.js';
import type {LocalOrg} from '../test/org/index.js';

export type FirefoxDemoOptions = {once: boolean; timeoutMs: number; headless: boolean};

async function ask(page: Page, method: string): Promise<{ok: boolean; value?: unknown; error?: {message: string}}> {
	return page.evaluate(
		async m =>
			(globalThis as unknown as {browser: typeof chrome}).browser.runtime.sendMessage<
				unknown,
				{ok: boolean; value?: unknown; error?: {message: string}}
			>({channel: 'tickler', method: m}),
		method,
	);
}

async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 250));
	}
}

export async function runFirefoxDemo(local: LocalOrg, options: FirefoxDemoOptions): Promise<void> {
	const firefox: FirefoxSession = await launchFirefox(local, {headless: options.headless});
	try {
		await firefox.signIn(local.org);
		// A Salesforce tab tells Tickler which org the rep uses (issue 5, Session).
		const tab = await firefox.browser.newPage();
		await tab.goto(`https://${local.org.name}.lightning.force.com/lightning/page/home`).catch(() => undefined);
		if (options.once) {
			const deadline = Date.now() + options.timeoutMs;
			process.stdout.write('Turning sync on (Firefox) …\n');
			const enabled = await ask(firefox.settings, 'enableSync');
			if (!enabled.ok) throw new Error(`Tickler could not turn sync on: ${enabled.error?.message ?? 'no answer'}`);
			await until('the first sync to complete', deadline, async () => {
				const status = (await ask(firefox.settings, 'getSyncStatus')).value as {lastSyncAt?: string} | undefined;
				return status?.lastSyncAt;
			});
			const popup = await firefox.openExtensionPage('src/popup/index.html');
			const text = await until('the popup to list reminders', deadline, async () => {
				const body = await popup.evaluate(() => document.body.innerText);
				return /Today|Tomorrow/i.test(body) && !/loading/i.test(body) ? body : undefined;
			});
			process.stdout.write(
				`\n──── What the Tickler popup shows (Firefox) ────\n${text}\n────────────────────────────────────────────────\n`,
			);
			return;
		}

		await firefox.openExtensionPage('src/popup/index.html');
		process.stdout.write(`
Tickler is running in Firefox${options.headless ? ' (headless: no display found)' : ''}, signed in as ${local.org.users.rep.name}.

  Salesforce (Lightning)  https://${local.org.name}.lightning.force.com/lightning/o/Task/home
  Local org behind it     ${local.url}   (REST emulator; control API under /__org__/)
  Tickler settings        ${firefox.extensionBase}src/options/index.html (open in a tab already)

Try it: tick "Sync reminders with Salesforce Tasks" in the settings tab, then look at the popup tab.
Press Ctrl-C to close everything.
`);
		await new Promise<void>(resolve => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
			firefox.browser.once('disconnected', () => resolve());
		});
	} finally {
		await firefox.close().catch(() => undefined);
	}
}
