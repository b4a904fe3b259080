/** What each alarm does (engineering guide §2.3: alarms are the worker's only clock). */
import type {Alarms} from 'webextension-polyfill';
import {db} from '@/background/db.js';
import {SYNC_ALARM} from './schedule.js';
import {startCycle} from '@/background/sync-runner.js';
import {DAY_ALARM, scheduleDayAlarm, updateToolbarCount} from '@/background/toolbar-count.js';

export async function onAlarm(alarm: Alarms.Alarm): Promise<void> {
	if (alarm.name === SYNC_ALARM) startCycle('alarm');
	if (alarm.name === DAY_ALARM) {
		// R22: at the start of a day, yesterday's "tomorrow" becomes today's count.
		await updateToolbarCount(db);
		await scheduleDayAlarm();
	}
}
