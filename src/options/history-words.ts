/**
 * Plain words for Settings → History (R23, issue 20): no raw code reaches the rep. A cycle's recorded error is
 * `{code, message}` where `message` is what kind of failure it was (cycle-end.ts `failureStatus`: the error's
 * class, `local storage`, or push-settle.ts's "A record was refused"); each becomes one catalog sentence, a
 * known code more precisely. The worker's notes (English sentences, cycle-context.ts) are matched to catalog
 * sentences so they read in the rep's language; one this page does not know is shown as the worker wrote it.
 */
import {t} from '@/shared/i18n/t.js';
import type {SyncHistoryRow} from '@/shared/store/schema.js';

type RecordedError = SyncHistoryRow['errors'][number];

/** Codes of Salesforce's per-record refusals (R19) this page names more precisely. */
const RECORD_CODES: Readonly<Record<string, () => string>> = {
	STRING_TOO_LONG: () => t('historyErrTooLong'),
	FIELD_CUSTOM_VALIDATION_EXCEPTION: () => t('historyErrValidation'),
	REQUIRED_FIELD_MISSING: () => t('historyErrRequired'),
	INSUFFICIENT_ACCESS: () => t('historyErrAccess'),
	INSUFFICIENT_ACCESS_OR_READONLY: () => t('historyErrAccess'),
	ENTITY_IS_LOCKED: () => t('historyErrAccess'),
	INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: () => t('historyErrPicklist'),
};

/** By the kind of failure (salesforce/errors.ts `ErrorClass`, or R40's local storage). */
const KIND: Readonly<Record<string, () => string>> = {
	auth: () => t('historyErrSessionExpired'),
	limit: () => t('historyErrLimit'),
	transient: () => t('historyErrTransient'),
	conflict: () => t('historyErrTransient'),
	permanent: () => t('historyErrRefused'),
};

export function historyErrorText({code, message}: RecordedError): string {
	if (code === 'storage-full') return t('historyErrStorageFull');
	if (code === 'storage-unavailable') return t('historyErrStorageUnavailable');
	if (message === 'A record was refused') return (RECORD_CODES[code] ?? (() => t('historyErrRecord')))();
	return (KIND[message] ?? (() => t('historyErrRefused')))();
}

/** The worker's notes (apply-rows.ts, access.ts, reconcile.ts, badge-usage.ts), by how each begins. */
const NOTES: ReadonlyArray<[RegExp, () => string]> = [
	[/^Skipped \d+ malformed Task row/, () => t('historyNoteMalformed')],
	[/^Linked a Task whose create had been interrupted/, () => t('historyNoteRelinked')],
	[/^R37: a Task that was no longer yours is yours again/, () => t('historyNoteYoursAgain')],
	[/^R37: \d+ reminder\(s\) marked: their Task is no longer yours/, () => t('historyNoteNotYours')],
	[/^R37: \d+ reminder\(s\) marked: their Task is no longer accessible/, () => t('historyNoteNoAccess')],
	[/^Reconciliation \(R15\): removed/, () => t('historyNoteReconciled')],
	[/^A Task page badge looked up one Task/, () => t('historyNoteBadgeLookup')],
	[/^A Task page badge added an older Task/, () => t('historyNoteBadgeAdd')],
];

export function historyNoteText(note: string): string {
	const words = NOTES.find(([pattern]) => pattern.test(note))?.[1];
	return words === undefined ? note : words();
}

/** A row's errors and notes as sentences, each said once, or undefined when there is nothing to say. */
export function historyDetails(row: Pick<SyncHistoryRow, 'errors' | 'notes'>): string | undefined {
	const sentences = new Set([...row.errors.map(historyErrorText), ...row.notes.map(historyNoteText)]);
	return sentences.size === 0 ? undefined : [...sentences].join(' ');
}
