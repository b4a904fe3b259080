/**
 * Input rules for reminders written by the UI. Limits are Salesforce's: `Subject` 255, `Description`
 * 32,000 (salesforce-facts.md §7.2). Names over 255 characters are rejected rather than truncated, so the
 * rep never loses text silently (issue 4 "Bad input").
 */
import {t} from '../i18n/t.js';
import {isWhatId, isWhoId, to18} from '../record-ids.js';
import type {ReminderFields, ReminderPriority, ReminderStatus} from './schema.js';

export const MAX_NAME_LENGTH = 255;
export const MAX_DETAILS_LENGTH = 32_000;

export class InvalidReminderError extends Error {
	override name = 'InvalidReminderError';
	readonly field: keyof ReminderFields | 'id';
	constructor(field: keyof ReminderFields | 'id', message: string) {
		super(message);
		this.field = field;
	}
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The due dates Salesforce accepts: 1700-01-01 to 4000-12-31. Sources: Salesforce Data Loader Guide, "Data
 * Import Dates" ("The earliest valid date is 1700-01-01 … The latest valid date is 4000-12-31",
 * https://developer.salesforce.com/docs/atlas.en-us.262.0.dataLoader.meta/dataLoader/data_loader_dates.htm)
 * and Salesforce Help article 000383587 (dates from January 1, 1700 to December 31, 4000).
 */
export const FIRST_YEAR = 1700;
export const LAST_YEAR = 4000;
/** Years and lengths are written as digits alone (no thousands separator), as Salesforce's limits are. */
const YEARS = {first: String(FIRST_YEAR), last: String(LAST_YEAR)};

/** True for a well-formed, real date `YYYY-MM-DD` of any year (2026-02-30 is not one). R11. */
function isRealDate(value: string): boolean {
	const match = DATE_PATTERN.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function inSalesforceRange(value: string): boolean {
	const year = Number(value.slice(0, 4));
	return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True for a real calendar date `YYYY-MM-DD` that Salesforce accepts (R11). */
export function isCalendarDate(value: string): boolean {
	return isRealDate(value) && inSalesforceRange(value);
}

/**
 * Salesforce counts an emoji (any character outside the Basic Multilingual Plane) as two of its 255
 * (Salesforce Help 005166849), so a name of 150 emoji is "300 long": the message says so instead of a
 * count the rep cannot see.
 */
function nameTooLongMessage(name: string): string {
	// Any surrogate pair makes Salesforce's count differ from what the rep sees.
	if (!/[\uD800-\uDBFF]/.test(name)) {
		return t('validNameTooLong', {length: String(name.length), max: String(MAX_NAME_LENGTH)});
	}

	return t('validNameTooLongSymbols', {length: String(name.length), max: String(MAX_NAME_LENGTH)});
}

export function validateName(value: unknown): string {
	if (typeof value !== 'string') throw new InvalidReminderError('name', t('validNameMissing'));
	// Line breaks would not survive as a Task Subject (R10); fold them into spaces.
	const name = value.replaceAll(/[\r\n]+/g, ' ').trim();
	if (name.length === 0) throw new InvalidReminderError('name', t('validNameMissing'));
	if (name.length > MAX_NAME_LENGTH) {
		throw new InvalidReminderError('name', nameTooLongMessage(name));
	}

	return name;
}

export function validateDetails(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') throw new InvalidReminderError('details', t('validDetailsNotText'));
	if (value.length > MAX_DETAILS_LENGTH) {
		throw new InvalidReminderError(
			'details',
			t('validDetailsTooLong', {length: String(value.length), max: String(MAX_DETAILS_LENGTH)}),
		);
	}

	return value;
}

export function validateDueDate(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' || !isRealDate(value)) {
		throw new InvalidReminderError('dueDate', t('validNotADate', {value: JSON.stringify(value)}));
	}

	// A correctly formed date outside Salesforce's range: say what is wrong, not that it is malformed.
	if (!inSalesforceRange(value)) throw new InvalidReminderError('dueDate', t('validDueOutOfRange', YEARS));

	return value;
}

export function validateStatus(value: unknown): ReminderStatus {
	if (value === 'open' || value === 'complete') return value;
	throw new InvalidReminderError('status', t('validStatus'));
}

export function validatePriority(value: unknown): ReminderPriority {
	if (value === undefined) return 'normal';
	if (value === 'normal' || value === 'high') return value;
	throw new InvalidReminderError('priority', t('validPriority'));
}

/** R33: a Contact or Lead id (15 or 18 chars, stored as 18), or null. */
export function validateWhoId(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || !isWhoId(value)) {
		throw new InvalidReminderError('whoId', t('validWho'));
	}

	return to18(value);
}

/** R33: the id of the record the reminder is about (Account, Opportunity, Case, …), or null. */
export function validateWhatId(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string' || !isWhatId(value)) {
		throw new InvalidReminderError('whatId', t('validWhat'));
	}

