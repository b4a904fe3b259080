import {Dexie} from 'dexie';
import {IDBKeyRange} from 'fake-indexeddb';
import {expect, test} from 'vitest';
import {refusingIndexedDb} from '../../../test/fakes/refusing-idb.js';
import {openTicklerDb} from './open-db.js';
import {openExistingStore, StoreNotReadyError} from './popup-view.js';
import {
	inPlainWords,
	LOCAL_FAILURE_TEXT,
	LocalFailureError,
	localFailureKind,
	StoreUnavailableError,
} from './storage-errors.js';
import {reopenIfFailed} from './store-health.js';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

test('R40: a full disk is recognised however Dexie wraps it', () => {
	expect(localFailureKind(quota())).toBe('storage-full');
	expect(localFailureKind(new Dexie.QuotaExceededError('write failed', quota()))).toBe('storage-full');
	// A transaction aborted because of the quota: Dexie's AbortError carries it as `inner`.
	expect(localFailureKind(new Dexie.AbortError('Transaction aborted', quota()))).toBe('storage-full');
	expect(localFailureKind(new Dexie.BulkError('bulkPut failed', {0: quota()}))).toBe('storage-full');
	expect(localFailureKind(new Error('wrapped', {cause: quota()}))).toBe('storage-full');
	// As it arrives from the worker over a message.
	expect(localFailureKind({name: 'StorageFullError', message: 'x'})).toBe('storage-full');
});

test('R40: an IndexedDB that will not open or is damaged is "unavailable"', () => {
	for (const name of ['UnknownError', 'VersionError', 'InvalidStateError', 'SecurityError']) {
		expect(localFailureKind(new DOMException('refused', name))).toBe('storage-unavailable');
	}

	expect(localFailureKind(new Dexie.OpenFailedError(new DOMException('backing store', 'UnknownError')))).toBe(
		'storage-unavailable',
	);
	expect(localFailureKind(new Dexie.MissingAPIError())).toBe('storage-unavailable');
	expect(localFailureKind(new Dexie.DatabaseClosedError())).toBe('storage-unavailable');
	expect(localFailureKind(new StoreUnavailableError('x'))).toBe('storage-unavailable');
	// A full disk wins: an open failed because of the quota is "full".
	expect(localFailureKind(new Dexie.OpenFailedError(quota()))).toBe('storage-full');
});

test('R40: Salesforce and network errors are not local failures', () => {
	// A Salesforce error as the adapter throws it (salesforce/errors.ts SalesforceApiError: name + errorCode).
	expect(
		localFailureKind(Object.assign(new Error('locked'), {name: 'SalesforceApiError', errorCode: 'UNABLE_TO_LOCK_ROW'})),
	).toBeUndefined();
	expect(localFailureKind(new DOMException('The operation was aborted.', 'AbortError'))).toBeUndefined();
	expect(localFailureKind(new Dexie.AbortError('Transaction aborted'))).toBeUndefined();
	expect(localFailureKind(new TypeError('fetch failed'))).toBeUndefined();
	expect(localFailureKind('QuotaExceededError')).toBeUndefined();
	expect(localFailureKind(undefined)).toBeUndefined();
});

test('R40: at the message boundary a local failure becomes plain words with what to do; other errors pass unchanged', () => {
	const plain = inPlainWords(new Dexie.QuotaExceededError('write failed', quota()));
	expect(plain).toBeInstanceOf(LocalFailureError);
	expect(plain).toMatchObject({name: 'StorageFullError', message: LOCAL_FAILURE_TEXT['storage-full']});
	expect(LOCAL_FAILURE_TEXT['storage-full']).toMatch(/out of storage space.*Free up some disk space/);
	expect(LOCAL_FAILURE_TEXT['storage-unavailable']).toMatch(/can’t open its storage.*Restart the browser/);
	const other = new Error('x');
	expect(inPlainWords(other)).toBe(other);
});

test('R40: the popup tells a damaged or refused IndexedDB from one the worker has not created yet', async () => {
	const damaged = refusingIndexedDb('UnknownError');
	const error = await openExistingStore(damaged.factory, 'tickler').catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(StoreUnavailableError);
	expect(error).not.toBeInstanceOf(StoreNotReadyError);
	expect(localFailureKind(error)).toBe('storage-unavailable');

	const refusedAtOnce = refusingIndexedDb('InvalidStateError', {throwAtOnce: true});
	await expect(openExistingStore(refusedAtOnce.factory, 'tickler')).rejects.toThrow(StoreUnavailableError);
	await expect(openExistingStore(undefined, 'tickler')).rejects.toThrow(StoreUnavailableError);
	// Still: nothing created yet is simply empty, not a failure.
	damaged.heal();
	await expect(openExistingStore(damaged.factory, 'never-created')).rejects.toThrow(StoreNotReadyError);
});

test('R40: the worker’s Dexie recovers by itself once IndexedDB opens again (reopenIfFailed)', async () => {
	// InvalidStateError: UnknownError would work too, after Dexie's own retries of a Chrome UnknownError.
	const idb = refusingIndexedDb('InvalidStateError');
	const db = openTicklerDb({name: 'refused', indexedDB: idb.factory, IDBKeyRange});
	const error = await db.partitions.toArray().catch((caught: unknown) => caught);
	expect(localFailureKind(error)).toBe('storage-unavailable');
	// Dexie remembers the failed open: without reopening, it would refuse forever.
	idb.heal();
	await expect(db.partitions.toArray()).rejects.toThrow();
	await reopenIfFailed(db);
	expect(await db.partitions.toArray()).toEqual([]);
	await reopenIfFailed(db); // healthy: nothing to do
	db.close();
});
