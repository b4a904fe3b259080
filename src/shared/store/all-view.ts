/**
 * What the All reminders page shows (R44), read with plain IndexedDB like the popup (popup-view.ts explains
 * why not Dexie). Two reads, so 20,000 stored reminders still paint at once:
 * - `readFirstPage`: the partition and the first page of open dated reminders, straight from the
 *   `[partition+status+dueDate]` index in date order (overdue first) — what the page opens on;
 * - `readAllReminders`: every visible reminder of the partition, read right after the first paint, for the
 *   other groups, the counts and search.
 * Writes never happen here: the page sends them to the worker (engineering guide §1).
 */
import {activePartitionId, promised} from './popup-view.js';
import type {Partition, Reminder} from './schema.js';

export type FirstPage = {partition: Partition | undefined; upcoming: Reminder[]};
export type AllReminders = {partition: Partition | undefined; reminders: Reminder[]};

async function activePartition(transaction: IDBTransaction): Promise<{id: string; partition: Partition | undefined}> {
	const id = await activePartitionId(transaction);
	const partition = (await promised(transaction.objectStore('partitions').get(id))) as Partition | undefined;
	return {id, partition};
}

/** The first `count` open reminders with a due date, earliest first (the page's opening view). */
export async function readFirstPage(store: IDBDatabase, count: number): Promise<FirstPage> {
	const transaction = store.transaction(['meta', 'partitions', 'reminders'], 'readonly');
	const {id, partition} = await activePartition(transaction);
	// -Infinity sorts before every date string and [] after every string: "open, any due date", in date order.
	const range = IDBKeyRange.bound([id, 'open', -Infinity], [id, 'open', []]);
	// Tombstones are few and short-lived; read a little more than a page so skipping them still fills it.
	const rows = (await promised(
		transaction
			.objectStore('reminders')
			.index('[partition+status+dueDate]')
			.getAll(range, count + 20),
	)) as Reminder[];
	return {partition, upcoming: rows.filter(row => row.deletedAt === undefined).slice(0, count)};
}

/** Every visible reminder of the active partition (tombstones skipped), in one read-only transaction. */
export async function readAllReminders(store: IDBDatabase): Promise<AllReminders> {
	const transaction = store.transaction(['meta', 'partitions', 'reminders'], 'readonly');
	const {id, partition} = await activePartition(transaction);
	const rows = (await promised(transaction.objectStore('reminders').index('partition').getAll(id))) as Reminder[];
	return {partition, reminders: rows.filter(row => row.deletedAt === undefined)};
}

/** The indexes of reminders about a record (open-db.ts version 5). */
export const ABOUT_INDEXES = ['[partition+whoId]', '[partition+whatId]'] as const;

/**
 * The visible reminders of the active partition about `recordId` (18 characters) as their Name (whoId) or
 * Related To (whatId), each once: the side panel's list beside a record. Two indexed reads; a store the worker
 * has not upgraded to version 5 yet is read whole and filtered, as before.
 */
export async function readRemindersAbout(store: IDBDatabase, recordId: string): Promise<AllReminders> {
	const transaction = store.transaction(['meta', 'partitions', 'reminders'], 'readonly');
	const {id, partition} = await activePartition(transaction);
	const reminders = transaction.objectStore('reminders');
	const indexed = ABOUT_INDEXES.every(name => reminders.indexNames.contains(name));
	const rows = indexed
		? (
				await Promise.all(ABOUT_INDEXES.map(async name => promised(reminders.index(name).getAll([id, recordId]))))
			).flat()
		: await promised(reminders.index('partition').getAll(id));
	const about = new Map<string, Reminder>();
	for (const row of rows as Reminder[]) {
		if (row.deletedAt === undefined && (row.whoId === recordId || row.whatId === recordId)) about.set(row.id, row);
	}
	return {partition, reminders: [...about.values()]};
}
