import type {CDPSession, Page} from 'playwright-core';
import type {BenchBrowser} from '../lib/extension.js';
import {seedStore} from '../lib/seed-store.js';
import {median, round} from '../lib/stats.js';
import type {FamilyResult} from '../report.js';

/**
 * sw.coldStart.ms (issue 6): what a page's first message costs when the worker is stopped — Chromium
 * starting it, the worker's script evaluating and registering its listeners, Dexie opening the extension's
 * IndexedDB (holding the same 20,000 reminders as the popup figures, bench/lib/seed-store.ts) and the
 * answer. The message is `getSyncStatus` (src/background/background-api.ts: the active partition, its pending and
 * failed counts — indexed reads), not `ping`, which touches no IndexedDB and would leave the store's open
 * out. The worker is stopped through CDP (`ServiceWorker.stopAllWorkers` from a page's session, the
 * engineering guide's recipe) and each run waits until CDP reports it stopped; the timer runs inside an
 * extension page around `chrome.runtime.sendMessage`. `sw.coldStart.ping.ms` is the old figure (a ping),
 * `sw.warm.ms` the same status read with the worker running.
 */

type VersionUpdate = {versions: {versionId: string; scriptURL: string; runningStatus: string}[]};

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

type Method = 'ping' | 'getSyncStatus';

/** One timed message from the page; retries the documented wake-up race, the way callBackground does. */
async function timeMessage(page: Page, method: Method): Promise<number> {
	return page.evaluate(async name => {
		const started = performance.now();
		for (let attempt = 0; ; attempt++) {
			try {
				const reply = await chrome.runtime.sendMessage<unknown, {ok?: boolean; value?: unknown} | undefined>({
					channel: 'tickler',
					method: name,
				});
				// getSyncStatus must answer a status read from the store (its `phase`), not an error.
				const value = reply?.value as {pong?: unknown; phase?: unknown} | undefined;
				const answered = name === 'ping' ? value?.pong === true : typeof value?.phase === 'string';
				if (!reply?.ok || !answered) throw new Error(`${name} answered ${JSON.stringify(reply)}`);
				return performance.now() - started;
			} catch (error) {
				if (attempt >= 20 || !String(error).includes('Receiving end does not exist')) throw error;
				await new Promise(resolve => setTimeout(resolve, 5));
			}
		}
	}, method);
}

async function stopWorker(cdp: CDPSession, status: Map<string, string>): Promise<void> {
	await cdp.send('ServiceWorker.stopAllWorkers');
	await waitFor(() => [...status.values()].every(value => value === 'stopped'), 10_000, 'the worker to stop');
}

export async function measureSwColdStart(browser: BenchBrowser, runs: number): Promise<FamilyResult> {
	await seedStore(browser, async page =>
		page.waitForFunction(() => performance.getEntriesByName('tickler:due-list-painted').length > 0, undefined, {
			timeout: 30_000,
		}),
	);
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
	for (let run = 0; run < runs; run++) warm.push(await timeMessage(page, 'getSyncStatus'));

	const running = () => [...status.values()].some(value => value === 'running');
	const cold: number[] = [];
	const coldPing: number[] = [];
	for (let run = 0; run < runs * 2; run++) {
		await stopWorker(cdp, status);
		// Alternate the two messages so load on the shared machine falls on both alike.
		const method: Method = run % 2 === 0 ? 'getSyncStatus' : 'ping';
		(method === 'ping' ? coldPing : cold).push(await timeMessage(page, method));
		// The message really started the worker again (it was stopped before it was sent).
		await waitFor(running, 10_000, 'the worker to be running after the message');
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
				reference: {
					value: 150,
					comparison: 'below',
					source: 'issue 6: worker answers within 150 ms of a cold start (getSyncStatus: opens IndexedDB)',
				},
			},
			{
				name: 'sw.coldStart.ping.ms',
				value: round(median(coldPing)),
				unit: 'ms',
				samples: sample(coldPing),
				note: 'a ping from a stopped worker (no IndexedDB): the start alone',
			},
			{
				name: 'sw.warm.ms',
				value: round(median(warm)),
				unit: 'ms',
				samples: sample(warm),
				note: 'getSyncStatus, worker already running (the floor)',
			},
		],
	};
}
