/**
 * A reminder's field value as the rep reads it, wherever Tickler shows a stored value on its own (the conflict
 * log, an overruled edit): R46 — never the store's raw values.
 */
import type {SyncedField} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {formatDateTime, formatShortDate} from '@/shared/i18n/format.js';

/**
 * A logged value as the rep reads it: a reminder time (R31) on their clock; R46: the store's own values —
 * `open`/`complete`, `normal`/`high`, calendar dates — in the rep's words, never as stored; text as it was.
 */
export function fieldValueText(field: SyncedField, value: string | null | undefined): string {
	if (value === null || value === undefined || value === '') return t('overruledEmpty');
	switch (field) {
		case 'reminderAt': {
			return formatDateTime(Date.parse(value));
		}

		case 'dueDate': {
			return formatShortDate(value);
		}

		case 'status': {
			return value === 'complete' ? t('statusComplete') : t('statusOpen');
		}

		case 'priority': {
			return value === 'high' ? t('priorityHigh') : t('priorityNormal');
		}

		default: {
			return value;
		}
	}
}
