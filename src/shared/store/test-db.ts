/** Test helper: a fresh database on a new fake-indexeddb factory (engineering guide §5). */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {openTicklerDb, type TicklerDb} from './db.js';

export function openTestDb(name = 'tickler-test'): TicklerDb {
	return openTicklerDb({name, indexedDB: new IDBFactory(), IDBKeyRange});
}
