/**
 * What the popup shows (R22), read with plain IndexedDB instead of Dexie. The popup is opened many times a
 * day and must paint at once: Dexie alone is about 28 KB gzip, over half of the popup's 40 KB budget
 * (docs/benchmarks.md), and the popup only needs these few indexed reads. Writes never happen here: the
 * popup sends them to the worker, which writes through local-edits.ts (engineering guide §1).
 *
 * The store names, index names and key shapes are Dexie's for the schema in open-db.ts; popup-view.test.ts
 * writes with Dexie and reads back through this module, so the two cannot drift apart unnoticed.
 */
import {DEFAULT_DB_NAME, LOCAL_PARTITION, type Partition, type Reminder} from './schema.js';
import {StoreUnavailableError} from './storage-errors.js';

export type DueReminders = {overdue: Reminder[]; today: Reminder[]; tomorrow: Reminder[]};

export type PopupView = {
	partition: Partition | undefined;
	due: DueReminders;
	/** Local changes waiting to be pushed (not parked). */
	pending: number;
	/** Reminders whose last push failed permanently (R19). */
	errors: number;
	/** R28: the last "turn sync on" was refused by an org that refuses browser sessions (sync-switch.ts). */
	enableRefused?: true;
};

export class StoreNotReadyError extends Error {
	override name = 'StoreNotReadyError';
}

/**
 * Opens the Tickler database as it is, never creating or upgrading it: only the worker's Dexie does that.
 * Before the worker first ran there is nothing to read, and this rejects with StoreNotReadyError. Any other
 * failure — IndexedDB missing or refused, a damaged database (`UnknownError`, `VersionError`, …) — rejects
 * with StoreUnavailableError, which the popup says in plain words (R40) instead of showing an empty list.
 */
export async function openExistingStore(
	factory: IDBFactory | undefined = (globalThis as {indexedDB?: IDBFactory}).indexedDB,
	name: string = DEFAULT_DB_NAME,
): Promise<IDBDatabase> {
	const unavailable = (cause: unknown) =>
		new StoreUnavailableError(
			`Tickler’s local store could not be opened (${cause instanceof Error ? cause.name : 'no IndexedDB'}).`,
			{cause},
		);
	if (!factory) throw unavailable(undefined);
	return new Promise((resolve, reject) => {
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(name);
		} catch (error) {
			// Some browsers throw at once when IndexedDB is refused (e.g. InvalidStateError, SecurityError).
			reject(unavailable(error));
			return;
		}

		let notCreatedYet = false;
		request.onupgradeneeded = () => {
			// The database did not exist: abort, so that Dexie later creates it with its real schema.
			notCreatedYet = true;
			request.transaction?.abort();
		};

		request.onsuccess = () => {
			// Let the worker's Dexie upgrade the schema later: a popup holding an old version open would block it.
			request.result.onversionchange = () => {
				request.result.close();
			};

			resolve(request.result);
		};

		request.onerror = () => {
			reject(
				notCreatedYet
					? new StoreNotReadyError('Tickler’s local store is not set up yet.')
					: unavailable(request.error ?? undefined),
			);
		};
	});
}

/** An IndexedDB request as a promise (the pages read with plain IndexedDB, not Dexie). */
export function promised<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => {
			resolve(request.result);
		};

		request.onerror = () => {
			reject(request.error ?? new Error('IndexedDB request failed'));
		};
	});
}

/** Splits open reminders due on or before tomorrow into the popup's three groups; tombstones are skipped. */
export function groupDue(rows: readonly Reminder[], days: {today: string; tomorrow: string}): DueReminders {
	const result: DueReminders = {overdue: [], today: [], tomorrow: []};
	for (const row of rows) {
		if (row.deletedAt !== undefined || row.dueDate === null || row.dueDate > days.tomorrow) continue;
		if (row.dueDate < days.today) result.overdue.push(row);
		else if (row.dueDate === days.today) result.today.push(row);
		else result.tomorrow.push(row);
	}

	return result;
}

/** The partition the pages show (R2): the active one, or the local one before sync was ever on. */
export async function activePartitionId(transaction: IDBTransaction): Promise<string> {
	const active = (await promised(transaction.objectStore('meta').get('activePartition'))) as
		{value?: string} | undefined;
	return active?.value ?? LOCAL_PARTITION;
}

/** One read-only transaction, so the list, the counts and the partition are from the same moment. */
export async function readPopupView(store: IDBDatabase, days: {today: string; tomorrow: string}): Promise<PopupView> {
	const transaction = store.transaction(['meta', 'partitions', 'reminders', 'outbox'], 'readonly');
	const partitionId = await activePartitionId(transaction);
	const reminders = transaction.objectStore('reminders');
	// The index makes "open, due on or before tomorrow" one range (R22); -Infinity sorts before every date string.
	const dueRange = IDBKeyRange.bound([partitionId, 'open', -Infinity], [partitionId, 'open', days.tomorrow]);
	const [partition, dueRows, pending, errors, refused] = await Promise.all([
		promised(transaction.objectStore('partitions').get(partitionId)) as Promise<Partition | undefined>,
		promised(reminders.index('[partition+status+dueDate]').getAll(dueRange)) as Promise<Reminder[]>,
		promised(transaction.objectStore('outbox').index('[partition+parked]').count([partitionId, 0])),
		promised(reminders.index('[partition+syncState]').count([partitionId, 'error'])),
		promised(transaction.objectStore('meta').get('enableRefused')) as Promise<unknown>,
	]);
	const view: PopupView = {partition, due: groupDue(dueRows, days), pending, errors};
	if (refused !== undefined) view.enableRefused = true;
	return view;
}
