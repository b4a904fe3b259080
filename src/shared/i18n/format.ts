/**
 * R46: every date, time, weekday, relative day and number Tickler shows, written by `Intl` in the UI language
 * (the catalog's, t.ts) — passed explicitly, never the runtime's default — by this one module for every
 * surface, so the popup, the badge and a notification write the same time the same way. Calendar dates
 * (`YYYY-MM-DD`) are read as the rep's local days, never through UTC (R11). A date outside the current year
 * shows its year.
 */
import {localDateString} from '../local-date.js';
import {uiLanguage, type UiLanguage} from './t.js';

type DateOptions = Intl.DateTimeFormatOptions;

/** Building an Intl formatter costs more than a row's render: one per language and options (R22). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: UiLanguage, options: DateOptions): Intl.DateTimeFormat {
	const key = `${language}|${JSON.stringify(options)}`;
	let format = formatters.get(key);
	if (format === undefined) {
		format = new Intl.DateTimeFormat(language, options);
		formatters.set(key, format);
	}

	return format;
}

const TIME: DateOptions = {hour: 'numeric', minute: '2-digit'};

/** `2026-03-05` as noon of that local day (noon: no time-zone shift can move it to another day). */
export function calendarDay(value: string): Date {
	const [year, month, day] = value.split('-').map(Number);
	return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
}

function withYear(date: Date, now: Date, options: DateOptions): DateOptions {
	return date.getFullYear() === now.getFullYear() ? options : {...options, year: 'numeric'};
}

/** A due date in a list: "Thu, Mar 5" / "gio 5 mar"; "Tue, Jan 1, 1900" outside this year. */
export function formatShortDate(value: string, now: Date = new Date(), language = uiLanguage()): string {
	const date = calendarDay(value);
	return dateFormat(language, withYear(date, now, {weekday: 'short', month: 'short', day: 'numeric'})).format(date);
}

/** A day in a sentence: "Monday, December 14" / "lunedì 14 dicembre" (with the year outside this one). */
export function formatLongDate(value: string, now: Date = new Date(), language = uiLanguage()): string {
	const date = calendarDay(value);
	return dateFormat(language, withYear(date, now, {weekday: 'long', month: 'long', day: 'numeric'})).format(date);
}

/** Whole local days from `now`'s day to `value`'s (negative in the past). */
export function daysFrom(value: string, now: Date = new Date()): number {
	const today = calendarDay(localDateString(now));
	return Math.round((calendarDay(value).getTime() - today.getTime()) / 86_400_000);
}

/** "today", "tomorrow", "yesterday", "in 3 days", "3 days ago" / "oggi", "domani", "tra 3 giorni". */
export function formatRelativeDay(value: string, now: Date = new Date(), language = uiLanguage()): string {
	return new Intl.RelativeTimeFormat(language, {numeric: 'auto'}).format(daysFrom(value, now), 'day');
}

/** A due day in a sentence: "today" or "tomorrow" (or "yesterday") when that near, else the long date. */
export function formatDueDay(value: string, now: Date = new Date(), language = uiLanguage()): string {
	return Math.abs(daysFrom(value, now)) <= 1
		? formatRelativeDay(value, now, language)
		: formatLongDate(value, now, language);
}

/** A time on the rep's clock (or in `timeZone`): "3:00 PM" / "15:00". */
export function formatClockTime(at: Date | number, timeZone?: string, language = uiLanguage()): string {
	return dateFormat(language, timeZone === undefined ? TIME : {...TIME, timeZone}).format(at);
}

/** A moment: its time alone on `now`'s day, else "Mar 3, 10:42 AM" / "3 mar, 10:42" (with the year outside this one). */
export function formatMoment(at: Date | number, now: Date | number = Date.now(), language = uiLanguage()): string {
	const date = new Date(at);
	const today = new Date(now);
	if (localDateString(date) === localDateString(today)) return formatClockTime(date, undefined, language);
	return dateFormat(language, withYear(date, today, {month: 'short', day: 'numeric', ...TIME})).format(date);
}

/** A reminder time: "3:00 PM" on `now`'s day, "Fri, Mar 6, 9:00 AM" / "ven 6 mar, 9:00" on another (R31). */
export function formatReminderMoment(at: Date | number, now: Date = new Date(), language = uiLanguage()): string {
	const date = new Date(at);
	if (localDateString(date) === localDateString(now)) return formatClockTime(date, undefined, language);
	return dateFormat(language, withYear(date, now, {weekday: 'short', month: 'short', day: 'numeric', ...TIME})).format(
		date,
	);
}

/** A full date and time for history tables: "Mar 3, 2026, 10:42 AM" / "3 mar 2026, 10:42". */
export function formatDateTime(at: Date | number, language = uiLanguage()): string {
	return dateFormat(language, {dateStyle: 'medium', timeStyle: 'short'}).format(at);
}

/** A number: "1,234" / "1.234"; with `{style: 'percent'}`, 0.85 is "85%" / "85%". */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, language = uiLanguage()): string {
	return new Intl.NumberFormat(language, {maximumFractionDigits: 0, ...options}).format(value);
}
