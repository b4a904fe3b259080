// @vitest-environment happy-dom
/**
 * R59: Disconnect never loses the rep's words without saying so — the confirmation counts reminders that exist
 * only on this computer and changes not in Salesforce yet, and offers "Send them first" (made by the worker)
 * and "Export" before anything is deleted.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {beforeEach, expect, test, vi} from 'vitest';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import {partitionFixture} from '../../test/fakes/partition.js';
import {pageRootPerTest, startedCycles, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {AccountSection} from './account-section.js';

/** Set by a test: the confirmation's read of what only this computer has fails, as a damaged store would. */
const failing = vi.hoisted(() => ({unsentWork: false}));
vi.mock(import('@/shared/store/queries.js'), async importOriginal => {
	const original = await importOriginal();
	return {
		...original,
		unsentWork: async (...args: Parameters<typeof original.unsentWork>) => {
			if (failing.unsentWork) throw new Error('UnknownError: the store could not be read');
			return original.unsentWork(...args);
		},
	};
});

let root: HTMLElement;
let partition: Partition;

pageRootPerTest(fresh => (root = fresh));

beforeEach(async () => {
	failing.unsentWork = false;
	partition = partitionFixture({enabled: true, enabledAt: Date.now() - 60_000});
	await db.partitions.put(partition);
	await db.meta.put({key: 'activePartition', value: partition.id});
});

const button = (label: string) => [...root.querySelectorAll('button')].find(b => b.textContent === label);
const confirmText = () => root.querySelector('[aria-label="Confirm disconnect"]')?.textContent ?? '';

/** Two reminders written before sync was on (R5) and one synced reminder with an edit not sent yet. */
async function wordsOnlyHere() {
	const a = await addReminder(db, {name: 'Idea for Acme'}, {partition: partition.id});
	const b = await addReminder(db, {name: 'Call the printer'}, {partition: partition.id});
	await db.reminders.bulkUpdate([
		{key: a.id, changes: {localOnly: true, syncState: 'local-only'}},
		{key: b.id, changes: {localOnly: true, syncState: 'local-only'}},
	]);
	await db.outbox.bulkDelete([a.id, b.id]);
	const c = await addReminder(db, {name: 'Check in with Dan'}, {partition: partition.id});
	await db.reminders.update(c.id, {taskId: '00T000000000001AAA', localOnly: false, syncState: 'synced'});
	await db.outbox.delete(c.id);
	await editReminder(db, c.id, {details: 'ask about budget'});
	return [a.id, b.id];
}

/** Opens the confirmation and waits until it has read what Disconnect would delete (and offers Disconnect). */
async function openConfirmation(canSend = true) {
	await act(() => {
		render(<AccountSection partition={partition} canSend={canSend} />, root);
	});
	await act(() => {
		button('Disconnect…')!.click();
	});
	await vi.waitFor(() => expect(button('Disconnect and delete local data')).toBeDefined());
}

test('R59: the confirmation counts what only this computer has, and "Send them first" sends it (nothing is deleted)', async () => {
	const localOnly = await wordsOnlyHere();
	await openConfirmation();
	expect(confirmText()).toContain(
		'2 exist only on this computer and 1 change is not in Salesforce yet: disconnecting now deletes them for good.',
	);
	expect(button('Export')).toBeDefined();
	await act(() => {
		button('Send them first')!.click();
	});
	await vi.waitFor(async () =>
		expect((await db.outbox.bulkGet(localOnly)).map(entry => entry?.create)).toEqual([true, true]),
	);
	expect((await db.reminders.bulkGet(localOnly)).map(reminder => reminder?.localOnly)).toEqual([false, false]);
	await vi.waitFor(() => expect(startedCycles).toHaveBeenCalled());
	expect(await db.partitions.get(partition.id)).toBeDefined();
	expect(await db.reminders.count()).toBe(3);
});

test('R59: with sync off the words cannot be sent: Export is offered, and the reason said', async () => {
	await wordsOnlyHere();
	partition = {...partition, enabled: false};
	await openConfirmation(false);
	expect(confirmText()).toContain('2 exist only on this computer');
	expect(button('Send them first')).toBeUndefined();
	expect(confirmText()).toContain('Turn sync on for this account to send them; or export them.');
	expect(button('Export')).toBeDefined();
});

test('R59: the confirmation counts this account’s reminders when it opens, and offers Disconnect only then', async () => {
	await wordsOnlyHere();
	await addReminder(db, {name: 'Another account'}, {partition: 'other:partition'});
	await act(() => {
		render(<AccountSection partition={partition} canSend />, root);
	});
	await act(() => {
		button('Disconnect…')!.click();
	});
	// Before the read answers: what it is doing, and no way to delete yet.
	expect(confirmText()).toContain('Checking what exists only on this computer…');
	expect(button('Disconnect and delete local data')).toBeUndefined();
	await vi.waitFor(() => expect(confirmText()).toContain('deletes the 3 reminders of rep@acme.example'));
	expect(button('Disconnect and delete local data')).toBeDefined();
});

test('R59: with nothing only here, the confirmation is the plain one', async () => {
	await openConfirmation();
	expect(confirmText()).not.toContain('only on this computer');
	expect(button('Send them first')).toBeUndefined();
	expect(button('Disconnect and delete local data')).toBeDefined();
});

test('R59: when what only this computer has cannot be read, the confirmation says so in words, and Disconnect stays possible', async () => {
	failing.unsentWork = true;
	await act(() => {
		render(<AccountSection partition={partition} canSend />, root);
	});
	await act(() => {
		button('Disconnect…')!.click();
	});
	await vi.waitFor(() =>
		expect(confirmText()).toContain(
			'Tickler could not count what disconnecting would delete (UnknownError: the store could not be read). Export your data first if you want a copy.',
		),
	);
	expect(button('Disconnect and delete local data')).toBeDefined();
});
