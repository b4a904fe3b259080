// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {App} from './popup-app.js';

import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import {createDomRoot} from '../../test/fakes/dom-root.js';

// The store answers, but reading it fails (a browser bug; or a damaged store, UnknownError, which R40 says in
// its own words): the rep is told, not shown a blank popup.
const failure = {error: new DOMException('The data could not be read', 'DataError')};
vi.mock(import('@/shared/store/popup-view.js'), async importOriginal => ({
	...(await importOriginal()),
	readPopupView: vi.fn(async () => {
		throw failure.error;
	}),
	openExistingStore: vi.fn(async () => ({}) as IDBDatabase),
}));

test('R22: a failed read of the store is said in the popup, with what to do', async () => {
	const root = createDomRoot();
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toBe(
			'Tickler could not read your reminders (The data could not be read). Close the popup and open it again.',
		),
	);
	await act(() => {
		render(null, root);
	});
});

test('R40: a read that fails because the store is damaged (UnknownError) says so in plain words with what to do', async () => {
	failure.error = new DOMException('The database is broken', 'UnknownError');
	const root = createDomRoot();
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toBe(LOCAL_FAILURE_TEXT['storage-unavailable']),
	);
	await act(() => {
		render(null, root);
	});
});
