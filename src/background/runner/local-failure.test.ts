import {Dexie} from 'dexie';
import {beforeEach, expect, test, vi} from 'vitest';
import {LOCAL_FAILURE_KEY, readLocalFailureReport} from '@/shared/local-failure-report.js';
import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import browser, {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {installFullDisk} from '../../../test/fakes/full-disk.js';

// The cycle runs with no Salesforce session (none in the fake browser): it only writes its paused status and
// history row — enough to meet a full disk. A memory lock stands in for Web Locks.
vi.mock('../engine-deps.js', async () => {
	const {createMemoryLock} = await import('@/background/sync/lock.js');
	const {silentLog} = await import('@/background/sync/log.js');
	return {
		engineDeps: (db: unknown, salesforce: null) => ({
			db,
			salesforce,
			clock: {now: () => Date.now()},
			lock: createMemoryLock(),
			log: silentLog,
		}),
		portForSession: async () => null,
		// No OAuth tokens and no browser session: the cycle pauses (R20, R28).
		credentialsForPartition: async () => ({kind: 'session', port: null}),
	};
});
const {handleMessage} = await import('../messaging/router.js');
const {createBackgroundApi} = await import('../background-api.js');
const {runCycleNow} = await import('./cycle-runner.js');
const {LOCAL_FAILURE_RETRY_MINUTES, retryAfterLocalFailure} = await import('./local-failure.js');
const {SYNC_ALARM} = await import('./sync-alarm.js');

// The worker's databases, with a switch that fills the disk (test/fakes/full-disk.ts) installed before the
// Tickler database opens.
const dbs = openTestWorkerDbs('local-failure');
const {db} = dbs;
const disk = installFullDisk(db);
const backgroundApi = createBackgroundApi(dbs);

const SELF = {id: browser.runtime.id, pagesBaseUrl: browser.runtime.getURL('')};
const POPUP = {id: browser.runtime.id, url: browser.runtime.getURL('src/popup/index.html')};

beforeEach(async () => {
	disk.free();
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	disk.refused.length = 0;
});

test('R40/R17: a popup write refused by a full disk is never shown as saved: the reply is a refusal in plain words, and nothing is stored', async () => {
	disk.fill('all');
	const reply = await handleMessage(
		backgroundApi,
		{
			channel: 'tickler',
			method: 'addReminder',
			input: {id: '3f2a6b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c', reminder: {name: 'Call Ana', dueDate: null}},
		},
		POPUP,
		SELF,
	);
	expect(reply).toEqual({ok: false, error: {name: 'StorageFullError', message: LOCAL_FAILURE_TEXT['storage-full']}});
	expect(disk.refused.length).toBeGreaterThan(0);
	disk.free();
	expect(await db.reminders.count()).toBe(0);
	expect(await db.outbox.count()).toBe(0);
});

test('R40: when the disk is too full for the cycle to write even its status, the worker says it in storage.session, keeps an alarm, and clears it once a cycle writes again', async () => {
	await db.partitions.put(partitionFixture({status: {phase: 'idle', budget: 'normal'}}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	disk.fill('all');

	const result = await runCycleNow(dbs, 'alarm');
	expect(result).toMatchObject({outcome: 'failed', localFailure: 'storage-full'});
	expect(await readLocalFailureReport()).toMatchObject({kind: 'storage-full'});
	expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
	// Nothing written, nothing lost: the partition is as it was.
	expect((await db.partitions.get(TEST_PARTITION_ID))?.status).toEqual({phase: 'idle', budget: 'normal'});

	disk.free();
	const healthy = await runCycleNow(dbs, 'alarm');
	expect(healthy?.localFailure).toBeUndefined();
	expect(healthy?.outcome).toBe('paused'); // no session in the fake browser; its status and history were written
	expect(await readLocalFailureReport()).toBeUndefined();
	expect((await browser.storage.session.get(LOCAL_FAILURE_KEY))[LOCAL_FAILURE_KEY]).toBeUndefined();
});

test('R40: when the store cannot be read to compute the next alarm, a fixed retry alarm stands in; other errors are not swallowed', async () => {
	await browser.alarms.clear(SYNC_ALARM);
	const before = Date.now();
	await retryAfterLocalFailure(new Dexie.DatabaseClosedError(new DOMException('backing store', 'UnknownError')));
	const alarm = await browser.alarms.get(SYNC_ALARM);
	expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + LOCAL_FAILURE_RETRY_MINUTES * 60_000);
	await expect(retryAfterLocalFailure(new Error('bug'))).rejects.toThrow('bug');
});
