import type {CDPSession, Page} from 'playwright-core';
import type {FloorBrowser} from '../lib/floor-browser.js';
import {seedStore} from '../lib/seed-store.js';
import {median, round} from '../lib/stats.js';
import type {FamilyResult} from '../report.js';

/**
 * sw.coldStart.ms (issue 6): what a page's first message costs when the worker is stopped — Chromium
 * starting it, the worker's script evaluating and registering its listeners, Dexie opening the extension's
 * IndexedDB (holding the same 20,000 reminders as the popup figures, bench/lib/seed-store.ts) and the
 * answer. The message is `getSyncStatus` (src/background/background-api.ts: the active partition, its pending and
 * failed counts — indexed reads), not `ping`, which touches no IndexedDB and would leave the store's open
 * out (and a ping, since issue 23, also evaluates jsforce, which the worker otherwise loads only when it first
 * talks to Salesforce: salesforce/jsforce-loader.ts). The worker is stopped through CDP (`ServiceWorker.stopAllWorkers` from a page's session, the
 * engineering guide's recipe) and each run waits until CDP reports it stopped; the timer runs inside an
 * extension page around `chrome.runtime.sendMessage`. `sw.coldStart.ping.ms` is the old figure (a ping),
 * `sw.warm.ms` the same status read with the worker running.
 *
 * The floor (issue 23): the same message, timed the same way, to a second extension in the same browser whose
 * worker does nothing but answer it (bench/lib/floor-browser.ts), stopped by the same CDP call. The three
 * cold starts (status, ping, empty worker) take turns, so load on a shared machine falls on all alike; the
 * target is `sw.coldStart.ratio`, the status read over the empty worker's answer. What Tickler's worker
 * loads — its bundle (jsforce among it), Dexie opening IndexedDB — is what the ratio measures.
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

type Target = 'status' | 'ping' | 'empty';

async function stopWorker(cdp: CDPSession, status: Map<string, string>): Promise<void> {
	await cdp.send('ServiceWorker.stopAllWorkers');
	await waitFor(() => [...status.values()].every(value => value === 'stopped'), 10_000, 'the worker to stop');
}

export async function measureSwColdStart(browser: FloorBrowser, runs: number): Promise<FamilyResult> {
	await seedStore(browser, async page =>
		page.waitForFunction(() => performance.getEntriesByName('tickler:due-list-painted').length > 0, undefined, {
			timeout: 30_000,
		}),
	);
	const page = await browser.openPage('src/options/index.html');
	const emptyPage = await browser.openEmptyWorkerPage();
	const cdp = await browser.context.newCDPSession(page);
	// Every extension worker's running status, by version id; each side's ids, to tell them apart.
	const status = new Map<string, string>();
	const ids = {tickler: new Set<string>(), empty: new Set<string>()};
	cdp.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
		for (const version of event.versions) {
			const side = version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)
				? 'tickler'
				: version.scriptURL.startsWith(`chrome-extension://${browser.emptyWorkerExtensionId}/`)
					? 'empty'
					: undefined;
			if (side === undefined) continue;
			ids[side].add(version.versionId);
			status.set(version.versionId, version.runningStatus);
		}
	});
	await cdp.send('ServiceWorker.enable');
	await waitFor(() => ids.tickler.size > 0 && ids.empty.size > 0, 10_000, 'both workers to be reported');
	// Let whatever the page did on load (a sync request, a storage read) settle before the first stop.
	await page.waitForTimeout(500);

	const warm: number[] = [];
	for (let run = 0; run < runs; run++) warm.push(await timeMessage(page, 'getSyncStatus'));

	const running = (side: 'tickler' | 'empty') => [...ids[side]].some(id => status.get(id) === 'running');
	const cold: Record<Target, number[]> = {status: [], ping: [], empty: []};
	const order: Target[] = ['status', 'empty', 'ping'];
	for (let run = 0; run < runs * order.length; run++) {
		await stopWorker(cdp, status);
		// Take turns so load on the shared machine falls on all three alike.
		const target = order[run % order.length]!;
		const from = target === 'empty' ? emptyPage : page;
		cold[target].push(await timeMessage(from, target === 'status' ? 'getSyncStatus' : 'ping'));
		// The message really started the worker again (it was stopped before it was sent).
		await waitFor(() => running(target === 'empty' ? 'empty' : 'tickler'), 10_000, `the ${target} worker to run`);
		await page.waitForTimeout(100);
	}

	await emptyPage.close();
	await page.close();
	const sample = (values: number[]) => values.map(value => round(value));
	const coldMs = median(cold.status);
	const floorMs = median(cold.empty);
	const paired = (values: number[]) => values.map((value, index) => round(value / cold.empty[index]!, 2));
	return {
		family: 'sw',
		metrics: [
			{
				name: 'sw.coldStart.ms',
				value: round(coldMs),
				unit: 'ms',
				samples: sample(cold.status),
				note: 'getSyncStatus from a stopped worker (opens IndexedDB); was < 150 ms (issue 6), now the ratio below',
			},
			{
				name: 'sw.coldStart.floor.ms',
				value: round(floorMs),
				unit: 'ms',
				samples: sample(cold.empty),
				note: 'the same message to a stopped worker that does nothing (a second extension, same browser)',
			},
			{
				name: 'sw.coldStart.ratio',
				value: round(coldMs / floorMs, 2),
				unit: '×',
				samples: paired(cold.status),
				reference: {
					value: 1.5,
					comparison: 'at-most',
					source: "issue 23: Tickler's cold start ≤ 1.5× an empty worker's, measured in the same run",
				},
			},
			{
				name: 'sw.coldStart.ping.ms',
				value: round(median(cold.ping)),
				unit: 'ms',
				samples: sample(cold.ping),
				note: `a ping from a stopped worker (no IndexedDB): the start alone, ${round(median(cold.ping) / floorMs, 2)}× the floor`,
			},
			{
				name: 'sw.warm.ms',
				value: round(median(warm)),
				unit: 'ms',
				samples: sample(warm),
				note: 'getSyncStatus, worker already running',
			},
		],
	};
}
