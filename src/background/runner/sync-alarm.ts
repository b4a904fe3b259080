/**
 * Turns "what is the rep doing" into the next sync alarm (R13, R21). The delay itself comes from the
 * engine's pure `nextSyncDelay`; this file only gathers its inputs and sets `chrome.alarms` (engineering
 * guide §2.3: no timers in the worker).
 */
import browser from 'webextension-polyfill';
import type {Activity, ApiShare} from './cadence.js';
import type {Partition} from '@/shared/store/schema.js';
import {readWorkerState} from '@/background/runner/worker-state.js';
import {
	alarmForHeldDelete,
	decideActivity,
	earlierAlarm,
	IDLE_DETECTION_SECONDS,
	nextAlarmTime,
} from './schedule-policy.js';
import {SALESFORCE_TAB_PATTERNS} from '@/background/session/find-session.js';

export const SYNC_ALARM = 'sync-tick';

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

/**
 * Sets the one sync alarm; none while sync is off (R7: no traffic at all). After a cycle (or enabling) the
 * alarm is replaced; an event between cycles ('keep-earlier') may only bring it forward.
 */
export async function scheduleNextSync(
	partition: Partition | undefined,
	pendingLocalChanges: number,
	now: number,
	mode: 'replace' | 'keep-earlier' = 'replace',
	/** R43: when the earliest delete held back by its Undo offer becomes ready (queries.ts heldDeleteReadyAt). */
	heldDeleteReadyAt?: number,
	/** R56: the rep's own requests against an admin's cap (api-share.ts), when one is set. */
	share?: ApiShare,
): Promise<void> {
	if (!partition?.enabled) {
		await browser.alarms.clear(SYNC_ALARM);
		return;
	}

	const computed = alarmForHeldDelete(
		partition,
		nextAlarmTime(partition, await currentActivity(now), pendingLocalChanges, now, share),
		heldDeleteReadyAt,
		now,
	);
	const existing = mode === 'keep-earlier' ? (await browser.alarms.get(SYNC_ALARM))?.scheduledTime : undefined;
	await browser.alarms.create(SYNC_ALARM, {when: earlierAlarm(existing, computed)});
}
