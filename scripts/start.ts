// `npm start` — the demo (issue 5): build Tickler, start the local Salesforce org with its demo data,
// open Chromium with Tickler installed and the demo rep signed in. The org's Salesforce hostnames are
// routed to the local org inside Chromium, so the manifest that ships is what runs (R26) — also for the first
// landing of a tab Chromium opens by itself, such as the popup's "Sign in" (test/e2e/first-navigation-forwarder.ts).
//
//   npm start                 interactive; headed when a display is available; Ctrl-C closes everything
//   npm start -- --once       turn sync on, wait for the first sync, print what the popup shows, exit 0
//   npm start -- --firefox    the same in Firefox ESR (scripts/start-firefox.ts); combines with --once
//   options: --no-build  --timeout=<seconds> (default 120)  --port=<org port>

import {spawnSync} from 'node:child_process';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {type ExtensionSession, launchExtension} from '../test/e2e/harness.js';
import {signIn} from '../test/e2e/salesforce-routing.js';
import {type LocalOrg, type Org, startLocalOrg} from '../test/org/index.js';
import {ensureBrowsers} from './ensure-browsers.js';
import {runFirefoxDemo} from './start-firefox.js';

const ROOT = path.resolve(import.meta.dirname, '..');

type Options = {once: boolean; firefox: boolean; build: boolean; timeoutMs: number; port: number | undefined};

function parseArgs(argv: string[]): Options {
	const value = (name: string): string | undefined =>
		argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
	const timeout = Number(value('timeout') ?? 120);
	const port = value('port');
	return {
		once: argv.includes('--once'),
		firefox: argv.includes('--firefox'),
		build: !argv.includes('--no-build'),
		timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : 120) * 1000,
		port: port === undefined ? undefined : Number(port),
	};
}

/** A local calendar day as YYYY-MM-DD, `offset` days from today. */
function day(offset: number): string {
	const d = new Date();
	d.setDate(d.getDate() + offset);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The rep's open Tasks due today that the first sync imports (R4): what the popup's "today" must show. */
function todaysTasks(org: Org): string[] {
	const today = day(0);
	return (
		org
			.listTasks({ownerId: org.users.rep.id})
			// R1: only reminder-like Tasks (subtype Task, not a recurring-series master) become reminders.
			.filter(task => task.TaskSubtype === 'Task' && !task.IsRecurrence)
			// R4: the first sync imports Tasks created or changed in the last 24 hours; older ones stay in Salesforce.
			.filter(task => !task.IsClosed && task.ActivityDate === today && task.Subject !== null)
			.filter(task => task.LastModifiedDate >= org.clock.nowMs() - 86_400_000)
			.map(task => task.Subject ?? '')
	);
}

function fail(message: string): never {
	console.error(`\nnpm start: ${message}`);
	process.exit(1);
}

function build(): void {
	console.log('Building Tickler (vite build → dist/) …');
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{
			cwd: ROOT,
			stdio: 'inherit',
		},
	);
	if (result.status !== 0) fail('the build failed (see above).');
}

async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) fail(`timed out waiting for ${what}.`);
		await new Promise(resolve => setTimeout(resolve, 250));
	}
}

/** Sends one typed message from an extension page, as the popup and settings page do. */
async function ask(
	page: Page,
	method: string,
	input?: unknown,
): Promise<{ok: boolean; value?: unknown; error?: {message: string}}> {
	return page.evaluate(async ([m, i]) => chrome.runtime.sendMessage({channel: 'tickler', method: m, input: i}), [
		method,
		input,
	] as const);
}

async function settledText(page: Page, deadline: number): Promise<string> {
	let last = '';
	let stableSince = Date.now();
	return until('the popup to settle', deadline, async () => {
		const text = (await page.locator('body').innerText()).trim();
		if (text !== last) {
			last = text;
			stableSince = Date.now();
			return undefined;
		}

		const stableFor = Date.now() - stableSince;
		const busy = /loading|syncing/i.test(text);
		return text.length > 0 && ((stableFor >= 1000 && !busy) || stableFor >= 10_000) ? text : undefined;
	});
}

