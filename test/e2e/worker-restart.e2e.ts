import {afterAll, beforeAll, expect, test} from 'vitest';
import {
	enableSyncInSettings,
	localDate,
	popupNames,
	type SyncScenario,
	startScenario,
	syncNow,
} from './sync-fixture.js';

// Engineering guide §2.4, R17, R18: Chrome stops the service worker whenever it likes. Here it is stopped
// (CDP ServiceWorker.stopAllWorkers) while Salesforce is processing the create of a new reminder's Task.
// Salesforce commits it, the worker never hears back; the next worker must link that Task, not create
// a second one, and finish the sync.

let scenario: SyncScenario;

beforeAll(async () => {
	scenario = await startScenario({seed: 'none'});
});

afterAll(async () => {
	await scenario.close();
});

test('R18: the worker stopped mid-sync; the sync still completes, with no duplicate Task', async () => {
	const {org, session} = scenario;
	const repId = org.users.rep.id;
	await enableSyncInSettings(scenario);
	const {page: popup, errors} = await session.openExtensionPage('src/popup/index.html');

	// Note when a write reaches Salesforce, and make Salesforce slow to answer it.
	const writesArrived: number[] = [];
	const decide = org.faults.decide.bind(org.faults);
	org.faults.decide = (isWrite: boolean) => {
		if (isWrite) writesArrived.push(Date.now());
		return decide(isWrite);
	};
	org.faults.set({latencyMs: 1500});

	const cdp = await session.context.newCDPSession(popup);
	const runningStatus: string[] = [];
	cdp.on('ServiceWorker.workerVersionUpdated', event => {
		for (const version of event.versions) runningStatus.push(version.runningStatus);
	});
	await cdp.send('ServiceWorker.enable');
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill('Survives a worker stop');
	await popup.getByLabel('Due date').fill(localDate(1));
	await popup.getByRole('button', {name: 'Add', exact: true}).click();

	// The create request is in flight: stop every service worker now.
	await expect.poll(() => writesArrived.length, {timeout: 15_000}).toBeGreaterThan(0);
	await cdp.send('ServiceWorker.stopAllWorkers');
	// Chromium reports the worker's version as stopped.
	await expect.poll(() => runningStatus.at(-1), {timeout: 5000}).toBe('stopped');
	const created = () => org.listTasks({ownerId: repId}).filter(task => task.Subject === 'Survives a worker stop');
	// Salesforce committed it although nobody heard the answer.
	await expect.poll(() => created().length, {timeout: 10_000}).toBe(1);
	org.faults.clear();

	// A fresh worker (woken by "Sync now") finishes the job.
	await popup.getByRole('button', {name: 'Sync now'}).click();
	await expect
		.poll(async () => popup.locator('.reminder', {hasText: 'Survives a worker stop'}).textContent(), {timeout: 20_000})
		.toContain('Synced');
	// One more cycle must not create it again either.
	await syncNow(popup);
	expect(created()).toHaveLength(1);
	expect(await popupNames(popup)).toEqual(['Survives a worker stop']);
	expect(errors).toEqual([]);
});