	return to18(value);
}

/** R31: the pattern of a reminder time sent by a form or message: a date-time with an explicit offset. */
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * R31: null/absent/'' = no reminder time; otherwise a date-time with an explicit offset (the popup sends
 * `toISOString()`), stored normalized to UTC (schema.ts `reminderAt`). The year range is Salesforce's.
 */
export function validateReminderAt(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value)) {
		throw new InvalidReminderError('reminderAt', t('validReminderAtIncomplete'));
	}

	const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	// V8's Date.parse rolls 2026-02-30 over to March 2 instead of refusing it: check the calendar date too.
	if (Number.isNaN(ms) || !isRealDate(value.slice(0, 10)))
		throw new InvalidReminderError('reminderAt', t('validReminderAtMissing'));
	const year = new Date(ms).getUTCFullYear();
	if (year < FIRST_YEAR || year > LAST_YEAR) {
		throw new InvalidReminderError('reminderAt', t('validReminderAtOutOfRange', YEARS));
	}

	return new Date(ms).toISOString();
}

export type NewReminderInput = {
	name: string;
	priority?: ReminderPriority;
	dueDate?: string | null;
	details?: string;
	status?: ReminderStatus;
	whoId?: string | null;
	whatId?: string | null;
	/** R31: ISO date-time with offset, or null/absent for none. */
	reminderAt?: string | null;
};

export function validateNewReminder(input: NewReminderInput): ReminderFields {
	return {
		name: validateName(input.name),
		status: input.status === undefined ? 'open' : validateStatus(input.status),
		priority: validatePriority(input.priority),
		dueDate: validateDueDate(input.dueDate),
		details: validateDetails(input.details),
		whoId: validateWhoId(input.whoId),
		whatId: validateWhatId(input.whatId),
		// R31: only a reminder with a time carries the key, so rows without one keep their old shape.
		...(input.reminderAt === undefined || input.reminderAt === null || input.reminderAt === ''
			? {}
			: {reminderAt: validateReminderAt(input.reminderAt)}),
	};
}

export type ReminderPatch = Partial<ReminderFields>;

/** Validates only the fields present in the patch. */
export function validatePatch(patch: ReminderPatch): Partial<ReminderFields> {
	const out: Partial<ReminderFields> = {};
	if ('name' in patch) out.name = validateName(patch.name);
	if ('status' in patch) out.status = validateStatus(patch.status);
	if ('priority' in patch) out.priority = validatePriority(patch.priority);
	if ('dueDate' in patch) out.dueDate = validateDueDate(patch.dueDate);
	if ('details' in patch) out.details = validateDetails(patch.details);
	if ('whoId' in patch) out.whoId = validateWhoId(patch.whoId);
	if ('whatId' in patch) out.whatId = validateWhatId(patch.whatId);
	if ('reminderAt' in patch) out.reminderAt = validateReminderAt(patch.reminderAt);
	return out;
}
