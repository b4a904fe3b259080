import {beforeEach, expect, test, vi} from 'vitest';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';

vi.mock('../worker-db.js', async () => {
	const {openTestDb} = await import('../../../test/fakes/test-db.js');
	return {db: openTestDb('change-signal')};
});
vi.mock(import('./cycle-runner.js'), async importOriginal => ({...(await importOriginal()), startCycle: vi.fn()}));
const {db} = await import('../worker-db.js');
const {startCycle} = await import('./cycle-runner.js');
const {isSignalFromItsTab, onSalesforceSaveSeen} = await import('./save-signal.js');
const {patchWorkerState, readWorkerState} = await import('./worker-state.js');

const now = 50_000_000;
const partition = partitionFixture();
/** The synced org's Lightning host (the fixture's instance host is its My Domain). */
const HOST = partition.instanceHost.replace('.my.salesforce.com', '.lightning.force.com');

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	vi.mocked(startCycle).mockClear();
	await db.partitions.put(partition);
	await db.meta.put({key: 'activePartition', value: partition.id});
});

test('R13 (issue 14): a save seen on a Salesforce page starts a cycle at once, recorded as salesforce-save', async () => {
	await patchWorkerState({cycleStartedAt: now - 5 * 60_000});
	expect(await onSalesforceSaveSeen(HOST, now)).toEqual({action: 'sync-now'});
	expect(vi.mocked(startCycle).mock.calls).toEqual([['salesforce-save']]);
	const state = await readWorkerState();
	expect(state.signalSyncsAt).toEqual([now]);
	expect(state.salesforceTabSeenAt).toBe(now);
});

test('R13/R21 (issue 14): even right after a cycle a save syncs at once; past the hourly cap, the schedule rules', async () => {
	await patchWorkerState({cycleStartedAt: now - 1000});
	expect(await onSalesforceSaveSeen(HOST, now)).toEqual({action: 'sync-now'});
	for (let index = 1; index < 20; index++) await onSalesforceSaveSeen(HOST, now + index * 60_000);
	expect(startCycle).toHaveBeenCalledTimes(20);
	expect(await onSalesforceSaveSeen(HOST, now + 30 * 60_000)).toEqual({action: 'schedule'});
	expect(startCycle).toHaveBeenCalledTimes(20);
});

test('R21 (issue 14): over 80 % of the org’s allowance, or with sync off, a save signal starts nothing', async () => {
	await db.partitions.put({...partition, status: {phase: 'idle', budget: 'slow'}});
	expect(await onSalesforceSaveSeen(HOST, now)).toEqual({action: 'schedule'});
	await db.partitions.put({...partition, enabled: false});
	expect(await onSalesforceSaveSeen(HOST, now)).toEqual({action: 'schedule'});
	expect(startCycle).not.toHaveBeenCalled();
});

test('R21 (issue 14): only the top frame of a tab on the host it names may signal', () => {
	const tab = {id: 4, url: 'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view'};
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {frameId: 0, tab})).toBe(true);
	expect(isSignalFromItsTab({host: 'ACME.lightning.force.com'}, {frameId: 0, tab})).toBe(true);
	expect(isSignalFromItsTab({host: 'other.lightning.force.com'}, {frameId: 0, tab})).toBe(false);
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {frameId: 2, tab})).toBe(false);
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {frameId: 0})).toBe(false);
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {frameId: 0, tab: {id: 4, url: 'not a url'}})).toBe(
		false,
	);
});

test('R2/R21 (issue 14): a save seen on another org’s page starts nothing', async () => {
	await patchWorkerState({cycleStartedAt: now - 5 * 60_000});
	expect(await onSalesforceSaveSeen('someone-else.lightning.force.com', now)).toEqual({action: 'schedule'});
	expect(await onSalesforceSaveSeen('someone-else.my.salesforce.com', now)).toEqual({action: 'schedule'});
	expect(startCycle).not.toHaveBeenCalled();
	expect(await onSalesforceSaveSeen(partition.instanceHost, now)).toEqual({action: 'sync-now'});
});
