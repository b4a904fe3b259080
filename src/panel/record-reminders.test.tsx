// @vitest-environment happy-dom
/**
 * The side panel's reminders about the record in the tab (issue 24) on the real worker API over the fake
 * runtime: only the open reminders about that record, and — R48, as in the popup — the list is one Tab stop
 * walked with the arrows.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {beforeEach, expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {localDays} from '../popup/dates.js';
import type {ActiveRecord} from './active-record.js';
import {RecordReminders} from './record-reminders.js';

const CONTACT = '003000000000001AAA';
const RECORD: ActiveRecord = {
	kind: 'lightning',
	host: 'acme.lightning.force.com',
	object: 'Contact',
	recordId: CONTACT,
	name: 'Ana Ruiz',
};

let root: HTMLElement;

pageRootPerTest(fresh => (root = fresh));

beforeEach(async () => {
	await db.partitions.put(partitionFixture({enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
});

const names = () => [...root.querySelectorAll('.reminder .name')].map(name => name.textContent);
const checkbox = (name: string) => root.querySelector<HTMLInputElement>(`input[aria-label="Complete ${name}"]`);

async function mountWith(...reminders: string[]) {
	for (const name of reminders) await addReminder(db, {name, dueDate: localDays().today, whoId: CONTACT});
	await addReminder(db, {name: 'About someone else', dueDate: localDays().today, whoId: '003000000000002AAA'});
	await act(() => {
		render(<RecordReminders record={RECORD} />, root);
	});
	await vi.waitFor(() => expect(names()).toEqual(reminders));
}

test('R48: the reminders about the record are one Tab stop; ↓ End Home move between them', async () => {
	await mountWith('Ana', 'Bo', 'Cy');
	const tabbable = (name: string) => checkbox(name)?.tabIndex;
	await vi.waitFor(() => expect([tabbable('Ana'), tabbable('Bo'), tabbable('Cy')]).toEqual([0, -1, -1]));
	const key = async (pressed: string) =>
		act(() => {
			document.activeElement?.dispatchEvent(
				new KeyboardEvent('keydown', {key: pressed, bubbles: true, cancelable: true}),
			);
		});

	checkbox('Ana')?.focus();
	await key('ArrowDown');
	expect(document.activeElement).toBe(checkbox('Bo'));
	await vi.waitFor(() => expect([tabbable('Ana'), tabbable('Bo')]).toEqual([-1, 0]));
	await key('End');
	expect(document.activeElement).toBe(checkbox('Cy'));
	await key('Home');
	expect(document.activeElement).toBe(checkbox('Ana'));
});
