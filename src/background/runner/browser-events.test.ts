import {beforeEach, expect, test, vi} from 'vitest';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {resetFakeBrowser, setManagedStorage} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';

vi.mock(import('./cycle-runner.js'), async importOriginal => ({...(await importOriginal()), startCycle: vi.fn()}));
vi.mock(import('../accounts/sync-switch.js'), async importOriginal => ({
	...(await importOriginal()),
	enableForCurrentSession: vi.fn(),
}));
const {startCycle} = await import('./cycle-runner.js');
const {enableForCurrentSession} = await import('../accounts/sync-switch.js');
const {onCookieChanged} = await import('./browser-events.js');

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
