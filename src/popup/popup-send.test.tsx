// @vitest-environment happy-dom
/** R59/R5: the popup offers Send for a reminder that exists only on this computer — on purpose, confirmed. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';

let root: HTMLElement;

async function withLocalOnly(enabled: boolean) {
	await db.partitions.put(partitionFixture({enabled, enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	const idea = await addReminder(db, {name: 'Idea for Acme', dueDate: localDays().today});
	await db.reminders.update(idea.id, {localOnly: true, syncState: 'local-only'});
	await db.outbox.delete(idea.id);
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.textContent).toContain('Idea for Acme'));
	return idea;
}

const button = (label: string) => [...root.querySelectorAll('button')].find(b => b.textContent === label);

pageRootPerTest(fresh => (root = fresh));

test('R59: "Send to Salesforce" on a local-only row asks first, then the worker makes it a create', async () => {
	const idea = await withLocalOnly(true);
	await act(() => {
		button('Send to Salesforce')!.click();
	});
	expect(root.textContent).toContain('Send “Idea for Acme” to Salesforce?');
	expect(await db.outbox.get(idea.id)).toBeUndefined();
	await act(() => {
		button('Send')!.click();
	});
	await vi.waitFor(async () => expect((await db.outbox.get(idea.id))?.create).toBe(true));
	expect(await db.reminders.get(idea.id)).toMatchObject({localOnly: false, syncState: 'pending'});
	await vi.waitFor(() => expect(root.textContent).toContain('Sent 1 reminder'));
});

test('R59/R5: with sync off there is nothing to send to: no Send on the row', async () => {
	await withLocalOnly(false);
	expect(button('Send to Salesforce')).toBeUndefined();
});
