import {beforeEach, expect, test} from 'vitest';
import {resetFakeBrowser, setCookie, setManagedStorage} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import browser from 'webextension-polyfill';
import {refreshSchedule, runCycleNow} from './cycle-runner.js';
import {HEADROOM_DELAY} from './cadence.js';
import {SYNC_ALARM} from './sync-alarm.js';
import {disablePartition} from '../accounts/sync-switch.js';

// The worker's databases, on a fresh fake IndexedDB.
const dbs = openTestWorkerDbs('sync-runner');
const {db, credentials: credentialsDb} = dbs;

/**
 * The session cookie is there, so a cycle that ran would have sent requests; every cycle the engine runs
 * (even one that pauses at once) writes a history row, so no row means no cycle and no request.
 */
const cyclesRun = async () => db.syncHistory.count();

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all([...db.tables, ...credentialsDb.tables].map(table => table.clear()));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	setCookie({name: 'sid', value: '00D000000000001!session', domain: 'acme.my.salesforce.com'});
});

test('R30: a host the admin did not allow is never synced with: sync is turned off, nothing is sent', async () => {
	setManagedStorage({allowedMyDomainHosts: ['other.my.salesforce.com']});
	await db.partitions.put(partitionFixture());
	expect(await runCycleNow(dbs, 'alarm')).toBeUndefined();
	expect((await db.partitions.get(TEST_PARTITION_ID))?.enabled).toBe(false);
	expect(await cyclesRun()).toBe(0);
});

test('R30: sync preset off wins over the rep’s; a preset subject template replaces theirs', async () => {
	setManagedStorage({syncEnabled: false});
	await db.partitions.put(partitionFixture());
	await runCycleNow(dbs, 'alarm');
	expect((await db.partitions.get(TEST_PARTITION_ID))?.enabled).toBe(false);

	setManagedStorage({syncEnabled: true, subjectTemplate: 'Tickler: {{activity_subject}}'});
	await db.partitions.put(
		partitionFixture({status: {phase: 'paused', budget: 'normal', pauseReason: 'api-access-refused'}}),
	);
	await runCycleNow(dbs, 'alarm');
	expect((await db.partitions.get(TEST_PARTITION_ID))?.subjectTemplate).toBe('Tickler: {{activity_subject}}');
});

test('R28: a refused refresh waits for Reconnect: paused with "Reconnect to Salesforce", nothing sent, not even with a cookie', async () => {
	await db.partitions.put(partitionFixture());
	await credentialsDb.tokens.put({
		partition: TEST_PARTITION_ID,
		host: 'acme.my.salesforce.com',
		instanceHost: 'acme.my.salesforce.com',
		clientId: '3MVG9clientid',
		accessToken: 'expired',
		connectedAt: Date.now(),
		needsReconnect: true,
	});
	expect(await runCycleNow(dbs, 'alarm')).toBeUndefined();
	expect((await db.partitions.get(TEST_PARTITION_ID))?.status).toMatchObject({
		phase: 'paused',
		pauseReason: 'reconnect',
		message: 'Reconnect to Salesforce',
	});
	expect(await cyclesRun()).toBe(0);
});

test('R28: an org that refused the browser session is not asked again on every alarm (no loop)', async () => {
	const refused = {phase: 'paused', budget: 'normal', pauseReason: 'api-access-refused'} as const;
	await db.partitions.put(partitionFixture({status: refused}));
	for (const trigger of ['alarm', 'popup', 'page-visit', 'local-change'] as const) {
		expect(await runCycleNow(dbs, trigger)).toBeUndefined();
	}

	expect((await db.partitions.get(TEST_PARTITION_ID))?.status).toEqual(refused);
	expect(await cyclesRun()).toBe(0);
});

test('R30: with sync preset on, the rep cannot turn it off', async () => {
	setManagedStorage({syncEnabled: true});
	await db.partitions.put(partitionFixture());
	await expect(disablePartition(dbs, TEST_PARTITION_ID)).rejects.toThrow(
		'Your admin keeps Salesforce sync on for Tickler.',
	);
	expect((await db.partitions.get(TEST_PARTITION_ID))?.enabled).toBe(true);
});

test('R56: the schedule reads the org’s usage and an admin’s cap on the rep’s daily requests', async () => {
	const alarmIn = async () => ((await browser.alarms.get(SYNC_ALARM))?.scheduledTime ?? Number.NaN) - Date.now();
	// The org at 10 % of its allowance: room to poll every few minutes, even with no Salesforce tab open.
	await db.partitions.put(partitionFixture({apiUsage: {used: 10, limit: 100, at: Date.now()}}));
	await refreshSchedule(db);
	expect(await alarmIn()).toBeLessThanOrEqual(HEADROOM_DELAY);
	// The admin caps each rep at 100 requests a day, and this rep spent 90 in the last hours: R21's slowing
	// applies to its own share (a quarter as often as the 15-minute cadence), whatever room the org has.
	setManagedStorage({maxDailyRequestsPerRep: 100});
	await db.syncHistory.add({
		partition: TEST_PARTITION_ID,
		trigger: 'alarm',
		startedAt: Date.now() - 3_600_000,
		endedAt: Date.now() - 3_600_000,
		outcome: 'ok',
		pulled: 0,
		pushed: 0,
		deleted: 0,
		conflicts: 0,
		apiRequests: 90,
		errors: [],
		notes: [],
	});
	await refreshSchedule(db);
	expect(await alarmIn()).toBeGreaterThan(59 * 60_000);
});
