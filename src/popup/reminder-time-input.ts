/**
 * R31: the form's reminder time — a date and a time on the rep's clock (the browser's time zone) — to and
 * from the stored instant. Pure; errors are the store's InvalidReminderError, shown beside the field.
 */
import {InvalidReminderError} from '@/shared/store/reminder-validation.js';
import {t} from '@/shared/i18n/t.js';
import {instantOf, localParts} from '@/shared/zoned-time.js';

export type ReminderTimeFields = {date: string; time: string};

export const REMINDER_TIME_COPY = {
	get incomplete() {
		return t('formTimeIncomplete');
	},
	get skipped() {
		return t('formTimeSkipped');
	},
} as const;

/** The stored reminder time as the form shows it ('' and '' for none). */
export function reminderTimeFields(reminderAt: string | null | undefined, timeZone?: string): ReminderTimeFields {
	if (typeof reminderAt !== 'string') return {date: '', time: ''};
	const ms = Date.parse(reminderAt);
	return Number.isNaN(ms) ? {date: '', time: ''} : localParts(ms, timeZone);
}

/** The form's fields as a stored reminder time (null for none); throws with the message shown beside them. */
export function reminderAtFromFields(fields: ReminderTimeFields, timeZone?: string): string | null {
	if (fields.date === '' && fields.time === '') return null;
	if (fields.date === '' || fields.time === '')
		throw new InvalidReminderError('reminderAt', REMINDER_TIME_COPY.incomplete);
	const ms = instantOf(fields.date, fields.time, timeZone);
	if (ms === undefined) throw new InvalidReminderError('reminderAt', REMINDER_TIME_COPY.skipped);
	return new Date(ms).toISOString();
}
