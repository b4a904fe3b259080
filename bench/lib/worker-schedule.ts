import {type Activity, nextSyncDelay} from '../../src/background/sync/scheduler.js';
import type {Partition} from '../../src/shared/store/schema.js';

/**
 * The service worker's scheduling decisions, for the fleet simulation in Node. The delays come from the
 * engine's own pure `nextSyncDelay` (src/background/sync/scheduler.ts). The few lines around it mirror
 * src/background/schedule.ts, api.ts and browser-events.ts, which import webextension-polyfill and so
 * cannot load outside an extension; bench/report.test.ts checks this mirror against the real module
 * (vitest aliases the polyfill), so a change there fails the smoke test instead of skewing the fleet.
 */

/** schedule.ts RECENT_MS: "popup opened recently" and "Salesforce tab in use" both last this long. */
export const RECENT_MS = 5 * 60_000;
/** schedule.ts IDLE_DETECTION_SECONDS: chrome.idle reports 'idle' after this long without input. */
export const IDLE_AFTER_MS = 5 * 60_000;
/** schedule.ts MIN_ALARM_MS: Chrome fires alarms at most every 30 s. */
export const MIN_ALARM_MS = 30_000;
/** api.ts PAGE_VISIT_MIN_GAP_MS: a Task page visit syncs at most this often. */
export const PAGE_VISIT_MIN_GAP_MS = 20_000;

export type ActivityInput = {
	idleState: 'active' | 'idle' | 'locked';
	salesforceTabActive: boolean;
	salesforceTabSeenAt?: number | undefined;
	popupOpenedAt?: number | undefined;
	now: number;
};

/** schedule.ts decideActivity. */
export function decideActivity(input: ActivityInput): Activity {
	if (input.idleState !== 'active') return 'idle';
	const recent = (at: number | undefined) => at !== undefined && input.now - at < RECENT_MS;
	if (input.salesforceTabActive || recent(input.salesforceTabSeenAt)) return 'salesforce-tab';
	if (recent(input.popupOpenedAt)) return 'popup-recent';
	return 'active';
}

/** schedule.ts nextAlarmTime. */
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

/** browser-events.ts syncSoonIfLate: sync now if the alarm is missing or more than RECENT_MS away. */
export function isLate(alarmAt: number | undefined, now: number): boolean {
	return alarmAt === undefined || alarmAt - now > RECENT_MS;
}
