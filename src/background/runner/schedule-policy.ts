/**
 * The worker's scheduling decisions as pure functions (R13, R21, R56): which cadence applies and when the next
 * alarm should fire. No browser APIs here, so the same code drives the service worker (sync-alarm.ts) and the
 * fleet simulation in Node (bench/lib/fleet-rep.ts) — the benchmark measures the schedule that ships.
 */
import {type Activity, type ApiShare, nextSyncDelay} from './cadence.js';
import type {Partition} from '@/shared/store/schema.js';

/** "A Salesforce tab is in use": focused now, or used within this long (R13). */
export const SALESFORCE_RECENT_MS = 5 * 60_000;
/**
 * "The popup was opened recently" (R13). Opening it already syncs; the Salesforce-tab cadence afterwards
 * (ten minutes since issue 14, instead of the fifteen of other work) only covers the rep glancing back, so
 * it lasts two minutes: each extra poll is one more API request against the org's shared allowance (R21).
 */
export const POPUP_RECENT_MS = 2 * 60_000;
/** Seconds without input before chrome.idle reports 'idle'. */
export const IDLE_DETECTION_SECONDS = 5 * 60;
/** Chrome fires alarms at most every 30 s for a packed extension; asking for less only misleads. */
export const MIN_ALARM_MS = 30_000;
/**
 * A sync the rep's glance asks for — opening the popup, visiting a Task page — runs only when the last cycle
 * started longer ago than this: what is on screen is then at most 30 s old (R13), and a rep clicking around
 * does not spend one API request per click (R21). Manual syncs and local changes are not held back.
 */
export const GLANCE_SYNC_MIN_GAP_MS = 30_000;

/**
 * A Task page visit (and the badge's re-ask every 15 s while the page stays open) syncs only when the last
 * cycle started longer ago than this. The rep's own saves on the page arrive through a change signal
 * instead (changeSignalAction), so a visit only has to catch edits from elsewhere, which the Salesforce
 * cadence (ten minutes) already bounds (R13); with the popup's 30 s a rep reading a Task page would poll
 * twice a minute (R21).
 */
export const PAGE_GLANCE_SYNC_MIN_GAP_MS = 10 * 60_000;

/** Whether a Task page visit should start a cycle now (R13, R21). */
export function pageGlanceShouldSync(lastCycleStartedAt: number | undefined, now: number): boolean {
	return lastCycleStartedAt === undefined || now - lastCycleStartedAt > PAGE_GLANCE_SYNC_MIN_GAP_MS;
}

/**
 * A change signal (issue 14): something the browser saw that makes a Salesforce change by the rep likely —
 * the content script seeing a record saved. It costs no request itself, and syncs at once, even right after
 * another cycle (the save may have landed after that cycle's query; signals that come while a cycle runs
 * coalesce into one more cycle, cycle-runner.ts requestCycle). Rate-limited so a rep saving in bursts, or a
 * page faking the signs, cannot burn the allowance (R21):
 * - at most CHANGE_SIGNAL_MAX_PER_HOUR signal-started cycles in any hour; beyond, the schedule rules;
 * - only while the budget is normal: above 80 % of the org's allowance the slowed cadence rules, above
 *   95 % nothing runs but the half-hourly probe and "Sync now" (R21).
 */
export const CHANGE_SIGNAL_MAX_PER_HOUR = 20;
const HOUR_MS = 3_600_000;

export type ChangeSignalAction = 'sync-now' | 'schedule';

export function changeSignalAction(input: {
	budget: Partition['status']['budget'];
	/** When the earlier signal-started cycles began (only the last hour matters). */
	signalSyncsAt: readonly number[];
	now: number;
}): ChangeSignalAction {
	if (input.budget !== 'normal') return 'schedule';
	if (input.signalSyncsAt.filter(at => input.now - at < HOUR_MS).length >= CHANGE_SIGNAL_MAX_PER_HOUR)
		return 'schedule';
	return 'sync-now';
}

/** The signal-started cycle times to keep: the last hour's, with `now` added. */
export function recordSignalSync(signalSyncsAt: readonly number[], now: number): number[] {
	return [...signalSyncsAt.filter(at => now - at < HOUR_MS), now];
}

