/**
 * R45 in real Chromium: two browser profiles (two persistent contexts, each with its own Tickler, its own
 * IndexedDB and its own `chrome.storage.sync`) signed in as the same rep on the same local org.
 *
 * Chrome Sync stand-in: Playwright's Chromium has no Google account here, so Chrome Sync never carries
 * `storage.sync` between the two profiles. `carry()` does what Chrome Sync would: it copies profile A's
 * Tickler items of `chrome.storage.sync` into profile B's (set / remove), where they arrive as
 * `storage.onChanged` events in area 'sync' — exactly how a change synced from another computer arrives.
 * Everything else (the rename, the sharing, the listener, the apply, the Salesforce traffic) is the real
 * built extension.
 */
import type {Worker} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {ask, enableSyncInSettings, lastSyncAt, type SyncScenario} from './sync-fixture.js';
import {type LocalOrg, startLocalOrg} from '../org/index.js';
import {launchExtension} from './harness.js';
import {signIn} from './salesforce-routing.js';

let local: LocalOrg;
let a: SyncScenario;
let b: SyncScenario;
let taskId = '';

async function profile(): Promise<SyncScenario> {
	const session = await launchExtension({org: local});
	await signIn(session.context, local.org);
	return {local, org: local.org, session, close: async () => session.close()};
}

beforeAll(async () => {
	local = await startLocalOrg({seed: 'none'});
	taskId = local.org.createTask(local.org.users.rep.id, {Subject: 'Call Acme', ActivityDate: '2030-01-15'}).Id;
	a = await profile();
	b = await profile();
}, 120_000);

afterAll(async () => {
	await a.close();
	await b.close();
	await local.close();
});

/** The reminder of a Task as a profile's own database holds it (read in that profile's worker). */
async function reminderOf(worker: Worker, id: string): Promise<{id: string; name: string} | undefined> {
	return worker.evaluate(
		async task =>
			new Promise<{id: string; name: string} | undefined>((resolve, reject) => {
				const open = indexedDB.open('tickler');
				open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
				open.onsuccess = () => {
					const all = open.result.transaction('reminders').objectStore('reminders').getAll();
					all.onsuccess = () => {
						const found = (all.result as Array<{id: string; name: string; taskId?: string; deletedAt?: number}>).find(
							r => r.taskId === task && r.deletedAt === undefined,
						);
						open.result.close();
						resolve(found ? {id: found.id, name: found.name} : undefined);
					};
				};
			}),
		id,
	);
}

async function syncItems(worker: Worker): Promise<Record<string, unknown>> {
	return worker.evaluate(async () =>
		Object.fromEntries(Object.entries(await chrome.storage.sync.get(null)).filter(([key]) => key.startsWith('tn1:'))),
	);
}

/** The Chrome Sync stand-in (see the file's comment): A's Tickler items of storage.sync reach B. */
async function carry(from: Worker, to: Worker): Promise<void> {
	const items = await syncItems(from);
	const stale = Object.keys(await syncItems(to)).filter(key => !(key in items));
	await to.evaluate(
		async ([set, remove]) => {
			if (remove.length > 0) await chrome.storage.sync.remove(remove);
			if (Object.keys(set).length > 0) await chrome.storage.sync.set(set);
		},
		[items, stale] as const,
	);
}

test('R45: a rename made in Tickler on one computer reaches the other; a Salesforce Subject edit renames neither (R10)', async () => {
	const workerA = a.session.worker;
	const workerB = b.session.worker;
	await (await enableSyncInSettings(a)).close();
	await (await enableSyncInSettings(b)).close();
	await expect.poll(async () => (await reminderOf(workerA, taskId))?.name, {timeout: 15_000}).toBe('Call Acme');
	await expect.poll(async () => (await reminderOf(workerB, taskId))?.name, {timeout: 15_000}).toBe('Call Acme');

	// The rep renames on computer A, through the popup's own message.
	const {page: pageA} = await a.session.openExtensionPage('src/popup/index.html');
	const reminderA = await reminderOf(workerA, taskId);
	const renamed = await ask(pageA, 'editReminder', {id: reminderA?.id, patch: {name: 'Call Acme about the renewal'}});
	expect(renamed.ok).toBe(true);
	// A shares it in its synced storage, one item keyed by partition and Task id.
	await expect
		.poll(async () => Object.entries(await syncItems(workerA)), {timeout: 15_000})
		.toEqual([
			[
				expect.stringMatching(new RegExp(`^tn1:${local.org.orgId}.*:${taskId}$`)),
				expect.objectContaining({n: 'Call Acme about the renewal'}),
			],
		]);

	// Chrome Sync (stand-in) carries it to B, whose worker applies it from storage.onChanged.
	await carry(workerA, workerB);
	await expect
		.poll(async () => (await reminderOf(workerB, taskId))?.name, {timeout: 15_000})
		.toBe('Call Acme about the renewal');

	// A Subject edit made in Salesforce renames neither computer's reminder (R10), even after both sync.
	local.org.updateTask(local.org.users.rep.id, taskId, {Subject: 'Typed in Salesforce'});
	for (const scenario of [a, b]) {
		const {page} = await scenario.session.openExtensionPage('src/popup/index.html');
		const before = await lastSyncAt(page);
		await ask(page, 'requestSync', {reason: 'user'});
		await expect.poll(async () => lastSyncAt(page), {timeout: 15_000}).not.toBe(before);
		await page.close();
	}

	await carry(workerA, workerB);
	expect((await reminderOf(workerA, taskId))?.name).toBe('Call Acme about the renewal');
	expect((await reminderOf(workerB, taskId))?.name).toBe('Call Acme about the renewal');
	await pageA.close();
});
