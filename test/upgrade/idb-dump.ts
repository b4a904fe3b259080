/**
 * An IndexedDB database as plain data (R41): what a release wrote, recorded from that release's build
 * (test/e2e/upgrade.e2e.ts records it from the real extension) or written with that release's own
 * Dexie schema code (record-schema-fixture.ts), so an upgrade test opens exactly what a rep's browser holds.
 */
export type IndexDump = {name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean};
export type StoreDump = {
	name: string;
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: IndexDump[];
	records: Array<{key: unknown; value: unknown}>;
};
export type DatabaseDump = {name: string; version: number; stores: StoreDump[]};

/**
 * Reads a whole database. Self-contained (no imports, no closures) so it can run inside an extension page
 * through `page.evaluate(dumpDatabase, name)` as well as in Node over fake-indexeddb.
 */
export async function dumpDatabase(name: string, factory: IDBFactory = indexedDB): Promise<DatabaseDump> {
	const request = <T>(r: IDBRequest<T>) =>
		new Promise<T>((resolve, reject) => {
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
		});
	const open = factory.open(name);
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error ?? new Error(`cannot open ${name}`));
	});
	try {
		const stores: StoreDump[] = [];
		for (const storeName of Array.from(db.objectStoreNames).sort()) {
			const store = db.transaction(storeName, 'readonly').objectStore(storeName);
			const indexes: IndexDump[] = Array.from(store.indexNames)
				.sort()
				.map(indexName => {
					const index = store.index(indexName);
					return {name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry};
				});
			const keys = await request(store.getAllKeys());
			const values = await request(store.getAll());
			stores.push({
				name: storeName,
				keyPath: store.keyPath,
				autoIncrement: store.autoIncrement,
				indexes,
				records: keys.map((key, position) => ({key, value: values[position]})),
			});
		}

		return {name, version: db.version, stores};
	} finally {
		db.close();
	}
}

/** Writes a dump into `factory` as that release left it: same version, stores, indexes and records. */
export async function restoreDatabase(dump: DatabaseDump, factory: IDBFactory): Promise<void> {
	const open = factory.open(dump.name, dump.version);
	open.onupgradeneeded = () => {
		const db = open.result;
		for (const store of dump.stores) {
			const created = db.createObjectStore(store.name, {keyPath: store.keyPath, autoIncrement: store.autoIncrement});
			for (const index of store.indexes) {
				created.createIndex(index.name, index.keyPath, {unique: index.unique, multiEntry: index.multiEntry});
			}
		}
	};
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error ?? new Error(`cannot create ${dump.name}`));
	});
	try {
		for (const store of dump.stores) {
			const transaction = db.transaction(store.name, 'readwrite');
			const objectStore = transaction.objectStore(store.name);
			for (const record of store.records) {
				if (store.keyPath === null) objectStore.put(record.value, record.key as IDBValidKey);
				else objectStore.put(record.value);
			}

			await new Promise<void>((resolve, reject) => {
				transaction.oncomplete = () => resolve();
				transaction.onerror = () => reject(transaction.error ?? new Error('restore failed'));
			});
		}
	} finally {
		db.close();
	}
}
