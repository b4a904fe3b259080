/**
 * R16/R18: an update whose answer was lost. Salesforce may have committed it (a dropped connection after
 * the commit, a timeout, the worker stopped), so the next pull may find our own values on the Task, under
 * a LastModifiedDate that a later Salesforce edit of another field can push past the rep's newer local
 * edit. Recorded on the outbox row (`OutboxEntry.updateSent`) just before the request leaves, as
 * createSent is for creates; cleared by the answer, or by the first pulled row of the Task, which shows
 * whether it was committed.
 */
import type {OutboxEntry, ReminderFields} from '@/shared/store/schema.js';

export type UpdateSent = NonNullable<OutboxEntry['updateSent']>;

export function updateSentOf(entry: OutboxEntry | undefined): Partial<ReminderFields> | undefined {
	return entry?.updateSent?.fields;
}

export function withUpdateSent(entry: OutboxEntry, updateSent: UpdateSent): OutboxEntry {
	return {...entry, updateSent};
}

export function withoutUpdateSent(entry: OutboxEntry): OutboxEntry {
	const next = {...entry};
	delete next.updateSent;
	return next;
}