async function runOnce(session: ExtensionSession, options: Options): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	const {page: settings} = await session.openExtensionPage('src/options/index.html');
	console.log('Turning sync on …');
	const enabled = await ask(settings, 'enableSync');
	if (!enabled.ok) fail(`Tickler could not turn sync on: ${enabled.error?.message ?? 'no answer'}`);
	await until('the first sync to complete', deadline, async () => {
		const status = await ask(settings, 'getSyncStatus');
		const value = status.value as {lastSyncAt?: string; phase?: string; message?: string} | undefined;
		if (value?.phase === 'paused') fail(`sync paused: ${value.message ?? 'no reason given'}`);
		return value?.lastSyncAt;
	});

	const {page: popup, errors} = await session.openExtensionPage('src/popup/index.html');
	// The popup paints its frame first, then the reminders from IndexedDB, and opening it asks for a
	// sync: print once its text has stopped changing (and, preferably, is not mid-sync).
	const text = await settledText(popup, deadline);
	console.log('\n──── What the Tickler popup shows ────');
	console.log(text);
	console.log('──────────────────────────────────────');
	if (errors.length > 0) fail(`the popup reported errors: ${errors.join(' | ')}`);
}

async function runInteractive(session: ExtensionSession, local: LocalOrg, headless: boolean): Promise<void> {
	await session.openExtensionPage('src/options/index.html');
	await session.openExtensionPage('src/popup/index.html');
	const home = await session.context.newPage();
	await home.goto(`https://${session.hosts.lightning}/lightning/o/Task/home`);
	await home.bringToFront();
	console.log(`
Tickler is running in Chromium${headless ? ' (headless: no display found)' : ''}, signed in as ${local.org.users.rep.name}.

  Salesforce (Lightning)  https://${session.hosts.lightning}/lightning/o/Task/home
  Salesforce (My Domain)  https://${session.hosts.myDomain}/
  Local org behind them   ${local.url}   (REST emulator; control API under /__org__/)
  Tickler settings        chrome-extension://${session.extensionId}/src/options/index.html
  Tickler popup           chrome-extension://${session.extensionId}/src/popup/index.html

Try it: tick "Sync reminders with Salesforce Tasks" in the settings tab, then open the popup tab to see
today's and tomorrow's reminders; open a Task in Salesforce to see the Tickler badge.
Press Ctrl-C to close everything.`);
	await new Promise<void>(resolve => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
		session.context.once('close', () => resolve());
	});
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	// Installs the browser from Debian's packages when missing and possible; else says the one command to run.
	const missing = ensureBrowsers([options.firefox ? 'firefox' : 'chromium']);
	if (missing !== undefined) fail(missing);

	if (options.build) build();
	// The demo rep's Salesforce time zone is this computer's, so the org's "today" is the popup's today.
	const repTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	const local = await startLocalOrg({
		seed: 'demo',
		repTimeZone,
		...(options.port === undefined ? {} : {port: options.port}),
	});
	console.log(`Local Salesforce org "${local.org.name}" at ${local.url}`);
	// Printed as JSON on one line so the demo test (test/e2e/demo-once.e2e.ts) can compare it with the popup.
	console.log(`Demo rep's Tasks due today in the org: ${JSON.stringify(todaysTasks(local.org))}`);

	const hasDisplay = Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
	const headless = options.once || !hasDisplay;
	if (options.firefox) {
		try {
			await runFirefoxDemo(local, {once: options.once, timeoutMs: options.timeoutMs, headless});
		} catch (error) {
			await local.close().catch(() => undefined);
			fail(error instanceof Error ? error.message : String(error));
		}

		await local.close().catch(() => undefined);
		console.log(options.once ? '\nFirst sync complete.' : '\nClosed Firefox and the local org.');
		process.exit(0);
	}

	let session: ExtensionSession | undefined;
	const closeAll = async (): Promise<void> => {
		await session?.close().catch(() => undefined);
		await local.close().catch(() => undefined);
	};

	try {
		session = await launchExtension({org: local, headless, handleSignals: false});
		await signIn(session.context, local.org);
		// A Salesforce tab tells Tickler which org the rep uses (issue 5, Session). Its first landing must work
		// (issue 20: the harness's first-navigation forwarder), so a failure stops the demo with the reason.
		const tab = await session.context.newPage();
		await tab.goto(`https://${session.hosts.lightning}/lightning/page/home`);
		if (options.once) await runOnce(session, options);
		else await runInteractive(session, local, headless);
	} catch (error) {
		await closeAll();
		fail(error instanceof Error ? error.message : String(error));
	}

	await closeAll();
	console.log(options.once ? '\nFirst sync complete.' : '\nClosed Chromium and the local org.');
	process.exit(0);
}

await main();
