/**
 * R16/R18: an update whose answer was lost. Salesforce may have committed it (a dropped connection after
 * the commit, a timeout, the worker stopped), so the next pull may find our own values on the Task, under
 * a LastModifiedDate that a later Salesforce edit of another field can push past the rep's newer local
 * edit. Recorded on the outbox row just before the request leaves (as createSent is for creates), cleared
 * by the answer, or by the first pulled row of the Task, which shows whether it was committed.
 *
 * Stored on the outbox row itself (IndexedDB keeps any property); schema.ts's OutboxEntry does not
 * declare it, so the sync engine reads and writes it only through these helpers.
 */
import type {OutboxEntry, ReminderFields} from '@/shared/store/schema.js';

export type UpdateSent = {
	/** Server-corrected time it was sent. */
	at: number;
	/** The reminder's values of the fields sent. */
	fields: Partial<ReminderFields>;
};

type WithUpdateSent = OutboxEntry & {updateSent?: UpdateSent};

export function updateSentOf(entry: OutboxEntry | undefined): Partial<ReminderFields> | undefined {
	return (entry as WithUpdateSent | undefined)?.updateSent?.fields;
}

export function withUpdateSent(entry: OutboxEntry, updateSent: UpdateSent): OutboxEntry {
	const next: WithUpdateSent = {...entry, updateSent};
	return next;
}

export function withoutUpdateSent(entry: OutboxEntry): OutboxEntry {
	const next: WithUpdateSent = {...entry};
	delete next.updateSent;
	return next;
}
