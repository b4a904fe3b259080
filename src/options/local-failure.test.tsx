// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {IDBKeyRange} from 'fake-indexeddb';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {reportLocalFailure} from '@/shared/local-failure-report.js';
import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import {resetFakeBrowser} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import type {RefusingIndexedDb} from '../../test/fakes/refusing-idb.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {createDomRoot} from '../../test/fakes/dom-root.js';

// R40: the settings page's Dexie, on an IndexedDB the browser refuses until `heal()`.
vi.mock('./settings-db.js', async () => {
	const {openTicklerDb} = await import('@/shared/store/open-db.js');
	const {refusingIndexedDb} = await import('../../test/fakes/refusing-idb.js');
	const refused = refusingIndexedDb('InvalidStateError');
	// The page's own IndexedDB is the refusing one (Dexie also consults the global one before opening).
	vi.stubGlobal('indexedDB', refused.factory);
	return {db: openTicklerDb({indexedDB: refused.factory, IDBKeyRange}), idb: refused};
});
const {App} = await import('./settings-app.js');
const {db, idb} = (await import('./settings-db.js')) as unknown as {db: TicklerDb; idb: RefusingIndexedDb};

let root: HTMLElement;
afterEach(() => {
	root.remove();
});
beforeEach(async () => {
	await resetFakeBrowser();
	root = createDomRoot();
});

const notice = () => root.querySelector('[data-local-failure]');
const button = (name: string) => [...root.querySelectorAll('button')].find(element => element.textContent === name);

test('R40: a settings page whose store the browser refuses says so with what to do, and comes back with "Try again" once it opens', async () => {
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-unavailable']));
	expect(button('Try again')).toBeDefined();

	// Still refused: trying again keeps saying it.
	await act(async () => button('Try again')?.click());
	await vi.waitFor(() => expect(idb.refusedOpens).toBeGreaterThan(1));
	// Let that refused open settle (a click meanwhile would share it, as Dexie shares an open in flight).
	await db.open().catch(() => undefined);
	expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-unavailable']);

	idb.heal();
	await act(async () => button('Try again')?.click());
	await vi.waitFor(() => expect(notice()).toBeNull());
	expect(button('Try again')).toBeUndefined();
	await vi.waitFor(() => expect(root.textContent).toContain('Your data'));
	await act(() => {
		render(null, root);
	});
});

test('R40: the worker’s report of a full disk (storage.session) and a status the last cycle wrote are said on the settings page', async () => {
	idb.heal();
	await db.partitions.put(partitionFixture({status: {phase: 'idle', budget: 'normal', localFailure: 'storage-full'}}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-full']));
	await db.partitions.update(TEST_PARTITION_ID, {status: {phase: 'idle', budget: 'normal'}});
	await vi.waitFor(() => expect(notice()).toBeNull());
	await act(async () => reportLocalFailure('storage-full', Date.now()));
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-full']));
	await act(() => {
		render(null, root);
	});
});
