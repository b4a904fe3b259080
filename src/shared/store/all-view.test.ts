import 'fake-indexeddb/auto';
import {Dexie} from 'dexie';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, expect, test} from 'vitest';
import {readRemindersAbout} from './all-view.js';
import {openTicklerDb, SCHEMA_V1} from './open-db.js';
import {openExistingStore} from './popup-view.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';
import {TEST_PARTITION_ID} from '../../../test/fakes/partition.js';

const CARLA = '003000000000001AAA';
const ACME = '001000000000001AAA';
const NAME = 'tickler-all-view-test';
let store: IDBDatabase | undefined;

afterEach(() => {
	store?.close();
	store = undefined;
});

/** Reminders about Carla (as Name), about Acme (as Related To), about both, about no one, gone, and elsewhere. */
const ROWS = [
	aReminder({id: 'who', name: 'Call Carla', whoId: CARLA, whatId: null}),
	aReminder({id: 'what', name: 'Acme renewal', whoId: null, whatId: ACME}),
	aReminder({id: 'both', name: 'Carla at Acme', whoId: CARLA, whatId: ACME}),
	aReminder({id: 'nobody', name: 'Plan the week', whoId: null, whatId: null}),
	aReminder({id: 'gone', name: 'Deleted about Carla', whoId: CARLA, whatId: null, deletedAt: 5}),
	aReminder({id: 'other', name: 'Another user', partition: 'other:partition', whoId: CARLA, whatId: null}),
];

const ids = (rows: readonly {id: string}[]) => rows.map(row => row.id).sort();

test('issue 24: the side panel reads only the reminders about the record, each once, from the version 5 indexes', async () => {
	const factory = new IDBFactory();
	const db = openTicklerDb({name: NAME, indexedDB: factory, IDBKeyRange});
	await db.reminders.bulkPut(ROWS);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	db.close();
	store = await openExistingStore(factory, NAME);
	expect(store.objectStoreNames.length).toBeGreaterThan(0);
	expect([...store.transaction('reminders').objectStore('reminders').indexNames]).toEqual(
		expect.arrayContaining(['[partition+whoId]', '[partition+whatId]']),
	);
	expect(ids((await readRemindersAbout(store, CARLA)).reminders)).toEqual(['both', 'who']);
	expect(ids((await readRemindersAbout(store, ACME)).reminders)).toEqual(['both', 'what']);
	expect((await readRemindersAbout(store, '003000000000009AAA')).reminders).toEqual([]);
});

test('issue 24: a store the worker has not upgraded yet (no such index) is read whole and filtered, with the same answer', async () => {
	const factory = new IDBFactory();
	const v1 = new Dexie(NAME, {indexedDB: factory, IDBKeyRange});
	v1.version(1).stores(SCHEMA_V1);
	await v1.table('reminders').bulkPut(ROWS);
	await v1.table('meta').put({key: 'activePartition', value: TEST_PARTITION_ID});
	v1.close();
	store = await openExistingStore(factory, NAME);
	expect(store.transaction('reminders').objectStore('reminders').indexNames.contains('[partition+whoId]')).toBe(false);
	expect(ids((await readRemindersAbout(store, CARLA)).reminders)).toEqual(['both', 'who']);
	expect(ids((await readRemindersAbout(store, ACME)).reminders)).toEqual(['both', 'what']);
});
