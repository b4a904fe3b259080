/**
 * What a reminder keeps for the rep's choice, beside its synced fields: the values a conflict overruled (R58)
 * and the state a held edit replaced (R60). Types only; the reminder row is in schema.ts.
 */
import type {ReminderError, ReminderFields, SyncedField, SyncState} from './schema.js';
import type {ReminderAlertRecord} from './alert-record.js';

/**
 * R58: per field the rep's value that Salesforce's replaced (`mine`) and Salesforce's that won (`theirs`) — a
 * conflict the rep lost (R16: Salesforce's edit was later), kept until they choose "Keep mine" or "Keep
 * Salesforce's" (overruled-edits.ts). Indexed by `[partition+overruled.at]` (Dexie version 4) so Settings lists
 * them without reading every reminder.
 */
export type Overruled = {
	/** Local time of the latest merge that overruled a field (the index key). */
	at: number;
	mine: Partial<ReminderFields>;
	theirs: Partial<ReminderFields>;
};

/**
 * R60: the reminder as it was before a held edit (a Complete or Snooze the UI offered to undo, held-edits.ts) —
 * the values, their edit times, what was queued, its state.
 */
export type HeldEdit = {
	/** Local time the Undo offer (and the hold of the edit's push) ends: outbox.ts DELETE_HOLD_MS after the edit. */
	until: number;
	before: Partial<ReminderFields>;
	editedAt: Partial<Record<SyncedField, number>>;
	/** The fields the outbox already held for this reminder before the edit. */
	queued: SyncedField[];
	syncState: SyncState;
	alert?: ReminderAlertRecord;
	/** The reminder's refusal before the edit (R19), and whether its record was parked: Undo puts them back. */
	error?: ReminderError;
	parked?: true;
};
