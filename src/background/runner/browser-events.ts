/**
 * Reactions to the browser: start-up, a new Salesforce session cookie (R20: resume by itself), the rep
 * using a Salesforce tab or coming back from idle (R13: the ten-minute Salesforce cadence).
 */
import browser, {type Cookies, type Idle, type Tabs} from 'webextension-polyfill';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import {readyToPushCount} from '@/shared/store/queries.js';
import type {WorkerDbs} from '../worker-db.js';
import {patchWorkerState} from './worker-state.js';
import {enableIfAdminPresetsSyncOn} from '../accounts/preset-sync-on.js';
import {SYNC_ALARM} from './sync-alarm.js';
import {IDLE_DETECTION_SECONDS, isLate} from './schedule-policy.js';
import {isSessionCookieChange} from '../session/find-session.js';
import {refreshSchedule, startCycle} from './cycle-runner.js';
import {scheduleDayAlarm} from '../alerts/toolbar-count.js';
import {retryRevocations} from '../oauth/disconnect.js';

/** onInstalled / onStartup: the day alarm, the count, and a first cycle (which sets the sync alarm). */
export async function onWorkerStart(dbs: WorkerDbs): Promise<void> {
	browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
	// R28: a Disconnect whose revoke Salesforce never confirmed is sent again (never throws).
	void retryRevocations(dbs.credentials);
	await scheduleDayAlarm();
	await refreshSchedule(dbs.db);
	// R30: sync preset on by the admin starts by itself (enabling starts the first cycle).
	if (await enableIfAdminPresetsSyncOn(dbs)) return;
	startCycle(dbs, 'alarm');
}

/**
 * R60: every start of the worker script — Chrome stops it whenever it likes, and any event wakes it again —
 * sends the rep's pending work within seconds, not at the next alarm (30 s or more away). Only work the next
 * cycle would push now counts (a delete still held for its Undo offer, a record waiting out its retry, or a
 * parked one does not: R19, R43), and a paused sync waits for the rep's sign-in or "Sync now" (R20, R21): a
 * worker woken many times a minute must not knock at Salesforce each time.
 */
export async function onWorkerWake(dbs: WorkerDbs): Promise<void> {
	const {db} = dbs;
	const partitionId = await activePartition(db);
	const partition = await db.partitions.get(partitionId);
	if (!partition?.enabled || partition.status.phase === 'paused') return;
	if ((await readyToPushCount(db, partitionId, Date.now())) === 0) return;
	startCycle(dbs, 'local-change');
}

/** R20: a new `sid` on the partition's My Domain host resumes a paused sync without the rep doing anything. */
export async function onCookieChanged(dbs: WorkerDbs, change: Cookies.OnChangedChangeInfoType): Promise<void> {
	if (change.removed || !isSessionCookieChange(change.cookie)) return;
	const {db} = dbs;
	const partition = await db.partitions.get(await activePartition(db));
	// R30: a sign-in is when sync preset on by the admin can start for this rep.
	if (!partition?.enabled) {
		await enableIfAdminPresetsSyncOn(dbs);
		return;
	}

	if (partition.status.phase !== 'paused') return;
	if (change.cookie.domain.replace(/^\./, '') !== partition.instanceHost) return;
	startCycle(dbs, 'session');
}

/** Coming back from idle: pick the cadence up again, and sync if an alarm was pushed far out. */
export async function onIdleStateChanged(dbs: WorkerDbs, state: Idle.IdleState): Promise<void> {
	if (state !== 'active') return;
	await syncSoonIfLate(dbs);
}

async function isSalesforceUrl(url: string | undefined): Promise<boolean> {
	if (url === undefined) return false;
	try {
		return toMyDomainHost(new URL(url).hostname) !== undefined;
	} catch {
		return false;
	}
}

/** R13: a Salesforce tab in use means the faster cadence (every 10 minutes): note it and pull the alarm in. */
export async function onSalesforceTab(dbs: WorkerDbs, tab: Tabs.Tab): Promise<void> {
	if (!(await isSalesforceUrl(tab.url))) return;
	await patchWorkerState({salesforceTabSeenAt: Date.now()});
	await syncSoonIfLate(dbs);
}

export async function onTabActivated(dbs: WorkerDbs, info: Tabs.OnActivatedActiveInfoType): Promise<void> {
	await onSalesforceTab(dbs, await browser.tabs.get(info.tabId));
}

async function syncSoonIfLate(dbs: WorkerDbs): Promise<void> {
	const alarm = await browser.alarms.get(SYNC_ALARM);
	if (isLate(alarm?.scheduledTime, Date.now())) startCycle(dbs, 'alarm');
	else await refreshSchedule(dbs.db, 'keep-earlier');
}
