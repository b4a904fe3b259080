/**
 * R18: a reminder whose create reached Salesforce, linked to the Task it made. The push links it when
 * Salesforce answers with the Task id (push-settle.ts); the pull links it when a row shows the Task of a
 * create whose answer was lost (row-decision.ts). Both link it here, the same way.
 */
import {createAcknowledged, type Outbox} from '@/shared/store/outbox-lifecycle.js';
import {sameFieldValue} from '@/shared/store/reminder-time.js';
import {SYNCED_FIELDS, type Reminder, type ReminderFields} from '@/shared/store/schema.js';

/**
 * The reminder linked to `taskId`, its base the values the create `sent` with an empty stamp (so the Task's
 * next row is never taken for "already applied", R36), and its outbox entry with the fields edited since the
 * create was sent still to push (`undefined`: nothing is left).
 */
export function linkCreatedTask(
	reminder: Reminder,
	entry: Outbox,
	taskId: string,
	sent: ReminderFields,
): {reminder: Reminder; entry: Outbox} {
	const linked: Reminder = {
		...reminder,
		taskId,
		base: {...sent, lastModifiedDate: '', systemModstamp: '', sfStatus: '', sfPriority: ''},
	};
	const pending = SYNCED_FIELDS.filter(field => !sameFieldValue(reminder[field], sent[field]));
	return {reminder: linked, entry: createAcknowledged(entry, pending)};
}
