// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../../test/fakes/worker-for-pages.js';
import {localDays} from '../dates.js';
import {ALL_PAINT_MARK, AllRemindersApp} from './all-reminders-app.js';

// The page reads the default database with plain IndexedDB; its writes reach the worker's real API over the
// fake runtime, which writes to the same (fake) IndexedDB.

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

async function mount() {
	await act(() => {
		render(<AllRemindersApp />, root);
	});
}

const names = () => [...root.querySelectorAll('.reminder .name')].map(node => node.textContent);
const button = (label: string) => {
	const found = [...root.querySelectorAll('button')].find(node => node.textContent.startsWith(label));
	if (!found) throw new Error(`No button ${label}`);
	return found;
};

async function seed(enabled: boolean) {
	// Added while no sync was on: local-only (R5); then sync is turned on for a partition that adopts them.
	const old = await addReminder(db, {name: 'From before sync', dueDate: null});
	await db.partitions.put(partitionFixture({enabled, enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	await db.reminders.update(old.id, {partition: TEST_PARTITION_ID, localOnly: true, syncState: 'local-only'});
	await addReminder(db, {name: 'Next month', dueDate: '2999-01-01'});
	await addReminder(db, {name: 'Someday', dueDate: null});
	await addReminder(db, {name: 'Today', dueDate: localDays().today});
	const done = await addReminder(db, {name: 'Done', dueDate: '2000-01-01'});
	await db.reminders.update(done.id, {status: 'complete'});
	return old;
}

test('R44: later, undated, completed and local-only reminders are each one click away; search finds by name', async () => {
	await seed(true);
	await mount();
	await vi.waitFor(() => expect(button('Upcoming').textContent).toBe('Upcoming (2)'));
	expect(performance.getEntriesByName(ALL_PAINT_MARK).length).toBeGreaterThan(0);
	expect(names()).toEqual(['Today', 'Next month']);
	await act(() => button('No due date').click());
	expect(names()).toEqual(['From before sync', 'Someday']);
	await act(() => button('Completed').click());
	expect(names()).toEqual(['Done']);
	expect((root.querySelector('input.complete') as HTMLInputElement).checked).toBe(true);
	await act(() => button('On this computer only').click());
	expect(names()).toEqual(['From before sync']);
	expect(root.textContent).toContain('On this computer only');
	await act(() => button('No due date').click());
	const search = root.querySelector('input[type=search]') as HTMLInputElement;
	await act(() => {
		search.value = 'some';
		search.dispatchEvent(new Event('input', {bubbles: true}));
	});
	expect(names()).toEqual(['Someday']);
});

test('R44/R5: sending a local-only reminder asks first, saying how many Tasks; pressed twice, one create', async () => {
	const old = await seed(true);
	await mount();
	await vi.waitFor(() => expect(button('On this computer only').textContent).toBe('On this computer only (1)'));
	await act(() => button('On this computer only').click());
	await act(() => button('Send all to Salesforce').click());
	const dialog = root.querySelector('[role=alertdialog]')!;
	expect(dialog.textContent).toContain('This creates 1 Task in Salesforce');
	expect(await db.outbox.get(old.id)).toBeUndefined();
	const send = [...dialog.querySelectorAll('button')].find(node => node.textContent === 'Send')!;
	await act(async () => {
		send.click();
		send.click();
	});
	await vi.waitFor(async () => expect(await db.reminders.get(old.id)).toMatchObject({localOnly: false}));
	expect(await db.outbox.get(old.id)).toMatchObject({create: true});
	await vi.waitFor(() => expect(root.textContent).toContain('Sent 1 reminder'));
	await vi.waitFor(() => expect(button('On this computer only').textContent).toBe('On this computer only (0)'));
});

test('R5: with sync off nothing can be sent, and the page says how to', async () => {
	await seed(false);
	await mount();
	// With sync off every reminder added is local-only (R5).
	await vi.waitFor(() => expect(button('On this computer only').textContent).toBe('On this computer only (5)'));
	await act(() => button('On this computer only').click());
	expect(root.textContent).toContain('Turn sync on in Settings to send these to Salesforce.');
	expect([...root.querySelectorAll('button')].some(node => node.textContent.startsWith('Send'))).toBe(false);
});

test('R44/R43: edit and delete work on the page too; Undo within the offer brings the reminder back', async () => {
	await seed(true);
	await mount();
	await vi.waitFor(() => expect(names()).toEqual(['Today', 'Next month']));
	await act(() => (root.querySelector('[aria-label="Edit Next month"]') as HTMLButtonElement).click());
	const form = root.querySelector('[aria-label="Edit Next month"]') as HTMLFormElement;
	await act(() => {
		const name = form.querySelector('input') as HTMLInputElement;
		name.value = 'Next month: renewal';
		name.dispatchEvent(new Event('input', {bubbles: true}));
	});
	await act(() => {
		form.requestSubmit();
	});
	await vi.waitFor(() => expect(names()).toEqual(['Today', 'Next month: renewal']));
	await act(() => (root.querySelector('[aria-label="Delete Today"]') as HTMLButtonElement).click());
	await vi.waitFor(() => expect(names()).toEqual(['Next month: renewal']));
	await act(() => button('Undo').click());
	await vi.waitFor(() => expect(names()).toEqual(['Today', 'Next month: renewal']));
});

test('R33: All reminders rows show who and what a reminder is about, as links to the records', async () => {
	await seed(true);
	const about = await addReminder(db, {name: 'About Ana', dueDate: localDays().today, whoId: '003000000000001AAA'});
	await db.reminders.update(about.id, {who: {name: 'Ana <b>Ruiz</b>', type: 'Contact'}});
	await mount();
	await vi.waitFor(() => expect(names()).toContain('About Ana'));
	const link = root.querySelector<HTMLAnchorElement>('a.related--who');
	expect(link?.textContent).toBe('Ana <b>Ruiz</b>');
	expect(link?.getAttribute('href')).toBe(
		'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
	);
	expect(root.querySelector('b')).toBeNull();
});
