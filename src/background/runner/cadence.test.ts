import {expect, test} from 'vitest';
import {backoffDelay, budgetState, LOCAL_CHANGE_DELAY, MANUAL_ONLY_PROBE_DELAY, nextSyncDelay} from './cadence.js';

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
