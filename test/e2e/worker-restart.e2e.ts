import type {Page} from 'playwright-core';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {
	enableSyncInSettings,
	localDate,
	popupNames,
	type SyncScenario,
	startScenario,
	syncNow,
} from './sync-fixture.js';

// Engineering guide §2.4, R17, R18: Chrome stops the service worker whenever it likes. Here it is stopped
// (CDP ServiceWorker.stopAllWorkers) while Salesforce is processing the create of a new reminder's Task —
// Salesforce commits it, the worker never hears back; the next worker must link that Task, not create
// a second one, and finish the sync — and in the middle of a pull of several pages, where the next worker
// must neither skip nor import twice a Task of the pages it never finished.

// Each test starts its own browser, org and rep, and turns sync on itself: neither depends on the other.
let scenario: SyncScenario;

/** The linked Task id of every stored reminder (tombstones included), read straight from IndexedDB. */
async function storedTaskIds(page: Page): Promise<string[]> {
	return page.evaluate(
		async () =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('tickler');
				open.onerror = () => reject(new Error('cannot open the store'));
				open.onsuccess = () => {
					const all = open.result.transaction('reminders').objectStore('reminders').getAll();
					all.onsuccess = () => {
						resolve((all.result as {taskId?: string}[]).flatMap(row => (row.taskId ? [row.taskId] : [])));
						open.result.close();
					};
				};
			}),
	);
}

beforeEach(async () => {
	scenario = await startScenario({seed: 'none'});
});

afterEach(async () => {
	await scenario.close();
});

/**
 * Sync on, the popup open, and a way to stop every service worker (CDP ServiceWorker.stopAllWorkers) that
 * returns once Chromium reports the worker stopped.
 */
async function popupWithWorkerStop(): Promise<{
	popup: Page;
	errors: string[];
	stopWorkers: () => Promise<void>;
	/** Starts the extension's worker again with no event of its own (CDP ServiceWorker.startWorker). */
	startWorker: () => Promise<void>;
}> {
	await enableSyncInSettings(scenario);
	const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
	const cdp = await scenario.session.context.newCDPSession(popup);
	const runningStatus: string[] = [];
	cdp.on('ServiceWorker.workerVersionUpdated', event => {
		for (const version of event.versions) runningStatus.push(version.runningStatus);
	});
	await cdp.send('ServiceWorker.enable');
	return {
		popup,
		errors,
		async stopWorkers() {
			await cdp.send('ServiceWorker.stopAllWorkers');
			await expect.poll(() => runningStatus.at(-1), {timeout: 5000}).toBe('stopped');
		},
		async startWorker() {
			await cdp.send('ServiceWorker.startWorker', {scopeURL: `chrome-extension://${scenario.session.extensionId}/`});
			await expect.poll(() => runningStatus.at(-1), {timeout: 5000}).toBe('running');
		},
	};
}

test('R18: the worker stopped mid-sync; the sync still completes, with no duplicate Task', async () => {
	const {org} = scenario;
	const repId = org.users.rep.id;
	const {popup, errors, stopWorkers} = await popupWithWorkerStop();

	// Note when a write reaches Salesforce, and make Salesforce slow to answer it.
	const writesArrived: number[] = [];
	const decide = org.faults.decide.bind(org.faults);
	org.faults.decide = (isWrite: boolean) => {
		if (isWrite) writesArrived.push(Date.now());
		return decide(isWrite);
	};
	org.faults.set({latencyMs: 1500});

	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Survives a worker stop');
	await popup.getByLabel('Due date').fill(localDate(1));
	await popup.getByRole('button', {name: 'Add', exact: true}).click();

	// The create request is in flight: stop every service worker now (Chromium reports it stopped).
	await expect.poll(() => writesArrived.length, {timeout: 15_000}).toBeGreaterThan(0);
	await stopWorkers();
	const created = () => org.listTasks({ownerId: repId}).filter(task => task.Subject === 'Survives a worker stop');
	// Salesforce committed it although nobody heard the answer.
	await expect.poll(() => created().length, {timeout: 10_000}).toBe(1);
	org.faults.clear();

	// A fresh worker (woken by "Sync now") finishes the job.
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect
		.poll(
			async () => {
				const row = popup.locator('.reminder', {hasText: 'Survives a worker stop'});
				return (await row.count()) === 1 ? row.locator('.sync-state').count() : -1;
			},
			{timeout: 20_000},
		)
		// In step: a healthy row says nothing about its state (issue 20).
		.toBe(0);
	// One more cycle must not create it again either.
	await syncNow(popup);
	expect(created()).toHaveLength(1);
	await expect.poll(async () => popupNames(popup)).toEqual(['Survives a worker stop']);
	expect(errors).toEqual([]);
});

