/**
 * R31/R50: the snooze choices — a notification's Snooze (the rep's default), the popup's forms and rows. Pure.
 * A snoozed time is to the whole minute (a time the form can show and edit); "tomorrow morning" is
 * MORNING_HOUR on the rep's next calendar day in their time zone, DST included.
 */
import {instantOf, localParts, nextDayAt} from './zoned-time.js';

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

/**
 * R50: the presets of the popup's and All reminders' Snooze, one action each: the notification's choices and
 * "next week" (Monday at MORNING_HOUR on the rep's clock).
 */
export type SnoozePreset = SnoozeChoice | 'next-week';
export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['10-minutes', '1-hour', 'tomorrow-morning', 'next-week'];

export function isSnoozePreset(value: unknown): value is SnoozePreset {
	return typeof value === 'string' && (SNOOZE_PRESETS as readonly string[]).includes(value);
}

/** Next Monday at MORNING_HOUR on the rep's clock (a Monday's "next week" is the Monday after). */
function nextWeekAt(now: number, timeZone?: string): number {
	const today = localParts(now, timeZone).date;
	const [y, m, d] = today.split('-').map(Number);
	const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
	const ahead = (8 - day.getUTCDay()) % 7 || 7;
	const monday = new Date(day.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
	const at = (hour: number) => instantOf(monday, `${String(hour).padStart(2, '0')}:00`, timeZone);
	// A zone whose clocks skip that very hour (rare): an hour later exists.
	return at(MORNING_HOUR) ?? at(MORNING_HOUR + 1) ?? Date.parse(monday);
}

/** R50: where a Snooze moves a reminder: a preset, or a time the rep chose (an ISO 8601 instant). */
export type SnoozeTo = SnoozePreset | {until: string};

/** How far ahead a chosen snooze time may be: beyond it a typing slip ("2062") is more likely than a plan. */
export const SNOOZE_UNTIL_MAX_MS = 366 * 86_400_000;

/**
 * R50: what a Snooze changes — a preset's patch (below), or for a chosen time that time, and the due date
 * moved to its day when it was earlier, as "tomorrow morning" does.
 */
export function snoozeToPatch(
	to: SnoozeTo,
	now: number,
	dueDate: string | null,
	timeZone?: string,
): {reminderAt: string; dueDate?: string} {
	if (typeof to === 'string') return snoozePatch(to, now, dueDate, timeZone);
	const reminderAt = new Date(Date.parse(to.until)).toISOString();
	const day = localParts(Date.parse(reminderAt), timeZone).date;
	return dueDate !== null && dueDate < day ? {reminderAt, dueDate: day} : {reminderAt};
}

/**
 * R50: what a preset changes: the reminder time, and for "tomorrow morning" and "next week" the due date too
 * when it was earlier, so the reminder leaves Today (a later due date, or none, stays as it is).
 */
export function snoozePatch(
	preset: SnoozePreset,
	now: number,
	dueDate: string | null,
	timeZone?: string,
): {reminderAt: string; dueDate?: string} {
	const reminderAt =
		preset === 'next-week' ? new Date(nextWeekAt(now, timeZone)).toISOString() : snoozedUntil(preset, now, timeZone);
	if (preset !== 'tomorrow-morning' && preset !== 'next-week') return {reminderAt};
	const day = localParts(Date.parse(reminderAt), timeZone).date;
	return dueDate !== null && dueDate < day ? {reminderAt, dueDate: day} : {reminderAt};
}
