import {beforeEach, expect, test, vi} from 'vitest';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';

vi.mock(import('./cycle-runner.js'), async importOriginal => ({...(await importOriginal()), startCycle: vi.fn()}));
const {startCycle} = await import('./cycle-runner.js');
const {isSignalFromItsTab, onSalesforceSaveSeen} = await import('./save-signal.js');
const {patchWorkerState, readWorkerState} = await import('./worker-state.js');
const {MESSAGE_RULES} = await import('../messaging/message-rules.js');

const dbs = openTestWorkerDbs('change-signal');
const {db} = dbs;

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
	expect(await onSalesforceSaveSeen(dbs, HOST, now)).toEqual({action: 'sync-now'});
	expect(vi.mocked(startCycle).mock.calls).toEqual([[dbs, 'salesforce-save']]);
	const state = await readWorkerState();
	expect(state.signalSyncsAt).toEqual([now]);
	expect(state.salesforceTabSeenAt).toBe(now);
});

test('R13/R21 (issue 14): even right after a cycle a save syncs at once; past the hourly cap, the schedule rules', async () => {
	await patchWorkerState({cycleStartedAt: now - 1000});
	expect(await onSalesforceSaveSeen(dbs, HOST, now)).toEqual({action: 'sync-now'});
	for (let index = 1; index < 20; index++) await onSalesforceSaveSeen(dbs, HOST, now + index * 60_000);
	expect(startCycle).toHaveBeenCalledTimes(20);
	expect(await onSalesforceSaveSeen(dbs, HOST, now + 30 * 60_000)).toEqual({action: 'schedule'});
	expect(startCycle).toHaveBeenCalledTimes(20);
});

test('R21 (issue 14): over 80 % of the org’s allowance, or with sync off, a save signal starts nothing', async () => {
	await db.partitions.put({...partition, status: {phase: 'idle', budget: 'slow'}});
	expect(await onSalesforceSaveSeen(dbs, HOST, now)).toEqual({action: 'schedule'});
	await db.partitions.put({...partition, enabled: false});
	expect(await onSalesforceSaveSeen(dbs, HOST, now)).toEqual({action: 'schedule'});
	expect(startCycle).not.toHaveBeenCalled();
});

test('R21 (issue 14): only the top frame of a tab on the host it names may signal', () => {
	const tab = {
		kind: 'tab',
		tabId: 4,
		url: 'https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view',
		frameId: 0,
	} as const;
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, tab)).toBe(true);
	expect(isSignalFromItsTab({host: 'ACME.lightning.force.com'}, tab)).toBe(true);
	expect(isSignalFromItsTab({host: 'other.lightning.force.com'}, tab)).toBe(false);
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {...tab, url: undefined})).toBe(false);
	expect(isSignalFromItsTab({host: 'acme.lightning.force.com'}, {...tab, url: 'not a url'})).toBe(false);
	// The protocol applies it to every signal from a tab, from its top frame only (a sub-frame and a sender
	// without a tab are refused before it: messaging/router.test.ts).
	expect(MESSAGE_RULES.salesforceSaveSeen.tab).toMatchObject({frames: 'top-frame', accepts: isSignalFromItsTab});
});

test('R2/R21 (issue 14): a save seen on another org’s page starts nothing', async () => {
	await patchWorkerState({cycleStartedAt: now - 5 * 60_000});
	expect(await onSalesforceSaveSeen(dbs, 'someone-else.lightning.force.com', now)).toEqual({action: 'schedule'});
	expect(await onSalesforceSaveSeen(dbs, 'someone-else.my.salesforce.com', now)).toEqual({action: 'schedule'});
	expect(startCycle).not.toHaveBeenCalled();
	expect(await onSalesforceSaveSeen(dbs, partition.instanceHost, now)).toEqual({action: 'sync-now'});
});
