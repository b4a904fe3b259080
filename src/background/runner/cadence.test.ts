import {expect, test} from 'vitest';
import {
	backoffDelay,
	budgetState,
	HEADROOM_DELAY,
	LOCAL_CHANGE_DELAY,
	MANUAL_ONLY_PROBE_DELAY,
	nextSyncDelay,
	pollDelay,
	usagePressure,
} from './cadence.js';

const now = 1_000_000;

test('R13 (issue 14): ten minutes in Salesforce or with the popup, fifteen otherwise, an hour when idle — the rep’s own saves come through change signals', () => {
	expect(nextSyncDelay({activity: 'salesforce-tab', pendingLocalChanges: 0, now})).toBe(10 * 60_000);
	expect(nextSyncDelay({activity: 'popup-recent', pendingLocalChanges: 0, now})).toBe(10 * 60_000);
	const active = nextSyncDelay({activity: 'active', pendingLocalChanges: 0, now});
	expect(active).toBe(15 * 60_000);
	expect(nextSyncDelay({activity: 'idle', pendingLocalChanges: 0, now})).toBe(60 * 60_000);
	expect(nextSyncDelay({activity: 'idle', pendingLocalChanges: 0, now})).toBeGreaterThan(active);
});

test('R13: a local change is pushed within seconds', () => {
	expect(nextSyncDelay({activity: 'idle', pendingLocalChanges: 1, now})).toBe(LOCAL_CHANGE_DELAY);
});

test('R21: slower above 80 % of the allowance, manual-only above 95 %', () => {
	expect(budgetState({used: 79, limit: 100})).toBe('normal');
	expect(budgetState({used: 80, limit: 100})).toBe('slow');
	expect(budgetState({used: 95, limit: 100})).toBe('manual-only');
	expect(budgetState(undefined)).toBe('normal');
	expect(
		nextSyncDelay({activity: 'salesforce-tab', apiUsage: {used: 85, limit: 100}, pendingLocalChanges: 0, now}),
	).toBe(40 * 60_000);
	expect(
		nextSyncDelay({activity: 'salesforce-tab', apiUsage: {used: 85, limit: 100}, pendingLocalChanges: 3, now}),
	).toBe(60_000);
	expect(
		nextSyncDelay({activity: 'salesforce-tab', apiUsage: {used: 96, limit: 100}, pendingLocalChanges: 3, now}),
	).toBe(MANUAL_ONLY_PROBE_DELAY);
});

test('R19: a persisted backoff is respected; backoff grows exponentially with jitter and a cap', () => {
	expect(
		nextSyncDelay({activity: 'salesforce-tab', backoff: {until: now + 500_000}, pendingLocalChanges: 1, now}),
	).toBe(500_000);
	expect(nextSyncDelay({activity: 'salesforce-tab', backoff: {until: now - 1}, pendingLocalChanges: 0, now})).toBe(
		10 * 60_000,
	);
	expect(backoffDelay(0, 0)).toBe(2500);
	expect(backoffDelay(0, 0.999_999)).toBeCloseTo(5000, -1);
	expect(backoffDelay(3, 0.5)).toBe(30_000);
	expect(backoffDelay(30, 0.999_999)).toBeLessThanOrEqual(30 * 60_000);
	expect(backoffDelay(30, 0)).toBe(15 * 60_000);
});

const MIN = 60_000;
const usage = (percent: number) => ({used: percent, limit: 100});

test.each([
	// [org usage %, activity, expected delay in ms]
	[0, 'idle', HEADROOM_DELAY],
	[20, 'salesforce-tab', HEADROOM_DELAY],
	[20, 'active', HEADROOM_DELAY],
	[49, 'idle', HEADROOM_DELAY],
	[50, 'idle', HEADROOM_DELAY],
	// Half-way (65 %): an eighth of the extra polls is kept — 1 / (1/60 + (1/4 − 1/60) / 8) minutes.
	[65, 'idle', Math.round(MIN / (1 / 60 + (1 / 4 - 1 / 60) / 8))],
	[65, 'salesforce-tab', Math.round(MIN / (1 / 10 + (1 / 4 - 1 / 10) / 8))],
	// 70 %: a 27th of them.
	[70, 'active', Math.round(MIN / (1 / 15 + (1 / 4 - 1 / 15) / 27))],
	// 80 % and above: R21's rule on the base cadence, as before.
	[80, 'salesforce-tab', 40 * MIN],
	[85, 'idle', 240 * MIN],
	[96, 'idle', MANUAL_ONLY_PROBE_DELAY],
] as const)('R56: the org at %i % of its allowance, %s → poll after %i ms', (percent, activity, expected) => {
	expect(nextSyncDelay({activity, apiUsage: usage(percent), pendingLocalChanges: 0, now})).toBe(expected);
});

test('R56: between half and 80 % the interval only grows, with no jump at either end', () => {
	for (const activity of ['salesforce-tab', 'popup-recent', 'active', 'idle'] as const) {
		let previous = pollDelay(activity, 0.5);
		expect(previous).toBe(HEADROOM_DELAY);
		for (let permille = 501; permille < 800; permille++) {
			const delay = pollDelay(activity, permille / 1000);
			expect(delay).toBeGreaterThanOrEqual(previous);
			// Smooth: a step of 0.1 % of the allowance moves the interval by well under a minute.
			expect(delay - previous).toBeLessThan(MIN / 2);
			previous = delay;
		}

		// At 80 % it is today's cadence (before R21 slows it by four).
		expect(Math.abs(pollDelay(activity, 0.799_999) - pollDelay(activity, undefined))).toBeLessThan(1000);
	}
});

test('R56: no answer yet (usage unknown) keeps the base cadence; a local change still goes within seconds', () => {
	expect(usagePressure(undefined)).toBeUndefined();
	expect(nextSyncDelay({activity: 'idle', pendingLocalChanges: 0, now})).toBe(60 * MIN);
	expect(nextSyncDelay({activity: 'idle', apiUsage: usage(10), pendingLocalChanges: 2, now})).toBe(LOCAL_CHANGE_DELAY);
});

test.each([
	// [org usage %, the rep's requests in 24 h, the admin's cap, expected budget, expected delay when idle]
	[10, 20, 200, 'normal', HEADROOM_DELAY],
	// The rep's own share is the fuller one: it paces the polls like the org's usage would.
	[10, 130, 200, 'normal', pollDelay('idle', 0.65)],
	[10, 170, 200, 'slow', 240 * MIN],
	[10, 195, 200, 'manual-only', MANUAL_ONLY_PROBE_DELAY],
	// The org's usage is the fuller one: the cap changes nothing.
	[70, 20, 200, 'normal', pollDelay('idle', 0.7)],
	// A cap alone (no answer yet) is enough to know there is room.
	[undefined, 0, 200, 'normal', HEADROOM_DELAY],
] as const)(
	'R56: an admin’s cap on the rep’s share — org at %s %, %i of %i requests used → %s, %i ms',
	(percent, requests, cap, budget, delay) => {
		const apiUsage = percent === undefined ? undefined : usage(percent);
		const share = {requests, cap};
		expect(budgetState(apiUsage, share)).toBe(budget);
		expect(nextSyncDelay({activity: 'idle', apiUsage, share, pendingLocalChanges: 0, now})).toBe(delay);
	},
);
