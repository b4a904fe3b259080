/**
 * "No badge" is only worth asserting once the content script has had its chance. A fixed wait proves
 * nothing (a slow badge passes it), so this waits for two events that must come after the content
 * script's decision instead:
 *
 * 1. The content script ran: its isolated world exists in the page (CDP `Runtime.executionContextCreated`,
 *    origin `chrome-extension://<id>`), and an evaluation queued in that world has run — after the
 *    script's own synchronous start, where it decides whether to ask for a badge (src/content/content-script.ts).
 * 2. Anything it sent reached the worker: a probe message sent from that same world arrives after any
 *    earlier message of the same sender (one channel, in order), and a recorder in the worker lists both.
 *
 * Returns the `getTaskBadge` requests the worker received from that page's content script: none means no
 * badge can be shown, since the badge is drawn only from the worker's answer.
 */
import type {Page} from 'playwright-core';
import {expect} from 'vitest';
import type {ExtensionSession} from './harness.js';

type Recorded = {method?: unknown; probe?: unknown; url?: string};

/** Installs the worker-side recorder (once per worker; a stopped worker loses it, so call per check). */
export async function recordContentMessages(session: ExtensionSession): Promise<void> {
	await session.worker.evaluate(() => {
		const scope = globalThis as unknown as {__ticklerRecorded?: Recorded[]};
		if (scope.__ticklerRecorded) return;
		const recorded: Recorded[] = [];
		scope.__ticklerRecorded = recorded;
		chrome.runtime.onMessage.addListener((message: unknown, sender) => {
			const body = (message ?? {}) as {method?: unknown; probe?: unknown};
			recorded.push({method: body.method, probe: body.probe, ...(sender.tab?.url ? {url: sender.tab.url} : {})});
			return false;
		});
	});
}

/** The badge requests the content script of `page` sent, once it has certainly sent all it was going to. */
export async function badgeRequestsAfterContentScript(session: ExtensionSession, page: Page): Promise<unknown[]> {
	const extensionOrigin = `chrome-extension://${new URL(session.worker.url()).host}`;
	const cdp = await session.context.newCDPSession(page);
	const worlds: number[] = [];
	cdp.on('Runtime.executionContextCreated', event => {
		if (event.context.origin === extensionOrigin) worlds.push(event.context.id);
	});
	await cdp.send('Runtime.enable');
	await expect.poll(() => worlds.length, {timeout: 15_000}).toBeGreaterThan(0);
	const probe = `probe-${Date.now()}-${Math.random()}`;
	await cdp.send('Runtime.evaluate', {
		contextId: worlds.at(-1)!,
		expression: `chrome.runtime.sendMessage(${JSON.stringify({probe})}).catch(() => undefined); true`,
	});
	const recorded = async () =>
		session.worker.evaluate(() => (globalThis as unknown as {__ticklerRecorded?: Recorded[]}).__ticklerRecorded ?? []);
	await expect.poll(async () => (await recorded()).some(entry => entry.probe === probe), {timeout: 15_000}).toBe(true);
	await cdp.detach();
	const url = page.url();
	return (await recorded()).filter(entry => entry.method === 'getTaskBadge' && entry.url === url);
}
