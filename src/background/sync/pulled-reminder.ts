/**
 * What a pulled Task row writes on a reminder besides the merged fields (row-decision.ts): the row's stamp in
 * the base (R36), the related records' names (R33), what this computer knows about the reminder time (R31,
 * R32), and a whole new reminder for an imported Task (R1, R4).
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {sameFieldValue} from '@/shared/store/reminder-time.js';
import type {BaseSnapshot, Reminder, ReminderFields} from '@/shared/store/schema.js';
import {importFields, relatedFromSalesforce, relatedIdFromSalesforce, type OrgPicklists} from './mapping.js';
import {salesforceAlertFromRow, withSalesforceAlert} from './reminder-mapping.js';

/** The base's stamp of a row: what the already-applied check compares (R36). */
export function rowStamp(row: TaskRow): Omit<BaseSnapshot, keyof ReminderFields> {
	return {
		lastModifiedDate: row.LastModifiedDate,
		systemModstamp: row.SystemModstamp,
		sfStatus: row.Status ?? '',
		sfPriority: row.Priority ?? '',
		sfReminderSet: row.IsReminderSet,
	};
}

/**
 * R33: the related names this row read (`Who.Name`, `What.Name`), for the ids the reminder now has. A name
 * is taken only when the reminder's id is the row's: while a local change of the id is still to be pushed,
 * the name it was given (e.g. by "Remind me", R34) stays.
 */
export function withRelatedNames(reminder: Reminder, row: TaskRow): Reminder {
	const next = {...reminder};
	for (const [idField, nameField, parent, rowId] of [
		['whoId', 'who', row.Who, row.WhoId],
		['whatId', 'what', row.What, row.WhatId],
	] as const) {
		const id = relatedIdFromSalesforce(rowId);
		if (id === undefined || (next[idField] ?? null) !== id) continue;
		const related = relatedFromSalesforce(id, parent);
		if (related) next[nameField] = related;
		else if ((id === null || parent === null) && nameField === 'who') delete next.who;
		else if (id === null || parent === null) delete next.what;
	}

	return next;
}

/**
 * R31/R32: after a row was merged, what this computer knows about the reminder time: whether Salesforce
 * alerts for it (or fired it), and — when the pull changed the time — that it was learned now, so an old
 * time brought by a pull is never taken for a missed alert (alerts/due-alerts.ts).
 */
export function withReminderTimeState(next: Reminder, before: Reminder, row: TaskRow, now: number): Reminder {
	const state = withSalesforceAlert(next, salesforceAlertFromRow(row, before));
	if (sameFieldValue(next.reminderAt, before.reminderAt)) return state;
	if (typeof next.reminderAt === 'string') state.alert = {knownAt: now};
	else delete state.alert;
	return state;
}

/** A new synced reminder for a Task of the rep's in scope (R1, R4), under a fresh local id. */
export function importedReminder(
	row: TaskRow,
	page: {partitionId: string; picklists: OrgPicklists; now: number; newId(): string},
): Reminder {
	const fields = importFields(row, page.picklists);
	const imported: Reminder = {
		...fields,
		id: page.newId(),
		partition: page.partitionId,
		taskId: row.Id,
		createdAt: page.now,
		updatedAt: page.now,
		editedAt: {},
		origin: 'salesforce',
		localOnly: false,
		syncState: 'synced',
		base: {...fields, ...rowStamp(row)},
		...(typeof fields.reminderAt === 'string' ? {alert: {knownAt: page.now}} : {}),
	};
	return withRelatedNames(withSalesforceAlert(imported, salesforceAlertFromRow(row, {})), row);
}
