// @vitest-environment happy-dom
import {IDBKeyRange} from 'fake-indexeddb';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterAll, afterEach, beforeEach, expect, test, vi} from 'vitest';
import {clearLocalFailureReport, reportLocalFailure} from '@/shared/local-failure-report.js';
import {openTicklerDb} from '@/shared/store/open-db.js';
import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import {resetFakeBrowser} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {refusingIndexedDb} from '../../test/fakes/refusing-idb.js';
import {createDomRoot} from '../../test/fakes/dom-root.js';

// R40: the popup reads with plain IndexedDB (popup-view.ts) from the global `indexedDB`. Here the browser
// refuses it, the way a damaged profile does (UnknownError), until `heal()`.
const idb = refusingIndexedDb('UnknownError');
vi.stubGlobal('indexedDB', idb.factory);
vi.stubGlobal('IDBKeyRange', IDBKeyRange);
const {App} = await import('./popup-app.js');
const {AllRemindersApp} = await import('./all/all-reminders-app.js');
afterAll(() => {
	vi.unstubAllGlobals();
});

let root: HTMLElement;
afterEach(() => {
	root.remove();
});
beforeEach(async () => {
	await resetFakeBrowser();
	root = createDomRoot();
});

async function mount() {
	await act(() => {
		render(<App />, root);
	});
}

async function unmount() {
	await act(() => {
		render(null, root);
	});
}

const notice = () => root.querySelector('[data-local-failure]');

test('R40: an IndexedDB the browser will not open is said in plain words with what to do — not shown as an empty list', async () => {
	await mount();
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-unavailable']));
	expect(notice()?.getAttribute('role')).toBe('alert');
	expect(idb.refusedOpens).toBeGreaterThan(0);
	// One message, not also the generic "could not read" one.
	expect(root.textContent).not.toContain('could not read your reminders');
	await unmount();
});

test('R40: the All reminders page says it too, in the same words', async () => {
	await act(() => {
		render(<AllRemindersApp />, root);
	});
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-unavailable']));
	expect(root.textContent).not.toContain('could not read your reminders');
	await unmount();
});

test('R40: the worker’s report in storage.session is said even when IndexedDB itself reads fine, and goes once the worker clears it', async () => {
	idb.heal();
	await mount();
	await vi.waitFor(() => expect(root.querySelector('.status')).not.toBeNull());
	expect(notice()).toBeNull();
	await act(async () => reportLocalFailure('storage-full', Date.now()));
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-full']));
	expect(notice()?.textContent).toContain('Free up some disk space');
	await act(async () => clearLocalFailureReport());
	await vi.waitFor(() => expect(notice()).toBeNull());
	await unmount();
});

test('R40: a failure the last cycle wrote into the status is said, and the status line does not claim to be syncing', async () => {
	idb.heal();
	const db = openTicklerDb({indexedDB: idb.healthy, IDBKeyRange});
	await db.partitions.put(
		partitionFixture({
			// A cycle whose end could not be written: still 'syncing', with the failure from the cycle before.
			status: {phase: 'syncing', budget: 'normal', localFailure: 'storage-full', lastSyncAt: Date.now()},
		}),
	);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	db.close();
	await mount();
	await vi.waitFor(() => expect(notice()?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-full']));
	expect(root.textContent).not.toContain('Syncing…');
	await unmount();
});
