// @vitest-environment happy-dom
/**
 * R58 in Settings: the conflict card lists the rep's values Salesforce overruled, with "Keep mine" and "Keep
 * Salesforce's" as on the popup's rows, made by the worker.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {partitionFixture} from '../../test/fakes/partition.js';
import {aReminder} from '../../test/fakes/reminder-builder.js';
import {pageRootPerTest, startedCycles, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {ConflictsSection} from './conflicts-section.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

async function overruledInStore(name: string) {
	const partition = partitionFixture({enabled: true});
	await db.partitions.put(partition);
	await db.meta.put({key: 'activePartition', value: partition.id});
	const reminder = aReminder({
		id: name,
		partition: partition.id,
		name,
		taskId: '00T000000000001AAA',
		details: 'new description',
		syncState: 'conflict',
		overruled: {at: 1, mine: {details: 'ask about budget'}, theirs: {details: 'new description'}},
	});
	await db.reminders.put(reminder);
	return reminder;
}

const button = (label: string) => [...root.querySelectorAll('button')].find(b => b.textContent === label);

test('R58: the card names the reminder and the field, shows the rep’s words, and "Keep mine" sends them', async () => {
	const dan = await overruledInStore('Check in with Dan');
	await act(() => {
		render(<ConflictsSection rows={[]} names={new Map()} overruled={[dan]} />, root);
	});
	expect(root.textContent).toContain('Check in with Dan');
	expect(root.textContent).toContain('Salesforce’s later edit replaced yours: Details.');
	expect(root.textContent).toContain('Yours: “ask about budget”');
	await act(() => {
		button('Keep mine')!.click();
	});
	await vi.waitFor(async () => expect((await db.reminders.get(dan.id))?.details).toBe('ask about budget'));
	expect(await db.reminders.get(dan.id)).toMatchObject({syncState: 'pending'});
	expect((await db.reminders.get(dan.id))?.overruled).toBeUndefined();
	expect((await db.outbox.get(dan.id))?.fields).toEqual(['details']);
	await vi.waitFor(() => expect(startedCycles).toHaveBeenCalled());
});

test('R58: "Keep Salesforce’s" drops the rep’s values; nothing is sent', async () => {
	const dan = await overruledInStore('Check in with Dan');
	await act(() => {
		render(<ConflictsSection rows={[]} names={new Map()} overruled={[dan]} />, root);
	});
	await act(() => {
		button('Keep Salesforce’s')!.click();
	});
	await vi.waitFor(async () => expect((await db.reminders.get(dan.id))?.overruled).toBeUndefined());
	expect(await db.reminders.get(dan.id)).toMatchObject({details: 'new description', syncState: 'synced'});
	expect(await db.outbox.get(dan.id)).toBeUndefined();
});
