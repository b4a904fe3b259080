// @vitest-environment happy-dom
/** R32: the settings page's "who alerts" choice: Tickler by default, saved on choosing. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {WhoAlertsSection} from './who-alerts-section.js';

let root: HTMLElement;
pageRootPerTest(fresh => (root = fresh));

const radio = (label: string) => {
	const id = [...root.querySelectorAll('label')].find(l => l.textContent === label)?.getAttribute('for') ?? '';
	return root.querySelector(`[id="${CSS.escape(id)}"]`) as HTMLInputElement;
};

test('R32: Tickler alerts by default; choosing Salesforce or Both is saved on the partition', async () => {
	const partition = partitionFixture({});
	await db.partitions.put(partition);
	await act(() => {
		render(<WhoAlertsSection partition={partition} />, root);
	});
	expect(radio('Tickler').checked).toBe(true);
	expect(root.textContent).toContain('Salesforce keeps the time but stays silent');
	await act(() => {
		radio('Salesforce').click();
	});
	await vi.waitFor(async () => expect((await db.partitions.get(TEST_PARTITION_ID))?.whoAlerts).toBe('salesforce'));
	expect(root.querySelector('[role=status]')?.textContent).toBe('Saved.');
	await act(() => {
		radio('Both').click();
	});
	await vi.waitFor(async () => expect((await db.partitions.get(TEST_PARTITION_ID))?.whoAlerts).toBe('both'));
});
