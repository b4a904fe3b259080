import {beforeEach, expect, test, vi} from 'vitest';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {resetFakeBrowser, setManagedStorage} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';

vi.mock(import('./cycle-runner.js'), async importOriginal => ({...(await importOriginal()), startCycle: vi.fn()}));
vi.mock(import('../accounts/sync-switch.js'), async importOriginal => ({
	...(await importOriginal()),
	enableForCurrentSession: vi.fn(),
}));
const {startCycle} = await import('./cycle-runner.js');
const {enableForCurrentSession} = await import('../accounts/sync-switch.js');
const {onCookieChanged, onWorkerWake} = await import('./browser-events.js');
const {added, createSending, deleted} = await import('@/shared/store/outbox-lifecycle.js');

const dbs = openTestWorkerDbs('browser-events');
const {db} = dbs;

const paused = partitionFixture({status: {phase: 'paused', pauseReason: 'session-expired', budget: 'normal'}});
const sid = (domain: string, name = 'sid') => ({
	removed: false,
	cause: 'explicit',
	cookie: {name, domain, value: '00D000000000001!fresh', path: '/', secure: true, hostOnly: true, httpOnly: true},
});

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	vi.mocked(startCycle).mockClear();
	vi.mocked(enableForCurrentSession).mockClear();
	await db.partitions.put(paused);
	await db.meta.put({key: 'activePartition', value: paused.id});
});

test('R20: a new sid on the paused partition’s My Domain host resumes sync, recorded as a session trigger', async () => {
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	expect(vi.mocked(startCycle).mock.calls).toEqual([[dbs, 'session']]);
});

test.each([
	['the Lightning host (no API access)', sid('acme.lightning.force.com')],
	['another org’s host', sid('other.my.salesforce.com')],
	['a cookie that is not the session', sid('acme.my.salesforce.com', 'oid')],
	['a removed sid', {...sid('acme.my.salesforce.com'), removed: true}],
])('R20/R21: %s starts nothing', async (_label, change) => {
	await onCookieChanged(dbs, change as never);
	expect(startCycle).not.toHaveBeenCalled();
});

test('R21: a new sid while sync runs normally costs nothing extra (the schedule already covers it)', async () => {
	await db.partitions.put({...paused, status: {phase: 'idle', budget: 'normal'}});
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	expect(startCycle).not.toHaveBeenCalled();
});

test('R30: with sync preset on by the admin and sync still off, a sign-in turns it on for the rep — and only then', async () => {
	await db.partitions.put({...paused, enabled: false});
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	// No preset: the rep's own checkbox decides (R3).
	expect(enableForCurrentSession).not.toHaveBeenCalled();
	setManagedStorage({syncEnabled: true});
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	expect(enableForCurrentSession).toHaveBeenCalledTimes(1);
	// Already on: nothing more to do, and no request spent on it.
	await db.partitions.put(partitionFixture({status: {phase: 'idle', budget: 'normal'}}));
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	expect(enableForCurrentSession).toHaveBeenCalledTimes(1);
});

test('R30: a preset of sync on that cannot start yet (no session) is tried again at the next sign-in, without an error', async () => {
	setManagedStorage({syncEnabled: true});
	await db.partitions.clear();
	vi.mocked(enableForCurrentSession).mockRejectedValueOnce(new Error('no session'));
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	await onCookieChanged(dbs, sid('acme.my.salesforce.com') as never);
	expect(enableForCurrentSession).toHaveBeenCalledTimes(2);
});

const key = {reminderId: 'r1', partition: paused.id};
const idle = {...paused, status: {phase: 'idle' as const, budget: 'normal' as const}};

test('R60: a worker started again with a create in doubt (stopped mid-create) sends it at once, not at the next alarm', async () => {
	await db.partitions.put({...idle, status: {phase: 'syncing', budget: 'normal'}});
	await db.reminders.put(aReminder());
	const sent = {at: Date.now(), subject: 'Call Ann', fields: aReminder()};
	await db.outbox.put(createSending(added(key, Date.now()), sent));
	await onWorkerWake(dbs);
	expect(vi.mocked(startCycle).mock.calls).toEqual([[dbs, 'local-change']]);
});

test.each([
	['nothing waits in the outbox', idle, undefined],
	['only a delete still held for its Undo offer (R43)', idle, deleted(undefined, key, Date.now(), true)],
	[
		'only a record waiting out its retry (R19)',
		idle,
		{...added(key, 0), attempts: 1, nextAttemptAt: Date.now() + 60_000},
	],
	['only a parked record (R19)', idle, {...added(key, 0), parked: 1 as const}],
	['sync paused until the rep signs in again (R20)', paused, added(key, 0)],
	['sync off (R7)', {...idle, enabled: false}, added(key, 0)],
])('R60: a worker start with %s starts no cycle', async (_label, partition, entry) => {
	await db.partitions.put(partition);
	if (entry) await db.outbox.put(entry);
	await onWorkerWake(dbs);
	expect(startCycle).not.toHaveBeenCalled();
});
