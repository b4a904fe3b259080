import 'fake-indexeddb/auto';
import {expect, test} from 'vitest';
import {openTicklerDb} from '@/shared/store/open-db.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {readView} from './store-view.js';

const days = {today: '2026-03-05', tomorrow: '2026-03-06'};

/** Opens the default database one version up, as a newer worker's Dexie would on an extension update. */
async function upgradeSchema(): Promise<void> {
	const current = await new Promise<number>(resolve => {
		const request = indexedDB.open('tickler');
		request.onsuccess = () => {
			resolve(request.result.version);
			request.result.close();
		};
	});
	await new Promise<void>((resolve, reject) => {
		const request = indexedDB.open('tickler', current + 1);
		request.onsuccess = () => {
			request.result.close();
			resolve();
		};
		request.onblocked = () => reject(new Error('the popup blocked the upgrade'));
		request.onerror = () => reject(request.error ?? new Error('upgrade failed'));
	});
}

test('R22: before the worker created the store the popup shows an empty list; afterwards it reads it, also across a schema upgrade', async () => {
	expect((await readView(days)).due.today).toEqual([]);
	const db = openTicklerDb();
	await addReminder(db, {name: 'Call Ana', dueDate: days.today});
	db.close();
	expect((await readView(days)).due.today.map(row => row.name)).toEqual(['Call Ana']);
	// The popup's connection gives way to the upgrade, and the next read opens the store again.
	await upgradeSchema();
	expect((await readView(days)).due.today.map(row => row.name)).toEqual(['Call Ana']);
});
