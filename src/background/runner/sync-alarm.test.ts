import {beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import {openTab, resetFakeBrowser, setIdleState} from '../../../test/fakes/browser.js';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {patchWorkerState} from '@/background/runner/worker-state.js';
import {currentActivity, scheduleNextSync, SYNC_ALARM} from './sync-alarm.js';
import {HEADROOM_DELAY} from './cadence.js';
import {
	alarmForHeldDelete,
	decideActivity,
	earlierAlarm,
	GLANCE_SYNC_MIN_GAP_MS,
	glanceShouldSync,
	isLate,
	LATE_ALARM_MS,
	MIN_ALARM_MS,
	nextAlarmTime,
	POPUP_RECENT_MS,
	SALESFORCE_RECENT_MS,
	changeSignalAction,
	CHANGE_SIGNAL_MAX_PER_HOUR,
	PAGE_GLANCE_SYNC_MIN_GAP_MS,
	pageGlanceShouldSync,
	recordSignalSync,
} from './schedule-policy.js';

const now = 10_000_000;

beforeEach(async () => {
	await resetFakeBrowser();
});

test.each([
	['R13: a focused Salesforce tab', {idleState: 'active', salesforceTabActive: true}, 'salesforce-tab'],
	[
		'R13: a Salesforce tab used 2 minutes ago',
		{idleState: 'active', salesforceTabActive: false, salesforceTabSeenAt: now - 120_000},
		'salesforce-tab',
	],
	[
		'R13: the popup opened a minute ago',
		{idleState: 'active', salesforceTabActive: false, popupOpenedAt: now - 60_000},
		'popup-recent',
	],
	[
		'the popup opened long ago',
		{idleState: 'active', salesforceTabActive: false, popupOpenedAt: now - POPUP_RECENT_MS - 1},
		'active',
	],
	['nothing in particular', {idleState: 'active', salesforceTabActive: false}, 'active'],
	['the browser is idle, even with a Salesforce tab focused', {idleState: 'idle', salesforceTabActive: true}, 'idle'],
	['the screen is locked', {idleState: 'locked', salesforceTabActive: false, popupOpenedAt: now}, 'idle'],
] as const)('%s → %s', (_label, input, expected) => {
	expect(decideActivity({...input, now})).toBe(expected);
});

test('R13 (issue 14): every 10 minutes in Salesforce or after the popup, every 15 otherwise, slower when idle', () => {
	const p = partitionFixture();
	expect(nextAlarmTime(p, 'salesforce-tab', 0, now) - now).toBe(10 * 60_000);
	expect(nextAlarmTime(p, 'popup-recent', 0, now) - now).toBe(10 * 60_000);
	expect(nextAlarmTime(p, 'active', 0, now) - now).toBe(15 * 60_000);
	expect(nextAlarmTime(p, 'idle', 0, now) - now).toBeGreaterThan(15 * 60_000);
});

test('R21: high API usage slows the schedule down', () => {
	const busy = partitionFixture({apiUsage: {used: 90, limit: 100, at: now}});
	expect(nextAlarmTime(busy, 'salesforce-tab', 0, now) - now).toBeGreaterThan(10 * 60_000);
});

test("R19: a backoff and the engine's nextSyncAfter are respected; Chrome's 30 s alarm floor too", () => {
	expect(
		nextAlarmTime(
			partitionFixture({status: {phase: 'idle', budget: 'normal', backoff: {attempt: 3, until: now + 1_200_000}}}),
			'salesforce-tab',
			0,
			now,
		),
	).toBe(now + 1_200_000);
	expect(
		nextAlarmTime(
			partitionFixture({status: {phase: 'idle', budget: 'normal', nextSyncAfter: now + 900_000}}),
			'salesforce-tab',
			0,
			now,
		),
	).toBe(now + 900_000);
	expect(nextAlarmTime(partitionFixture(), 'salesforce-tab', 5, now) - now).toBe(MIN_ALARM_MS);
});

test('activity is read from chrome.idle, the tabs and the popup time in storage.session', async () => {
	expect(await currentActivity(now)).toBe('active');
	await patchWorkerState({popupOpenedAt: now - 1000});
	expect(await currentActivity(now)).toBe('popup-recent');
	openTab('https://acme.lightning.force.com/lightning/page/home', {active: true});
	expect(await currentActivity(now)).toBe('salesforce-tab');
	setIdleState('idle');
	expect(await currentActivity(now)).toBe('idle');
});

test('R7: no alarm at all while sync is off', async () => {
	await scheduleNextSync(partitionFixture(), 0, now);
	expect(await browser.alarms.get(SYNC_ALARM)).toBeDefined();
	await scheduleNextSync(partitionFixture({enabled: false}), 0, now);
	expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
	await scheduleNextSync(undefined, 0, now);
	expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
});

test('R13: a Salesforce tab used a couple of minutes ago (Tab.lastAccessed) keeps the minute cadence', async () => {
	openTab('https://acme.lightning.force.com/lightning/page/home', {active: false, lastAccessed: now - 120_000});
	expect(await currentActivity(now)).toBe('salesforce-tab');
	expect(await currentActivity(now + SALESFORCE_RECENT_MS)).toBe('active');
});

test('R13: between cycles an event may bring the alarm forward, never push it back', async () => {
	await scheduleNextSync(partitionFixture(), 0, now); // no Salesforce tab: the 'active' cadence
	const afterCycle = (await browser.alarms.get(SYNC_ALARM))?.scheduledTime;
	expect(afterCycle).toBeGreaterThan(now + 60_000);
	// A tab switch 50 s later, into Salesforce: the ten-minute Salesforce cadence pulls the alarm in.
	openTab('https://acme.lightning.force.com/lightning/page/home', {active: true});
	await scheduleNextSync(partitionFixture(), 0, now + 50_000, 'keep-earlier');
	const pulledIn = (await browser.alarms.get(SYNC_ALARM))?.scheduledTime;
	expect(pulledIn).toBe(now + 50_000 + 10 * 60_000);
	// Another switch 30 s later must not slide the alarm out (it would never fire while the rep keeps moving
	// around Salesforce).
	await scheduleNextSync(partitionFixture(), 0, now + 80_000, 'keep-earlier');
	expect((await browser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(pulledIn);
	// After a cycle the alarm is replaced from the cycle's end.
	await scheduleNextSync(partitionFixture(), 0, now + 120_000);
	expect((await browser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(now + 120_000 + 10 * 60_000);
});

test('earlierAlarm and isLate', () => {
	expect(earlierAlarm(undefined, 5)).toBe(5);
	expect(earlierAlarm(3, 5)).toBe(3);
	expect(earlierAlarm(7, 5)).toBe(5);
	expect(isLate(undefined, now)).toBe(true);
	expect(isLate(now + LATE_ALARM_MS, now)).toBe(false);
	expect(isLate(now + LATE_ALARM_MS + 1, now)).toBe(true);
	expect(MIN_ALARM_MS).toBe(30_000);
});

test('R13/R21: a glance (popup open, Task page visit) syncs only when the last cycle is over 30 s old', () => {
	expect(glanceShouldSync(undefined, now)).toBe(true);
	expect(glanceShouldSync(now - GLANCE_SYNC_MIN_GAP_MS, now)).toBe(false);
	expect(glanceShouldSync(now - GLANCE_SYNC_MIN_GAP_MS - 1, now)).toBe(true);
});

test('R43: a delete held for its Undo offer brings the alarm forward to when the offer has passed, within the limits', () => {
	const p = partitionFixture();
	const computed = now + 5 * 60_000;
	expect(alarmForHeldDelete(p, computed, undefined, now)).toBe(computed);
	expect(alarmForHeldDelete(p, computed, now + 90_000, now)).toBe(now + 90_000);
	// Never sooner than Chrome fires alarms, never later than the cadence already wanted.
	expect(alarmForHeldDelete(p, computed, now + 10_000, now)).toBe(now + MIN_ALARM_MS);
	expect(alarmForHeldDelete(p, now + 40_000, now + 90_000, now)).toBe(now + 40_000);
	// R19/R21: a backoff is respected, and over 95 % of the allowance the probe or "Sync now" takes it.
	const backingOff = partitionFixture({
		status: {phase: 'idle', budget: 'normal', backoff: {attempt: 2, until: now + 120_000}},
	});
	expect(alarmForHeldDelete(backingOff, computed, now + 10_000, now)).toBe(now + 120_000);
	const overBudget = partitionFixture({status: {phase: 'idle', budget: 'manual-only'}});
	expect(alarmForHeldDelete(overBudget, computed, now + 10_000, now)).toBe(computed);
});

test('R43: scheduleNextSync sets the alarm for a held delete even when nothing else is pending', async () => {
	await scheduleNextSync(partitionFixture(), 0, now, 'replace', now + 45_000);
	expect((await browser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(now + 45_000);
});

test('R13/R21 (issue 14): a Task page visit syncs only when the last cycle is over 10 minutes old', () => {
	expect(PAGE_GLANCE_SYNC_MIN_GAP_MS).toBe(10 * 60_000);
	expect(pageGlanceShouldSync(undefined, now)).toBe(true);
	expect(pageGlanceShouldSync(now - 9 * 60_000, now)).toBe(false);
	expect(pageGlanceShouldSync(now - PAGE_GLANCE_SYNC_MIN_GAP_MS - 1, now)).toBe(true);
});

test('R13 (issue 14): a save seen on a Salesforce page syncs at once, even right after another cycle', () => {
	// The save may have landed after the last cycle's query; signals during a cycle coalesce into one more.
	expect(changeSignalAction({budget: 'normal', signalSyncsAt: [], now})).toBe('sync-now');
	expect(changeSignalAction({budget: 'normal', signalSyncsAt: [now - 1000], now})).toBe('sync-now');
});

test('R21 (issue 14): change signals cannot burn the allowance: an hourly cap, and the budget governor rules', () => {
	let syncs: number[] = [];
	for (let index = 0; index < CHANGE_SIGNAL_MAX_PER_HOUR; index++) syncs = recordSignalSync(syncs, now - index * 1000);
	expect(CHANGE_SIGNAL_MAX_PER_HOUR).toBe(20);
	expect(changeSignalAction({budget: 'normal', signalSyncsAt: syncs, now})).toBe('schedule');
	// An hour later the old ones no longer count, and recordSignalSync forgets them.
	const later = now + 3_600_000;
	expect(changeSignalAction({budget: 'normal', signalSyncsAt: syncs, now: later})).toBe('sync-now');
	expect(recordSignalSync(syncs, later)).toEqual([later]);
	// Above 80 % of the org's allowance the slowed cadence rules; above 95 % only the probe and "Sync now".
	for (const budget of ['slow', 'manual-only'] as const)
		expect(changeSignalAction({budget, signalSyncsAt: [], now})).toBe('schedule');
});

test('R56: while the org has room, the alarm comes every few minutes whatever the rep does; an event never finds it late', () => {
	const roomy = partitionFixture({apiUsage: {used: 20_000, limit: 100_000, at: now}});
	for (const activity of ['salesforce-tab', 'popup-recent', 'active', 'idle'] as const) {
		const alarm = nextAlarmTime(roomy, activity, 0, now);
		expect(alarm - now).toBe(HEADROOM_DELAY);
		expect(isLate(alarm, now)).toBe(false);
	}

	// The org at 70 %: stretched most of the way back to the ten minutes of R13.
	const busy = partitionFixture({apiUsage: {used: 70_000, limit: 100_000, at: now}});
	expect(nextAlarmTime(busy, 'salesforce-tab', 0, now) - now).toBeGreaterThan(8 * 60_000);
	expect(nextAlarmTime(busy, 'salesforce-tab', 0, now) - now).toBeLessThan(10 * 60_000);
	// A cap the rep has nearly spent slows it as R21 slows a full org (passed by cycle-runner.ts refreshSchedule).
	expect(nextAlarmTime(roomy, 'salesforce-tab', 0, now, {requests: 85, cap: 100}) - now).toBe(40 * 60_000);
});
