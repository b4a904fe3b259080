/**
 * The toolbar icon's count (R22): open reminders due today, overdue ones included, of the active
 * partition. Updated after each cycle, each local change, and at the start of each day ('day-start' alarm).
 */
import browser from 'webextension-polyfill';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {dueTodayCount} from '@/shared/store/queries.js';
import {activePartition} from '@/shared/store/local-edits.js';
import {localDateString} from '@/shared/local-date.js';
import {toolbarTitle} from '@/shared/copy.js';

export const DAY_ALARM = 'day-start';
const BRAND = '#0176d3';

/** Pure: the badge text for a count (empty hides the badge; Chrome shows about four characters). */
export function badgeText(count: number): string {
	if (count <= 0) return '';
	return count > 999 ? '999+' : String(count);
}

/** Pure: the local midnight after `now` (+1 s), for the day alarm. Recomputed daily, so DST shifts are right. */
export function nextLocalMidnight(now: Date): number {
	const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
	return next.getTime();
}

export async function updateToolbarCount(db: TicklerDb, now: Date = new Date()): Promise<number> {
	const count = await dueTodayCount(db, await activePartition(db), localDateString(now));
	await browser.action.setBadgeBackgroundColor({color: BRAND});
	await browser.action.setBadgeText({text: badgeText(count)});
	await browser.action.setTitle({
		title: toolbarTitle(count),
	});
	return count;
}

export async function scheduleDayAlarm(now: Date = new Date()): Promise<void> {
	await browser.alarms.create(DAY_ALARM, {when: nextLocalMidnight(now)});
}
