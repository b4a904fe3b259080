// R35 recurring Task series: which Recurrence* fields a pattern needs and the due dates it generates.
// Source: Task object reference "Usage" (developer.salesforce.com …/sforce_api_objects_task.htm, API 16.0+):
// "If IsRecurrence is true, then RecurrenceStartDateOnly, RecurrenceEndDateOnly, RecurrenceType, and any
// properties associated with the given recurrence type … must be populated"; salesforce-facts.md §13.5.

import {addDays} from '../soql/dates.js';
import {SfError} from '../api/errors.js';
import type {SRecord} from './store.js';

/** The fields that make up a series pattern (start, end and the pattern proper). */
export const PATTERN_FIELDS = [
	'RecurrenceStartDateOnly',
	'RecurrenceEndDateOnly',
	'RecurrenceType',
	'RecurrenceInterval',
	'RecurrenceDayOfWeekMask',
	'RecurrenceDayOfMonth',
	'RecurrenceInstance',
	'RecurrenceMonthOfYear',
	'RecurrenceTimeZoneSidKey',
] as const;

/**
 * salesforce-facts.md §14.3 (Task object reference, "Usage → Recurring Tasks",
 * developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm):
 * only the start and the pattern fields regenerate a series — its open occurrences are deleted and made anew.
 * The end date does not: an earlier end deletes only the open occurrences after it, a later one adds
 * occurrences up to it (tasks.ts), and every other occurrence is untouched.
 */
export const REGENERATING_FIELDS = PATTERN_FIELDS.filter(f => f !== 'RecurrenceEndDateOnly');

/**
 * `RecurrenceRegeneratedType` ("Repeat This Task", §14.3, Task object reference): "what triggers a repeating task
 * to repeat … the RecurrenceInterval field … determines the number of days between the triggering date (due
 * date or close date) and the due date of the next repeating task". `RecurrenceRegenerated` ("(Task Closed)")
 * marks a Task that already repeated (UNCONFIRMED: that Salesforce sets it on the closed Task, so reopening
 * and closing it again makes no second Task).
 */
export const REGENERATE = {
	afterDueDate: 'RecurrenceRegenerateAfterDueDate',
	afterClose: 'RecurrenceRegenerateAfterToday',
	done: 'RecurrenceRegenerated',
} as const;

/** A Task that makes the next one when it is closed. */
export function repeatsOnClose(row: SRecord): boolean {
	const type = row['RecurrenceRegeneratedType'];
	return row['IsRecurrence'] !== true && (type === REGENERATE.afterDueDate || type === REGENERATE.afterClose);
}

/** REQUIRED_FIELD_MISSING: a repeating Task needs its number of days (UNCONFIRMED that Salesforce refuses it). */
export function checkRepeat(row: SRecord): void {
	if (repeatsOnClose(row) && typeof row['RecurrenceInterval'] !== 'number')
		throw new SfError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [RecurrenceInterval]', [
			'RecurrenceInterval',
		]);
}

/**
 * The next Task's due date: the interval's days after the closed Task's due date, or after the day it was
 * closed (`closedOn`, in its owner's time zone). A Task with no due date repeats from the day it was closed
 * (UNCONFIRMED).
 */
export function regeneratedDueDate(row: SRecord, closedOn: string): string {
	const days = typeof row['RecurrenceInterval'] === 'number' ? row['RecurrenceInterval'] : 1;
	const due = row['ActivityDate'];
	const from = row['RecurrenceRegeneratedType'] === REGENERATE.afterDueDate && typeof due === 'string' ? due : closedOn;
	return addDays(from, days);
}

/**
 * The per-type fields of the object reference's recurrence table (recalled from the reference; the table
 * itself was not in the stored excerpt — UNCONFIRMED in detail).
 */
const TYPE_FIELDS: Record<string, string[]> = {
	RecursDaily: ['RecurrenceInterval'],
	RecursEveryWeekday: ['RecurrenceDayOfWeekMask'],
	RecursWeekly: ['RecurrenceDayOfWeekMask', 'RecurrenceInterval'],
	RecursMonthly: ['RecurrenceDayOfMonth', 'RecurrenceInterval'],
	RecursMonthlyNth: ['RecurrenceDayOfWeekMask', 'RecurrenceInstance', 'RecurrenceInterval'],
	RecursYearly: ['RecurrenceDayOfMonth', 'RecurrenceMonthOfYear'],
	RecursYearlyNth: ['RecurrenceDayOfWeekMask', 'RecurrenceInstance', 'RecurrenceMonthOfYear'],
};

/**
 * At most this many occurrences per series. Salesforce documents 100 for a daily recurring *Event*
 * (Knowledge Article 000212481: daily 100, weekly 53, monthly 59, yearly 9); for Tasks the cap is
 * UNCONFIRMED — we stop at 100 for every type and do not refuse a longer range.
 */
export const MAX_OCCURRENCES = 100;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const INSTANCES = ['First', 'Second', 'Third', 'Fourth', 'Last'];

