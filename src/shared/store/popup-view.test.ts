// The popup's plain-IndexedDB reads against a database written by Dexie with the real schema (open-db.ts): if an
// index or store name drifts, these fail.
import 'fake-indexeddb/auto';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {openTicklerDb, type TicklerDb} from './open-db.js';
import {addReminder} from './local-edits.js';
import {groupDue, openExistingStore, readPopupView, StoreNotReadyError} from './popup-view.js';
import type {Reminder} from './schema.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';
import {MIX_DAYS, seedDueMix} from '../../../test/fakes/test-db.js';

const NAME = 'tickler-popup-view-test';
let factory: IDBFactory;
let db: TicklerDb;
let store: IDBDatabase | undefined;

beforeEach(async () => {
	factory = new IDBFactory();
	db = openTicklerDb({name: NAME, indexedDB: factory, IDBKeyRange});
	await db.open();
});

afterEach(() => {
	store?.close();
	store = undefined;
	db.close();
});

const names = (rows: Reminder[]) => rows.map(row => row.name);

test('R22: open reminders due on or before tomorrow, split into overdue, today and tomorrow; tombstones, completed, later and undated ones are left out', async () => {
	await seedDueMix(db);
	store = await openExistingStore(factory, NAME);
	const view = await readPopupView(store, MIX_DAYS);
	expect(names(view.due.overdue)).toEqual(['late']);
	expect(names(view.due.today)).toEqual(['now']);
	expect(names(view.due.tomorrow)).toEqual(['next']);
	expect(view.partition).toBeUndefined();
	expect(view.pending).toBe(0);
	expect(view.errors).toBe(0);
});

test('R2/R22: only the active partition is read, with its pending and error counts from the same indexes the worker uses', async () => {
	const days = {today: '2026-03-05', tomorrow: '2026-03-06'};
	const partitionId = '00D000000000001AAA:005000000000001AAA';
	await db.partitions.put({id: partitionId, enabled: true} as never);
	await db.meta.put({key: 'activePartition', value: partitionId});
	const mine = await addReminder(db, {name: 'mine', dueDate: '2026-03-05'});
	const broken = await addReminder(db, {name: 'broken', dueDate: '2026-03-05'});
	await db.reminders.update(broken.id, {syncState: 'error'});
	await db.outbox.update(broken.id, {parked: 1});
	await addReminder(db, {name: 'other', dueDate: '2026-03-05'}, {partition: 'local'});
	store = await openExistingStore(factory, NAME);
	const view = await readPopupView(store, days);
	expect(names(view.due.today).toSorted()).toEqual(['broken', 'mine']);
	expect(view.partition?.id).toBe(partitionId);
	expect(view.pending).toBe(1); // mine; broken is parked
	expect(view.errors).toBe(1);
	expect(mine.partition).toBe(partitionId);
});

test('R22: with 20,000 reminders stored, the range returns exactly the open due ones of the partition', async () => {
	const rows: Reminder[] = [];
	for (let i = 0; i < 20_000; i++) {
		rows.push(
			aReminder({
				id: `r${i}`,
				partition: i % 2 ? 'local' : 'other',
				name: `n${i}`,
				status: i % 3 ? 'open' : 'complete',
				dueDate: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
				createdAt: 0,
				updatedAt: 0,
				origin: 'salesforce',
				syncState: 'synced',
			}),
		);
	}

	await db.reminders.bulkPut(rows);
	const days = {today: '2026-01-03', tomorrow: '2026-01-04'};
	const expected = groupDue(
		rows.filter(row => row.partition === 'local' && row.status === 'open'),
		days,
	);
	store = await openExistingStore(factory, NAME);
	const view = await readPopupView(store, days);
	const ids = (group: Reminder[]) => group.map(row => row.id).toSorted();
	expect(ids(view.due.overdue)).toEqual(ids(expected.overdue));
	expect(ids(view.due.today)).toEqual(ids(expected.today));
	expect(ids(view.due.tomorrow)).toEqual(ids(expected.tomorrow));
	expect(view.due.overdue.length + view.due.today.length + view.due.tomorrow.length).toBeGreaterThan(900);
}, 60_000);

test('before the worker created the store, the popup gets StoreNotReadyError and creates nothing itself', async () => {
	const empty = new IDBFactory();
	await expect(openExistingStore(empty, 'never-created')).rejects.toThrow(StoreNotReadyError);
	const databases = await empty.databases();
	expect(databases.map(info => info.name)).not.toContain('never-created');
});

test('an open popup never blocks the worker’s schema upgrade: it closes on versionchange', async () => {
	store = await openExistingStore(factory, NAME);
	db.close();
	const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = factory.open(NAME, store!.version + 1);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('open failed'));
		request.onblocked = () => reject(new Error('blocked by the popup'));
	});
	expect(upgraded.version).toBe(store.version + 1);
	upgraded.close();
});
