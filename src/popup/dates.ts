/** Calendar dates for the popup (R11): "today" and "tomorrow" are the rep's local dates. */
import {localDateString} from '@/shared/local-date.js';

export function localDays(now: Date = new Date()): {today: string; tomorrow: string} {
	const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 12);
	return {today: localDateString(now), tomorrow: localDateString(tomorrow)};
}

/** One formatter for every row: creating one per call costs more than the rest of a row's render. */
const DUE_FORMAT = new Intl.DateTimeFormat(undefined, {weekday: 'short', month: 'short', day: 'numeric'});

/** `2026-03-05` → "Thu, Mar 5" in the rep's locale, without ever converting through UTC (R11). */
export function formatDueDate(value: string | null): string {
	if (value === null) return 'no due date';
	const [year, month, day] = value.split('-').map(Number);
	return DUE_FORMAT.format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}

export function formatTime(epochMs: number, now: number = Date.now()): string {
	const date = new Date(epochMs);
	const sameDay = localDateString(date) === localDateString(new Date(now));
	return sameDay
		? date.toLocaleTimeString(undefined, {hour: 'numeric', minute: '2-digit'})
		: date.toLocaleString(undefined, {month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit'});
}

/** R31: one formatter each for a reminder time today and on another day (rows reuse them, like DUE_FORMAT). */
const REMINDER_TIME_TODAY = new Intl.DateTimeFormat(undefined, {hour: 'numeric', minute: '2-digit'});
const REMINDER_TIME_OTHER_DAY = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
});

/** R31: a reminder time on the rep's clock: "3:00 PM" today, "Fri, Mar 6, 9:00 AM" on another day. */
export function formatReminderTime(reminderAt: string, now: Date = new Date()): string {
	const at = new Date(reminderAt);
	return localDateString(at) === localDateString(now)
		? REMINDER_TIME_TODAY.format(at)
		: REMINDER_TIME_OTHER_DAY.format(at);
}
