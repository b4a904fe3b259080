/**
 * The reminder time's value rules (R31, R32), shared by the store, the sync engine and the forms. A reminder
 * time is one instant, kept as the ISO 8601 UTC string `Date.prototype.toISOString` writes; the popup shows
 * and edits it in the rep's own time zone (src/popup/reminder-time-input.ts).
 */
import type {ReminderFields, SyncedField, WhoAlerts} from './schema.js';

/** R32: by default Tickler alerts and Salesforce does not, so there is exactly one alert (docs/rules.md R32). */
export const DEFAULT_WHO_ALERTS: WhoAlerts = 'tickler';

export const WHO_ALERTS_VALUES: readonly WhoAlerts[] = ['tickler', 'salesforce', 'both'];

export function isWhoAlerts(value: unknown): value is WhoAlerts {
	return typeof value === 'string' && (WHO_ALERTS_VALUES as readonly string[]).includes(value);
}

/** A reminder time's instant in epoch ms, or undefined for none (or an unreadable value). */
export function reminderAtMs(value: string | null | undefined): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** A field's value with a missing reminder time read as null: rows written before R31 have no `reminderAt`. */
export function fieldValue(fields: Partial<ReminderFields>, field: SyncedField): ReminderFields[SyncedField] {
	const value = fields[field];
	return field === 'reminderAt' ? (value ?? null) : value;
}

/** Equal field values, a missing reminder time counting as null. */
export function sameFieldValue(a: unknown, b: unknown): boolean {
	return (a ?? null) === (b ?? null);
}
