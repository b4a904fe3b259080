// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {App} from './app.js';

// The store answers, but reading it fails (a corrupted profile, a browser bug): the rep is told, not shown
// a blank popup.
vi.mock(import('@/shared/store/popup-view.js'), async importOriginal => ({
	...(await importOriginal()),
	readPopupView: vi.fn(async () => {
		throw new DOMException('The database is broken', 'UnknownError');
	}),
	openExistingStore: vi.fn(async () => ({}) as IDBDatabase),
}));

test('R22: a failed read of the store is said in the popup, with what to do', async () => {
	const root = document.createElement('div');
	document.body.append(root);
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toBe(
			'Tickler could not read your reminders (The database is broken). Close the popup and open it again.',
		),
	);
	await act(() => {
		render(null, root);
	});
});
