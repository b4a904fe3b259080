/**
 * The Tickler database (Dexie over IndexedDB). The popup reads it with plain IndexedDB (popup-view.ts);
 * every write goes through local-edits.ts (UI) or the sync engine (engineering guide §1).
 * Schemas only grow: every version() stays here forever (convention 9).
 */
import {Dexie, type EntityTable} from 'dexie';
import {
	type Checkpoint,
	type ConflictRow,
	DEFAULT_DB_NAME,
	type MetaRow,
	type OutboxEntry,
	type Partition,
	type Reminder,
	type SyncHistoryRow,
} from './schema.js';

export {DEFAULT_DB_NAME};

export type TicklerDb = Dexie & {
	reminders: EntityTable<Reminder, 'id'>;
	outbox: EntityTable<OutboxEntry, 'reminderId'>;
	checkpoints: EntityTable<Checkpoint, 'partition'>;
	partitions: EntityTable<Partition, 'id'>;
	syncHistory: EntityTable<SyncHistoryRow, 'seq'>;
	conflicts: EntityTable<ConflictRow, 'seq'>;
	meta: EntityTable<MetaRow, 'key'>;
};

export type OpenTicklerDbOptions = {
	name?: string;
	/** Tests inject a fresh fake-indexeddb factory per test (engineering guide §5). */
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
};

export function openTicklerDb(options: OpenTicklerDbOptions = {}): TicklerDb {
	const dexieOptions: {indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange} = {};
	if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
	if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
	const db = new Dexie(options.name ?? DEFAULT_DB_NAME, dexieOptions) as TicklerDb;

	// Version 1. [partition+status+dueDate] makes the popup's "open, due on or before tomorrow" one
	// indexed range (R22); reminders without a due date are simply absent from it (null is not a key).
	db.version(1).stores(SCHEMA_V1);

	// Version 2: a deletedAt index, so tombstones of reminders that never need a push can be purged
	// without scanning every reminder (maintenance.ts). Data is unchanged; v1 databases upgrade in place.
	db.version(2).stores({
		reminders: 'id, partition, [partition+status+dueDate], [partition+taskId], [partition+syncState], deletedAt',
	});

	// Version 3: a reminderAt index (R31), so the worker finds the next reminder time and the ones just due
	// without reading every reminder. Rows without a time (null or absent) are simply not in it.
	db.version(3).stores({
		reminders:
			'id, partition, [partition+status+dueDate], [partition+taskId], [partition+syncState], deletedAt, reminderAt',
	});

	// Version 4 (R58): reminders whose edit lost a conflict, by partition, so Settings lists the rep's values
	// waiting for "Keep mine" or "Keep Salesforce's" with one indexed range. Rows without `overruled` (all of
	// them at upgrade) are simply not in it; data is unchanged.
	db.version(4).stores({
		reminders:
			'id, partition, [partition+status+dueDate], [partition+taskId], [partition+syncState], deletedAt, reminderAt, [partition+overruled.at]',
	});

	// Version 5 (issue 24): reminders about a record, by partition, so the side panel beside a Salesforce record
	// reads only those — it read every reminder at each change of the store while open. A reminder about nobody
	// (whoId / whatId null) is simply not in the index; data is unchanged.
	db.version(5).stores({
		reminders:
			'id, partition, [partition+status+dueDate], [partition+taskId], [partition+syncState], deletedAt, reminderAt, [partition+overruled.at], [partition+whoId], [partition+whatId]',
	});

	return db;
}

/** The v1 schema, kept verbatim so the upgrade is tested from a real v1 database (convention 9). */
export const SCHEMA_V1 = {
	reminders: 'id, partition, [partition+status+dueDate], [partition+taskId], [partition+syncState]',
	outbox: 'reminderId, partition, [partition+parked]',
	checkpoints: 'partition',
	partitions: 'id',
	syncHistory: '++seq, [partition+startedAt]',
	conflicts: '++seq, [partition+at], reminderId',
	meta: 'key',
} as const;
