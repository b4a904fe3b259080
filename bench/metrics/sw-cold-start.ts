import type {CDPSession, Page} from 'playwright-core';
import type {BenchBrowser} from '../lib/extension.js';
import {median, round} from '../lib/stats.js';
import type {FamilyResult} from '../report.js';

/**
 * sw.coldStart.ms: Chromium starting the stopped service worker until it answers `ping` (issue 6).
 * The worker is stopped through CDP (`ServiceWorker.stopAllWorkers` from a page's session, the engineering
 * guide's recipe); the timer runs inside an extension page around `chrome.runtime.sendMessage`, so it
 * covers process-side start, script evaluation, listener registration and the reply.
 */

type VersionUpdate = {versions: {versionId: string; scriptURL: string; runningStatus: string}[]};

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

/** One timed `ping` from the page; retries the documented wake-up race, the way callBackground does. */
async function timePing(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const started = performance.now();
		for (let attempt = 0; ; attempt++) {
			try {
				const reply = await chrome.runtime.sendMessage<unknown, {ok?: boolean} | undefined>({
					channel: 'tickler',
					method: 'ping',
				});
				if (!reply?.ok) throw new Error(`ping answered ${JSON.stringify(reply)}`);
				return performance.now() - started;
			} catch (error) {
				if (attempt >= 20 || !String(error).includes('Receiving end does not exist')) throw error;
				await new Promise(resolve => setTimeout(resolve, 5));
			}
		}
	});
}

async function stopWorker(cdp: CDPSession, status: Map<string, string>): Promise<void> {
	await cdp.send('ServiceWorker.stopAllWorkers');
	await waitFor(() => [...status.values()].every(value => value === 'stopped'), 10_000, 'the worker to stop');
}

export async function measureSwColdStart(browser: BenchBrowser, runs: number): Promise<FamilyResult> {
	const page = await browser.openPage('src/options/index.html');
	const cdp = await browser.context.newCDPSession(page);
	const status = new Map<string, string>();
	cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
		for (const version of event.versions) {
			if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) {
				status.set(version.versionId, version.runningStatus);
			}
		}
	});
	await cdp.send('ServiceWorker.enable');
	await waitFor(() => status.size > 0, 10_000, 'the worker version to be reported');
	// Let whatever the page did on load (a sync request, a storage read) settle before the first stop.
	await page.waitForTimeout(500);

	const warm: number[] = [];
	for (let run = 0; run < runs; run++) warm.push(await timePing(page));

	const cold: number[] = [];
	for (let run = 0; run < runs; run++) {
		await stopWorker(cdp, status);
		cold.push(await timePing(page));
		await page.waitForTimeout(100);
	}

	await page.close();
	const sample = (values: number[]) => values.map(value => round(value));
	return {
		family: 'sw',
		metrics: [
			{
				name: 'sw.coldStart.ms',
				value: round(median(cold)),
				unit: 'ms',
				samples: sample(cold),
				reference: {value: 150, comparison: 'below', source: 'issue 6: worker answers within 150 ms of a cold start'},
			},
			{
				name: 'sw.warmPing.ms',
				value: round(median(warm)),
				unit: 'ms',
				samples: sample(warm),
				note: 'same ping, worker already running (the floor)',
			},
		],
	};
}
