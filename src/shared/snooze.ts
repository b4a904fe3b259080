/**
 * R31: the snooze choices — from a notification (Snooze 1 hour) and in the popup's forms (all three). Pure.
 * A snoozed time is to the whole minute (a time the form can show and edit); "tomorrow morning" is
 * MORNING_HOUR on the rep's next calendar day in their time zone, DST included.
 */
import {nextDayAt} from './zoned-time.js';

export type SnoozeChoice = '10-minutes' | '1-hour' | 'tomorrow-morning';
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = ['10-minutes', '1-hour', 'tomorrow-morning'];
/** The hour "tomorrow morning" means, on the rep's clock. */
export const MORNING_HOUR = 9;

export function snoozedUntil(choice: SnoozeChoice, now: number, timeZone?: string): string {
	const minute = 60_000;
	const ms =
		choice === 'tomorrow-morning'
			? nextDayAt(now, MORNING_HOUR, timeZone)
			: Math.ceil((now + (choice === '10-minutes' ? 10 : 60) * minute) / minute) * minute;
	return new Date(ms).toISOString();
}
