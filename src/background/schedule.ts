/**
 * Turns "what is the rep doing" into the next sync alarm (R13, R21). The delay itself comes from the
 * engine's pure `nextSyncDelay`; this file only gathers its inputs and sets `chrome.alarms` (engineering
 * guide §2.3: no timers in the worker).
 */
import browser from 'webextension-polyfill';
import {type Activity, nextSyncDelay} from '@/background/sync/scheduler.js';
import type {Partition} from '@/shared/store/schema.js';
import {readWorkerState} from './ephemeral.js';
import {SALESFORCE_TAB_PATTERNS} from './session/find-session.js';

export const SYNC_ALARM = 'sync-tick';
/** "The popup was opened recently" and "a Salesforce tab is in use" both last this long (R13). */
export const RECENT_MS = 5 * 60_000;
/** Seconds without input before chrome.idle reports 'idle'. */
export const IDLE_DETECTION_SECONDS = 5 * 60;
/** Chrome fires alarms at most every 30 s for a packed extension; asking for less only misleads. */
export const MIN_ALARM_MS = 30_000;

export type ActivityInput = {
	idleState: 'active' | 'idle' | 'locked';
	salesforceTabActive: boolean;
	salesforceTabSeenAt?: number | undefined;
	popupOpenedAt?: number | undefined;
	now: number;
};

/** Pure: which cadence applies. Idle wins (nobody is looking), then Salesforce in use, then the popup. */
export function decideActivity(input: ActivityInput): Activity {
	if (input.idleState !== 'active') return 'idle';
	const recent = (at: number | undefined) => at !== undefined && input.now - at < RECENT_MS;
	if (input.salesforceTabActive || recent(input.salesforceTabSeenAt)) return 'salesforce-tab';
	if (recent(input.popupOpenedAt)) return 'popup-recent';
	return 'active';
}

export async function currentActivity(now: number): Promise<Activity> {
	const [idleState, tabs, state] = await Promise.all([
		browser.idle.queryState(IDLE_DETECTION_SECONDS),
		browser.tabs.query({url: [...SALESFORCE_TAB_PATTERNS]}),
		readWorkerState(),
	]);
	// Tab.lastAccessed (Chrome 121+) tells "used a minute ago" without listening to every tab event.
	const lastAccessed = Math.max(0, ...tabs.map(tab => tab.lastAccessed ?? 0));
	const seenAt = Math.max(state.salesforceTabSeenAt ?? 0, lastAccessed);
	return decideActivity({
		idleState,
		salesforceTabActive: tabs.some(tab => tab.active),
		salesforceTabSeenAt: seenAt === 0 ? undefined : seenAt,
		popupOpenedAt: state.popupOpenedAt,
		now,
	});
}

/** Pure: when the next automatic cycle should run, as an alarm time. */
export function nextAlarmTime(
	partition: Partition,
	activity: Activity,
	pendingLocalChanges: number,
	now: number,
): number {
	const delay = nextSyncDelay({
		activity,
		apiUsage: partition.apiUsage,
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

/** Sets (or replaces) the one sync alarm; none while sync is off (R7: no traffic at all). */
export async function scheduleNextSync(
	partition: Partition | undefined,
	pendingLocalChanges: number,
	now: number,
): Promise<void> {
	if (!partition?.enabled) {
		await browser.alarms.clear(SYNC_ALARM);
		return;
	}

	const activity = await currentActivity(now);
	await browser.alarms.create(SYNC_ALARM, {when: nextAlarmTime(partition, activity, pendingLocalChanges, now)});
}
