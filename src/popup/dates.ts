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
