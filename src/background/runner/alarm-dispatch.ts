/** What each alarm does (engineering guide §2.3: alarms are the worker's only clock). */
import type {Alarms} from 'webextension-polyfill';
import type {WorkerDbs} from '@/background/worker-db.js';
import {SYNC_ALARM} from './sync-alarm.js';
import {startCycle} from '@/background/runner/cycle-runner.js';
import {DAY_ALARM, scheduleDayAlarm, updateToolbarCount} from '@/background/alerts/toolbar-count.js';
import {retryRevocations} from '@/background/oauth/disconnect.js';

export async function onAlarm(dbs: WorkerDbs, alarm: Alarms.Alarm): Promise<void> {
	if (alarm.name === SYNC_ALARM) startCycle(dbs, 'alarm');
	// R28: a Disconnect whose revoke Salesforce has not confirmed is sent again (one IndexedDB read when none).
	if (alarm.name === SYNC_ALARM || alarm.name === DAY_ALARM) void retryRevocations(dbs.credentials);
	if (alarm.name === DAY_ALARM) {
		// R22: at the start of a day, yesterday's "tomorrow" becomes today's count.
		await updateToolbarCount(dbs.db);
		await scheduleDayAlarm();
	}
}
