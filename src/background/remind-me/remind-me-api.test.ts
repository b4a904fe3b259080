/**
 * R34/R31: "Remind me" through the worker's API with a reminder time arms the reminder alarm for it, as the
 * popup's add does (runner/after-local-change.ts). Sync is on here (a "Remind me" needs it), so the cycle it asks
 * for is replaced by a spy: this file is about the alarm, not the push.
 */
import {beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';

import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import type {TabCaller} from '../messaging/caller.js';

const startCycle = vi.fn();
vi.mock('../runner/cycle-runner.js', async importOriginal => ({
	...(await importOriginal<typeof import('../runner/cycle-runner.js')>()),
	startCycle,
}));
const {createBackgroundApi} = await import('../background-api.js');
const dbs = openTestWorkerDbs('api-remind-me');
const {db} = dbs;
const backgroundApi = createBackgroundApi(dbs);
/** The content script on the Contact's page, as the router describes it. */
const TAB: TabCaller = {
	kind: 'tab',
	tabId: 7,
	url: 'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view',
	frameId: 0,
};

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(partitionFixture());
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	startCycle.mockClear();
});

const request = {
	host: 'acme.lightning.force.com',
	recordId: '003000000000001AAA',
	name: 'Follow up: Ana',
	dueDate: '2026-03-06',
	recordName: 'Ana',
};

test('R34/R31: "Remind me" with a reminder time arms the reminder alarm for it and asks for a push', async () => {
	const at = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
	const id = crypto.randomUUID();
	expect(await backgroundApi.remindAboutRecord({...request, id, reminderAt: at.toISOString()}, TAB)).toEqual({id});
	expect((await db.reminders.get(id))?.reminderAt).toBe(at.toISOString());
	expect((await browser.alarms.get('reminder-due'))?.scheduledTime).toBe(at.getTime());
	expect(startCycle).toHaveBeenCalledTimes(1);
});

test('R34/R31: without a time no alarm is set', async () => {
	const id = crypto.randomUUID();
	await backgroundApi.remindAboutRecord({...request, id, reminderAt: null}, TAB);
	expect(await browser.alarms.get('reminder-due')).toBeUndefined();
	expect(startCycle).toHaveBeenCalledTimes(1);
});
