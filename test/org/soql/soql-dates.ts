// SOQL date literals (TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n, …) resolved to a range of
// calendar days in the running user's time zone, weeks starting on the day their locale starts them (salesforce-facts.md §2.5; SOQL docs "Date Formats and
// Date Literals"). LAST_N_DAYS:n includes today and the n days before it; NEXT_N_DAYS:n starts tomorrow.
// THIS/LAST/NEXT_QUARTER and _YEAR are calendar quarters and years. The N_WEEKS/N_MONTHS/N_QUARTERS/N_YEARS
// and FISCAL literals are not evaluated: the caller refuses them with MALFORMED_QUERY (soql-refusals.ts).

import {addDays, ymdInZone, zonedMidnight} from './dates.js';

/** An inclusive range of local calendar days. */
export type DayRange = {from: string; to: string};

/**
 * The first day of the week (0 = Sunday … 6 = Saturday) for a Salesforce locale (`it_IT`, `en_US`): date-literal
 * weeks "follow the querying user's locale" (salesforce-facts.md §14.5; SOQL and SOSL Reference, "Date Formats
 * and Date Literals"), e.g. Monday for it_IT, Sunday for en_US. Read from the CLDR week data the runtime's Intl
 * carries (UNCONFIRMED that Salesforce's table agrees for every locale; it does for these two).
 */
export function firstDayOfWeek(locale: string): number {
	try {
		const info = (new Intl.Locale(locale.replace(/_/g, '-')) as Intl.Locale & {weekInfo?: {firstDay?: number}})
			.weekInfo;
		return typeof info?.firstDay === 'number' ? info.firstDay % 7 : 0;
	} catch {
		return 0;
	}
}

export function dateLiteralRange(
	literal: string,
	n: number | undefined,
	nowMs: number,
	timeZone: string,
	weekStart = 0,
): DayRange | undefined {
	const today = ymdInZone(nowMs, timeZone);
	const k = n ?? 0;
	// Days since the week began, in the querying user's locale (weekStart; Sunday for en_US).
	const dow = (new Date(today + 'T00:00:00Z').getUTCDay() - weekStart + 7) % 7;
	const monthStart = today.slice(0, 8) + '01';
	const nextMonthStart = addMonths(monthStart, 1);
	const month = Number(today.slice(5, 7));
	const quarterStart = `${today.slice(0, 5)}${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
	const yearStart = `${today.slice(0, 4)}-01-01`;
	switch (literal.toUpperCase()) {
		case 'TODAY':
			return {from: today, to: today};
		case 'YESTERDAY':
			return {from: addDays(today, -1), to: addDays(today, -1)};
		case 'TOMORROW':
			return {from: addDays(today, 1), to: addDays(today, 1)};
		case 'LAST_N_DAYS':
			return {from: addDays(today, -k), to: today};
		case 'NEXT_N_DAYS':
			return {from: addDays(today, 1), to: addDays(today, k)};
		case 'N_DAYS_AGO':
			return {from: addDays(today, -k), to: addDays(today, -k)};
		case 'LAST_90_DAYS':
			return {from: addDays(today, -90), to: today};
		case 'NEXT_90_DAYS':
			return {from: addDays(today, 1), to: addDays(today, 90)};
		case 'THIS_WEEK':
			return {from: addDays(today, -dow), to: addDays(today, 6 - dow)};
		case 'LAST_WEEK':
			return {from: addDays(today, -dow - 7), to: addDays(today, -dow - 1)};
		case 'NEXT_WEEK':
			return {from: addDays(today, 7 - dow), to: addDays(today, 13 - dow)};
		case 'THIS_MONTH':
			return {from: monthStart, to: addDays(nextMonthStart, -1)};
		case 'LAST_MONTH':
			return {from: addMonths(monthStart, -1), to: addDays(monthStart, -1)};
		case 'NEXT_MONTH':
			return {from: nextMonthStart, to: addDays(addMonths(monthStart, 2), -1)};
		// Calendar quarters (Jan–Mar, …) and years; the FISCAL_ variants depend on the org's fiscal-year
		// setting, which the local org does not model, so they stay unsupported (soql-refusals.ts).
		case 'THIS_QUARTER':
			return monthSpan(quarterStart, 0, 3);
		case 'LAST_QUARTER':
			return monthSpan(quarterStart, -3, 3);
		case 'NEXT_QUARTER':
			return monthSpan(quarterStart, 3, 3);
		case 'THIS_YEAR':
			return monthSpan(yearStart, 0, 12);
		case 'LAST_YEAR':
			return monthSpan(yearStart, -12, 12);
		case 'NEXT_YEAR':
			return monthSpan(yearStart, 12, 12);
		default:
			return undefined;
	}
}

/** `length` months starting `offset` months after the first-of-month `start`, as inclusive days. */
function monthSpan(start: string, offset: number, length: number): DayRange {
	const from = addMonths(start, offset);
	return {from, to: addDays(addMonths(from, length), -1)};
}

function addMonths(ymdFirst: string, months: number): string {
	const d = new Date(ymdFirst + 'T00:00:00Z');
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 10);
}

/** The same range as UTC instants [start, end) for dateTime fields, midnight to midnight in the user's zone. */
export function instantRange(r: DayRange, timeZone: string): {start: number; end: number} {
	return {start: zonedMidnight(r.from, timeZone), end: zonedMidnight(addDays(r.to, 1), timeZone)};
}