test('R60: a worker stopped mid-create sends the reminder within 10 s of its next start, without "Sync now" or an alarm', async () => {
	const {org} = scenario;
	const repId = org.users.rep.id;
	const {popup, errors, stopWorkers, startWorker} = await popupWithWorkerStop();
	const writesArrived: number[] = [];
	const decide = org.faults.decide.bind(org.faults);
	org.faults.decide = (isWrite: boolean) => {
		if (isWrite) writesArrived.push(Date.now());
		return decide(isWrite);
	};
	org.faults.set({latencyMs: 1500});

	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Goes at the next start');
	await popup.getByLabel('Due date').fill(localDate(1));
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(() => writesArrived.length, {timeout: 15_000}).toBeGreaterThan(0);
	await stopWorkers();
	const created = () => org.listTasks({ownerId: repId}).filter(task => task.Subject === 'Goes at the next start');
	await expect.poll(() => created().length, {timeout: 10_000}).toBe(1);
	org.faults.clear();
	const [task] = created();

	// The worker starts again for no reason of its own (as any event would wake it): the create in doubt is
	// settled — linked to the Task Salesforce made, not sent twice — within 10 s, with no alarm due so soon.
	const restartedAt = Date.now();
	await startWorker();
	await expect.poll(async () => storedTaskIds(popup), {timeout: 10_000, interval: 250}).toContain(task?.Id);
	expect(Date.now() - restartedAt).toBeLessThan(10_000);
	expect(created()).toHaveLength(1);
	expect(errors).toEqual([]);
});

test('R13/R17: the worker stopped in the middle of a pull of several pages; the next one imports every Task exactly once', async () => {
	const {org} = scenario;
	const repId = org.users.rep.id;
	const {popup, errors, stopWorkers} = await popupWithWorkerStop();
	// 4,500 new Tasks of the rep: three pages of the pull (2,000 rows a page, salesforce-facts.md §3).
	const pulled = Array.from({length: 4500}, (_, i) =>
		org.createTask(repId, {Subject: `Pulled ${i}`, ActivityDate: localDate(30), Status: 'Not Started'}),
	);
	const pulledIds = new Set(pulled.map(task => task.Id));
	const storedPulled = async () => (await storedTaskIds(popup)).filter(id => pulledIds.has(id));

	// Each request takes a while, so a page can be caught in flight.
	org.faults.set({latencyMs: 1500});
	await popup.getByRole('button', {name: 'Sync now'}).click();
	// The first page is in the store, the rest is not: stop the worker now.
	await expect.poll(async () => (await storedPulled()).length, {timeout: 20_000, interval: 100}).toBeGreaterThan(0);
	await stopWorkers();
	const atStop = (await storedPulled()).length;
	expect(atStop).toBeLessThan(pulled.length);
	org.faults.clear();

	// A fresh worker (woken by "Sync now") picks the pull up again.
	await syncNow(popup);
	await expect.poll(async () => (await storedPulled()).length, {timeout: 20_000}).toBe(pulled.length);
	const ids = await storedPulled();
	expect(new Set(ids).size).toBe(ids.length); // no Task twice
	// And one more cycle changes nothing.
	await syncNow(popup);
	expect((await storedPulled()).length).toBe(pulled.length);
	expect(errors).toEqual([]);
});