/** REQUIRED_FIELD_MISSING naming every missing field, like a missing Status (§6). */
export function checkPattern(row: SRecord): void {
	const missing: string[] = [];
	for (const f of ['RecurrenceStartDateOnly', 'RecurrenceEndDateOnly', 'RecurrenceType'])
		if (row[f] === null || row[f] === undefined) missing.push(f);
	const type = row['RecurrenceType'];
	for (const f of typeof type === 'string' ? (TYPE_FIELDS[type] ?? []) : [])
		if (row[f] === null || row[f] === undefined) missing.push(f);
	if (missing.length > 0)
		throw new SfError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
	const start = String(row['RecurrenceStartDateOnly']);
	const end = String(row['RecurrenceEndDateOnly']);
	// UNCONFIRMED code and message for an end before the start and for a non-positive interval.
	if (end < start)
		throw new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Recurrence End: must be on or after the start', [
			'RecurrenceEndDateOnly',
		]);
	const interval = row['RecurrenceInterval'];
	if (typeof interval === 'number' && interval < 1)
		throw new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'Recurrence Interval: must be at least 1', [
			'RecurrenceInterval',
		]);
}

const dow = (ymd: string): number => new Date(ymd + 'T00:00:00Z').getUTCDay(); // 0 = Sunday
/** RecurrenceDayOfWeekMask bits: Sunday 1, Monday 2, Tuesday 4, … Saturday 64 (object reference). */
const inMask = (ymd: string, mask: number): boolean => (mask & (1 << dow(ymd))) !== 0;
const ymdOf = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** The nth (or last) day of `mask` in month m of year y. */
function nthInMonth(y: number, m: number, mask: number, instance: string): string | undefined {
	const hits: string[] = [];
	for (let d = 1; d <= daysInMonth(y, m); d++) {
		const ymd = ymdOf(y, m, d);
		if (inMask(ymd, mask)) hits.push(ymd);
	}
	const i = INSTANCES.indexOf(instance);
	return i === 4 ? hits[hits.length - 1] : hits[i];
}

/** The due dates of a series, in order, within [start, end], capped at MAX_OCCURRENCES. */
export function occurrenceDates(row: SRecord): string[] {
	const start = String(row['RecurrenceStartDateOnly']);
	const end = String(row['RecurrenceEndDateOnly']);
	const interval = typeof row['RecurrenceInterval'] === 'number' ? row['RecurrenceInterval'] : 1;
	const mask = typeof row['RecurrenceDayOfWeekMask'] === 'number' ? row['RecurrenceDayOfWeekMask'] : 0;
	const dom = typeof row['RecurrenceDayOfMonth'] === 'number' ? row['RecurrenceDayOfMonth'] : 1;
	const instance = String(row['RecurrenceInstance'] ?? 'First');
	const month = Math.max(0, MONTHS.indexOf(String(row['RecurrenceMonthOfYear'] ?? 'January')));
	const out: string[] = [];
	const push = (ymd: string | undefined): boolean => {
		if (ymd !== undefined && ymd >= start && ymd <= end) out.push(ymd);
		return out.length < MAX_OCCURRENCES;
	};
	const sy = Number(start.slice(0, 4));
	const sm = Number(start.slice(5, 7)) - 1;
	switch (row['RecurrenceType']) {
		case 'RecursDaily':
			for (let d = start; d <= end; d = addDays(d, interval)) if (!push(d)) break;
			break;
		case 'RecursEveryWeekday':
			for (let d = start; d <= end; d = addDays(d, 1)) if (inMask(d, mask) && !push(d)) break;
			break;
		case 'RecursWeekly': {
			// Weeks counted from the (Sunday-started) week of the start date.
			const week0 = addDays(start, -dow(start));
			for (let d = start; d <= end; d = addDays(d, 1)) {
				const weeks = Math.floor((Date.parse(d) - Date.parse(week0)) / (7 * 86_400_000));
				if (weeks % interval === 0 && inMask(d, mask) && !push(d)) break;
			}
			break;
		}
		case 'RecursMonthly':
		case 'RecursMonthlyNth':
			for (let k = 0; ; k += interval) {
				const y = sy + Math.floor((sm + k) / 12);
				const m = (sm + k) % 12;
				if (ymdOf(y, m, 1) > end) break;
				const d =
					row['RecurrenceType'] === 'RecursMonthly'
						? ymdOf(y, m, Math.min(dom, daysInMonth(y, m)))
						: nthInMonth(y, m, mask, instance);
				if (!push(d)) break;
			}
			break;
		case 'RecursYearly':
		case 'RecursYearlyNth':
			for (let y = sy; ymdOf(y, 0, 1) <= end; y++) {
				const d =
					row['RecurrenceType'] === 'RecursYearly'
						? ymdOf(y, month, Math.min(dom, daysInMonth(y, month)))
						: nthInMonth(y, month, mask, instance);
				if (!push(d)) break;
			}
			break;
		default:
			break;
	}
	return out;
}
