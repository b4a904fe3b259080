/**
 * R31/R13/R22: after an edit, the toolbar count, one cycle asked for when sync is on, and the reminder alarm —
 * armed once per edit, here; the cycle the edit asks for does not arm it again unless it brought something
 * from Salesforce.
 */
import {beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {addReminder} from '@/shared/store/local-edits.js';
import {localDateString} from '@/shared/local-date.js';
import {resetFakeBrowser, toolbarBadge} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';

// The cycle runs with no Salesforce session (none in the fake browser), so it pulls nothing; a memory lock
// stands in for Web Locks, which Node lacks.
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
		credentialsForPartition: async () => ({kind: 'session', port: null}),
	};
});
// The cycle an edit asks for is recorded; the test runs it itself, to see what it does to the alarm.
vi.mock(import('./cycle-runner.js'), async importOriginal => ({...(await importOriginal()), startCycle: vi.fn()}));
const {runCycleNow, startCycle} = await import('./cycle-runner.js');
const {afterLocalChange} = await import('./after-local-change.js');
const {REMINDER_ALARM} = await import('../alerts/alert-alarm.js');

const dbs = openTestWorkerDbs('after-local-change');
const {db} = dbs;

/** How often the reminder alarm was set or cleared since the spies were made. */
function reminderAlarmWrites(spies: {create: {mock: {calls: unknown[][]}}; clear: {mock: {calls: unknown[][]}}}) {
	return [...spies.create.mock.calls, ...spies.clear.mock.calls].filter(([name]) => name === REMINDER_ALARM).length;
}

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all([...db.tables, ...dbs.credentials.tables].map(table => table.clear()));
	vi.mocked(startCycle).mockClear();
});

test('R31/R13: an edit with sync on arms the reminder alarm once and asks for one cycle, which does not arm it again', async () => {
	await db.partitions.put(partitionFixture());
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	const at = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
	await addReminder(db, {name: 'Call Ann', dueDate: localDateString(new Date()), reminderAt: at.toISOString()});
	const spies = {create: vi.spyOn(browser.alarms, 'create'), clear: vi.spyOn(browser.alarms, 'clear')};

	expect(await afterLocalChange(dbs)).toEqual({queued: true});
	expect(vi.mocked(startCycle).mock.calls).toEqual([[dbs, 'local-change']]);
	expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(at.getTime());
	expect(toolbarBadge().text).toBe('1');
	expect(reminderAlarmWrites(spies)).toBe(1);

	// The cycle the edit asked for pulls nothing here: the alarm is left as the edit set it.
	expect((await runCycleNow(dbs, 'local-change'))?.pulled).toBe(0);
	expect(reminderAlarmWrites(spies)).toBe(1);
	// Any other cycle checks what is due and re-arms (a pull may have brought a time).
	await runCycleNow(dbs, 'alarm');
	expect(reminderAlarmWrites(spies)).toBe(2);
	expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(at.getTime());
});

test('R31/R7/R22: with sync off an edit still arms the reminder alarm and updates the count; no cycle is asked for', async () => {
	const at = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
	await addReminder(db, {name: 'Call Ann', dueDate: localDateString(new Date()), reminderAt: at.toISOString()});
	expect(await afterLocalChange(dbs)).toEqual({queued: false});
	expect(startCycle).not.toHaveBeenCalled();
	expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(at.getTime());
	expect(toolbarBadge().text).toBe('1');
});
