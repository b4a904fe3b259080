// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {resetFakeBrowser} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';

// R60 in the popup: Complete offers Undo like Delete (R43), on the real worker API over the fake runtime.

let root: HTMLElement;

async function enable() {
	await db.partitions.put(
		partitionFixture({
			enabledAt: Date.now() - 60_000,
			status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
		}),
	);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
}

async function mount() {
	await act(() => {
		render(<App />, root);
	});
}

const text = () => root.textContent;
const rowNames = () => [...root.querySelectorAll('.reminder .name')].map(name => name.textContent);
const byLabel = (label: string) => {
	const element = root.querySelector(`[aria-label="${CSS.escape(label)}"]`);
	if (!element) throw new Error(`No element labelled ${label}`);
	return element as HTMLElement;
};
const undoButton = () => [...root.querySelectorAll('button')].find(button => button.textContent === 'Undo');

pageRootPerTest(fresh => (root = fresh));

test('R60: Complete offers Undo; Undo brings the row back open, with nothing left to send to Salesforce', async () => {
	await enable();
	const ana = await addReminder(db, {name: 'Call Ana', dueDate: localDays().today});
	// Linked and in step with its Task: nothing queued before the Complete.
	await db.outbox.clear();
	await db.reminders.update(ana.id, {syncState: 'synced', taskId: '00T000000000001AAA'});
	await mount();
	await vi.waitFor(() => expect(rowNames()).toEqual(['Call Ana']));
	await act(() => {
		byLabel('Complete Call Ana').click();
	});
	await vi.waitFor(() => expect(text()).toContain('Completed “Call Ana”.'));
	await vi.waitFor(() => expect(rowNames()).toEqual([]));
	// Held from Salesforce while the offer lasts (R43's terms).
	expect((await db.outbox.get(ana.id))?.holdsEdit).toBe(true);
	await act(() => {
		undoButton()?.click();
	});
	await vi.waitFor(() => expect(rowNames()).toEqual(['Call Ana']));
	expect(await db.reminders.get(ana.id)).toMatchObject({status: 'open', syncState: 'synced'});
	expect(await db.outbox.get(ana.id)).toBeUndefined();
});

test('R60: a Complete the worker could not make offers no Undo: the row stays, unticked, saying why', async () => {
	await enable();
	await addReminder(db, {name: 'Call Ana', dueDate: localDays().today});
	await mount();
	await vi.waitFor(() => expect(rowNames()).toEqual(['Call Ana']));
	await resetFakeBrowser(); // nothing listens: every message fails as if the worker were gone
	await act(() => {
		byLabel('Complete Call Ana').click();
	});
	await vi.waitFor(() => expect(text()).toContain('did not answer'), {timeout: 3000});
	expect(rowNames()).toEqual(['Call Ana']);
	expect(undoButton()).toBeUndefined();
	expect(text()).not.toContain('Completed');
});
