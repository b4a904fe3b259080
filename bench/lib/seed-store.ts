import type {Page} from 'playwright-core';
import type {BenchBrowser} from './extension.js';

/**
 * The store a busy rep's browser holds, for the Chromium figures (popup and All reminders paint, the worker's
 * cold start): 20,000 reminders in the extension's own IndexedDB, bulk-put from an extension page in one
 * transaction. Shape: 19,000 completed in the past year; 1,000 open — 20 overdue, 30 due today, 30 tomorrow,
 * 900 later, 20 without a due date — so the due list holds 80 rows while the indexes hold the full 20,000.
 * Seeded once per browser (the ids are random: seeding twice would double it).
 */
export type SeededStore = {stored: number; dueRows: number};

const seeded = new WeakMap<BenchBrowser, Promise<SeededStore>>();

/** Seeds `browser`'s store once; later calls get the first call's answer. */
export async function seedStore(
	browser: BenchBrowser,
	waitUntilCreated: (page: Page) => Promise<unknown>,
): Promise<SeededStore> {
	let once = seeded.get(browser);
	if (!once) {
		once = (async () => {
			// The extension creates the database (schema and indexes) when it first runs; seed into that one.
			const first = await browser.openPage('src/popup/index.html');
			await waitUntilCreated(first);
			await first.close();
			const seeder = await browser.openPage('src/options/index.html');
			const result = await seed(seeder);
			await seeder.close();
			if (result.stored < 20_000) throw new Error(`only ${result.stored} reminders stored`);
			return result;
		})();
		seeded.set(browser, once);
	}

	return once;
}

/** Runs in the extension page: writes the partition, the active-partition pointer and 20,000 reminders. */
async function seed(page: Page): Promise<SeededStore> {
	// tsx compiles with esbuild's keepNames, which wraps the named helpers below in `__name(…)`; the page
	// has no such helper, so give it an identity one.
	await page.evaluate('globalThis.__name ??= fn => fn');
	return page.evaluate(async () => {
		const partition = '00DTk00000DEMO1AAA:005Tk00000BENCH1AAA';
		const day = (offset: number) => {
			const date = new Date();
			date.setDate(date.getDate() + offset);
			return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
		};
		const now = Date.now();
		const reminders: Record<string, unknown>[] = [];
		const add = (index: number, status: 'open' | 'complete', dueDate: string | null) => {
			const taskId = `00T${String(index).padStart(12, '0')}AAA`;
			const fields = {
				name: `Follow up with customer ${index}`,
				status,
				priority: index % 7 === 0 ? 'high' : 'normal',
				dueDate,
				details: 'Sent the quote; waiting for the PO.',
			};
			reminders.push({
				...fields,
				id: crypto.randomUUID(),
				partition,
				taskId,
				createdAt: now - 86_400_000,
				updatedAt: now - 86_400_000,
				editedAt: {},
				origin: 'salesforce',
				localOnly: false,
				syncState: 'synced',
				base: {
					...fields,
					lastModifiedDate: '2026-03-01T10:00:00.000+0000',
					systemModstamp: '2026-03-01T10:00:00.000+0000',
					sfStatus: status === 'open' ? 'Not Started' : 'Completed',
					sfPriority: 'Normal',
				},
			});
		};

		let index = 0;
		for (let k = 0; k < 19_000; k++) add(index++, 'complete', day(-1 - (k % 365)));
		for (let k = 0; k < 20; k++) add(index++, 'open', day(-1 - (k % 7)));
		for (let k = 0; k < 30; k++) add(index++, 'open', day(0));
		for (let k = 0; k < 30; k++) add(index++, 'open', day(1));
		for (let k = 0; k < 900; k++) add(index++, 'open', day(2 + (k % 90)));
		for (let k = 0; k < 20; k++) add(index++, 'open', null);

		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('tickler');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error('open failed'));
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['reminders', 'partitions', 'meta'], 'readwrite');
			tx.objectStore('partitions').put({
				id: partition,
				orgId: '00DTk00000DEMO1AAA',
				userId: '005Tk00000BENCH1AAA',
				instanceHost: 'tickler-demo.my.salesforce.com',
				username: 'rep@tickler-demo.example',
				displayName: 'Rita Rep',
				enabled: true,
				enabledAt: now - 7 * 86_400_000,
				everEnabled: true,
				clockOffsetMs: 0,
				subjectTemplate: '{{activity_subject}}',
				status: {phase: 'idle', budget: 'normal', lastSyncAt: now - 60_000},
			});
			tx.objectStore('meta').put({key: 'activePartition', value: partition});
			const store = tx.objectStore('reminders');
			for (const reminder of reminders) store.put(reminder);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
		});
		const stored = await new Promise<number>((resolve, reject) => {
			const request = db.transaction('reminders').objectStore('reminders').count();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error ?? new Error('count failed'));
		});
		db.close();
		return {stored, dueRows: 80};
	});
}
