// @vitest-environment happy-dom
/** R19/R23: Retry on a reminder Salesforce refused, made by the worker (the page writes nothing itself). */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {partitionFixture} from '../../test/fakes/partition.js';
import {aReminder} from '../../test/fakes/reminder-builder.js';
import {pageRootPerTest, startedCycles, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {ErrorsSection} from './errors-section.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

test('R19: Retry clears the refusal through the worker, which asks for the push at once (R13)', async () => {
	const partition = partitionFixture({enabled: true});
	await db.partitions.put(partition);
	await db.meta.put({key: 'activePartition', value: partition.id});
	const broken = aReminder({
		partition: partition.id,
		name: 'Too long',
		syncState: 'error',
		error: {code: 'STRING_TOO_LONG', message: 'Salesforce refused this change: too long', hint: 'Shorten it.'},
	});
	await db.reminders.put(broken);
	await act(() => {
		render(<ErrorsSection reminders={[broken]} />, root);
	});
	await act(() => {
		root.querySelector<HTMLButtonElement>('button[aria-label="Retry Too long"]')!.click();
	});
	await vi.waitFor(async () => expect((await db.reminders.get(broken.id))?.syncState).not.toBe('error'));
	expect((await db.reminders.get(broken.id))?.error).toBeUndefined();
	await vi.waitFor(() => expect(startedCycles).toHaveBeenCalled());
});
