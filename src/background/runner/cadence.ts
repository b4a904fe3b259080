/**
 * When to run the next automatic cycle (R13, R19, R21, R56). Pure: the service worker turns the delay into a
 * `chrome.alarms` alarm (engineering guide §2.3).
 */
import type {BudgetState} from '@/shared/store/schema.js';

export type Activity = 'salesforce-tab' | 'popup-recent' | 'active' | 'idle';

export const SLOW_ABOVE = 0.8;
export const MANUAL_ONLY_ABOVE = 0.95;
/** R56: below this share of its daily allowance the org has room, and Tickler polls every HEADROOM_DELAY. */
export const ROOMY_BELOW = 0.5;
/**
 * R56: the poll interval while the org has room, whatever the rep is doing (idle included: an edit made
 * elsewhere while the rep is away is still one to bring in). An edit lands anywhere between two polls, so
 * the slowest 5 % wait about 95 % of an interval: four minutes keeps them within five (docs/benchmarks.md,
 * "Freshness follows the org's headroom").
 */
export const HEADROOM_DELAY = 4 * 60_000;

/**
 * The slow base cadence (issue 14): what the rep changes in Salesforce in this browser arrives through a
 * change signal (a save seen on the page, schedule-policy.ts changeSignalAction) within seconds, so polls
 * only have to catch edits made elsewhere (the mobile app, automation, colleagues) — within about ten
 * minutes while the rep works in Salesforce or has just opened the popup, fifteen otherwise (R13); while
 * nobody is at the keyboard an hour, since coming back syncs at once when the alarm is further than ten
 * minutes away (browser-events.ts, schedule-policy.ts isLate). Each poll is one request against the org's
 * shared allowance (R21): with the rep's own pushes, saves and popup opens, these cadences keep a rep's day
 * under 100 requests in the fleet benchmark; faster ones cost more than the day allows (docs/benchmarks.md,
 * "The schedule's trade-off"). R56: this is the cadence where the org has no room to spare — from 80 % of
 * its allowance (before R21's slowing), or before any answer has said how full it is; with room, pollDelay
 * polls faster.
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

/**
 * R56: Tickler's own API requests in the last 24 hours against the most an admin lets each rep's Tickler
 * spend in 24 hours (the managed preset `maxDailyRequestsPerRep`, oauth/presets.ts).
 */
export type ApiShare = {requests: number; cap: number};

/**
 * How full the allowance Tickler may draw on is, 0–1 (or more): the org's usage as its last answer said
 * (`Sforce-Limit-Info`), or the rep's own share of an admin's cap, whichever is fuller. Undefined when
 * neither is known (no answer yet, no cap): nothing says there is room.
 */
export function usagePressure(
	apiUsage: {used: number; limit: number} | undefined,
	share?: ApiShare,
): number | undefined {
	const fractions: number[] = [];
	if (apiUsage && apiUsage.limit > 0) fractions.push(apiUsage.used / apiUsage.limit);
	if (share && share.cap > 0) fractions.push(share.requests / share.cap);
	return fractions.length === 0 ? undefined : Math.max(...fractions);
}

export function budgetState(apiUsage: {used: number; limit: number} | undefined, share?: ApiShare): BudgetState {
	const pressure = usagePressure(apiUsage, share);
	if (pressure === undefined) return 'normal';
	if (pressure >= MANUAL_ONLY_ABOVE) return 'manual-only';
	if (pressure >= SLOW_ABOVE) return 'slow';
	return 'normal';
}

/**
 * R56: the poll interval for what the rep is doing at this pressure, before R21's 80 % rule. Below half the
 * allowance, HEADROOM_DELAY; from half to 80 % the extra polls (the poll rate above the base cadence's) fall
 * off with the cube of what is left of the way, so the interval stretches smoothly to the base cadence at
 * 80 % and is close to it well before: 65 % keeps an eighth of the extra polls, 70 % a 27th — a busy org
 * (the fleet benchmark's 70 %) gets about the base cadence's cost. Unknown pressure: the base cadence.
 */
export function pollDelay(activity: Activity, pressure: number | undefined): number {
	const base = BASE_DELAY[activity];
	if (pressure === undefined || pressure >= SLOW_ABOVE) return base;
	const fast = Math.min(base, HEADROOM_DELAY);
	if (pressure <= ROOMY_BELOW) return fast;
	const kept = ((SLOW_ABOVE - pressure) / (SLOW_ABOVE - ROOMY_BELOW)) ** 3;
	return Math.round(1 / (1 / base + (1 / fast - 1 / base) * kept));
}

export type NextSyncInput = {
	activity: Activity;
	apiUsage?: {used: number; limit: number} | undefined;
	/** R56: the rep's own requests against an admin's cap, when one is set. */
	share?: ApiShare | undefined;
	/** Persisted backoff after transient failures. */
	backoff?: {until: number} | undefined;
	pendingLocalChanges: number;
	now: number;
};

export function nextSyncDelay(input: NextSyncInput): number {
	const pressure = usagePressure(input.apiUsage, input.share);
	const budget = budgetState(input.apiUsage, input.share);
	let delay: number;
	if (budget === 'manual-only') {
		delay = MANUAL_ONLY_PROBE_DELAY;
	} else {
		delay = input.pendingLocalChanges > 0 ? LOCAL_CHANGE_DELAY : pollDelay(input.activity, pressure);
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