/** A Task page showing a change ready to sync may start a cycle sooner than a glance, but not in a loop. */
export const PENDING_SYNC_MIN_GAP_MS = 5000;

/** Whether a glance (popup open, Task page visit) should start a cycle now. */
export function glanceShouldSync(lastCycleStartedAt: number | undefined, now: number): boolean {
	return lastCycleStartedAt === undefined || now - lastCycleStartedAt > GLANCE_SYNC_MIN_GAP_MS;
}
/**
 * An event finding the next alarm further away than this syncs at once instead: coming back from idle (the
 * hourly idle cadence), or into a Salesforce tab from other work (fifteen minutes). Equal to the Salesforce
 * cadence, so an event never syncs when the alarm is already as close as being in Salesforce would set it.
 */
export const LATE_ALARM_MS = 10 * 60_000;

export type ActivityInput = {
	idleState: 'active' | 'idle' | 'locked';
	salesforceTabActive: boolean;
	salesforceTabSeenAt?: number | undefined;
	popupOpenedAt?: number | undefined;
	now: number;
};

/** Which cadence applies. Idle wins (nobody is looking), then Salesforce in use, then the popup. */
export function decideActivity(input: ActivityInput): Activity {
	if (input.idleState !== 'active') return 'idle';
	const within = (at: number | undefined, ms: number) => at !== undefined && input.now - at < ms;
	if (input.salesforceTabActive || within(input.salesforceTabSeenAt, SALESFORCE_RECENT_MS)) return 'salesforce-tab';
	if (within(input.popupOpenedAt, POPUP_RECENT_MS)) return 'popup-recent';
	return 'active';
}

/**
 * When the next automatic cycle should run, as an alarm time. The org's usage is the one its last answer
 * gave (the engine and the Task page badge record it on the partition); `share` is the rep's own requests
 * against an admin's cap, when one is set (R56).
 */
export function nextAlarmTime(
	partition: Partition,
	activity: Activity,
	pendingLocalChanges: number,
	now: number,
	share?: ApiShare,
): number {
	const delay = nextSyncDelay({
		activity,
		apiUsage: partition.apiUsage,
		share,
		backoff: partition.status.backoff,
		pendingLocalChanges,
		now,
	});
	const earliest = Math.max(
		delay,
		partition.status.nextSyncAfter === undefined ? 0 : partition.status.nextSyncAfter - now,
	);
	return now + Math.max(MIN_ALARM_MS, earliest);
}

/**
 * R43: the alarm once a delete held back by its Undo offer is counted: brought forward to when the offer has
 * passed, so the delete goes without anyone opening the popup again. Never sooner than Chrome allows, nor
 * than the partition's backoff or "not before" (R19); and not while the org is over 95 % of its allowance
 * (R21) — the delete then goes with the half-hourly probe or the next "Sync now".
 */
export function alarmForHeldDelete(
	partition: Partition,
	computed: number,
	heldDeleteReadyAt: number | undefined,
	now: number,
): number {
	if (heldDeleteReadyAt === undefined || partition.status.budget === 'manual-only') return computed;
	const due = Math.max(
		heldDeleteReadyAt,
		now + MIN_ALARM_MS,
		partition.status.nextSyncAfter ?? 0,
		partition.status.backoff?.until ?? 0,
	);
	return Math.min(computed, due);
}

/**
 * The alarm to keep when an event (a tab switch, coming back from idle) re-reads the cadence between
 * cycles: it may pull the alarm in, never push it out — otherwise every tab switch would postpone the
 * next poll and a rep moving around Salesforce would never see a change arrive (R13).
 */
export function earlierAlarm(existing: number | undefined, computed: number): number {
	return existing === undefined ? computed : Math.min(existing, computed);
}

/** An event that finds no alarm, or one too far away, syncs now instead of waiting (R13). */
export function isLate(alarmAt: number | undefined, now: number): boolean {
	return alarmAt === undefined || alarmAt - now > LATE_ALARM_MS;
}
