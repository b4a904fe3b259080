/**
 * When to run the next automatic cycle (R13, R19, R21). Pure: the service worker turns the delay into a
 * `chrome.alarms` alarm (engineering guide §2.3).
 */
import type {BudgetState} from '@/shared/store/schema.js';

export type Activity = 'salesforce-tab' | 'popup-recent' | 'active' | 'idle';

export const SLOW_ABOVE = 0.8;
export const MANUAL_ONLY_ABOVE = 0.95;

/**
 * The slow base cadence (issue 14): what the rep changes in Salesforce in this browser arrives through a
 * change signal (a save seen on the page, schedule-policy.ts changeSignalAction) within seconds, so polls
 * only have to catch edits made elsewhere (the mobile app, automation, colleagues) — within about ten
 * minutes while the rep works in Salesforce or has just opened the popup, fifteen otherwise (R13); while
 * nobody is at the keyboard an hour, since coming back syncs at once when the alarm is further than ten
 * minutes away (browser-events.ts, schedule-policy.ts isLate). Each poll is one request against the org's
 * shared allowance (R21): with the rep's own pushes, saves and popup opens, these cadences keep a rep's day
 * under 100 requests in the fleet benchmark; faster ones cost more than the day allows (docs/benchmarks.md,
 * "The schedule's trade-off").
 */
const BASE_DELAY: Readonly<Record<Activity, number>> = {
	'salesforce-tab': 10 * 60_000,
	'popup-recent': 10 * 60_000,
	active: 15 * 60_000,
	idle: 60 * 60_000,
};
/** A local change is pushed within seconds (R13). */
export const LOCAL_CHANGE_DELAY = 2000;
/** While over 95 %, one probe every half hour learns whether usage has dropped (the header is the only source). */
export const MANUAL_ONLY_PROBE_DELAY = 30 * 60_000;

export function budgetState(apiUsage: {used: number; limit: number} | undefined): BudgetState {
	if (!apiUsage || apiUsage.limit <= 0) return 'normal';
	const ratio = apiUsage.used / apiUsage.limit;
	if (ratio >= MANUAL_ONLY_ABOVE) return 'manual-only';
	if (ratio >= SLOW_ABOVE) return 'slow';
	return 'normal';
}

export type NextSyncInput = {
	activity: Activity;
	apiUsage?: {used: number; limit: number} | undefined;
	/** Persisted backoff after transient failures. */
	backoff?: {until: number} | undefined;
	pendingLocalChanges: number;
	now: number;
};

export function nextSyncDelay(input: NextSyncInput): number {
	const budget = budgetState(input.apiUsage);
	let delay: number;
	if (budget === 'manual-only') {
		delay = MANUAL_ONLY_PROBE_DELAY;
	} else {
		delay = input.pendingLocalChanges > 0 ? LOCAL_CHANGE_DELAY : BASE_DELAY[input.activity];
		// R21: above 80 %, poll a quarter as often; local changes still go out, but not faster than a minute.
		if (budget === 'slow') delay = input.pendingLocalChanges > 0 ? Math.max(delay, 60_000) : delay * 4;
	}

	if (input.backoff) delay = Math.max(delay, input.backoff.until - input.now);
	return Math.max(0, delay);
}

/** R19: exponential backoff with jitter; `random` in [0, 1) is injected so tests are deterministic. */
export function backoffDelay(attempt: number, random: number, baseMs = 5000, maxMs = 30 * 60_000): number {
	const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
	return Math.round(exponential * (0.5 + random / 2));
}
