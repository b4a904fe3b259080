/**
 * Field mapping between reminders and Tasks (R8–R11). Picklist values always come from the org's
 * TaskStatus/TaskPriority (discovery), never hard-coded, except as fallbacks for an org that returned none.
 */
import type {RelatedParent, TaskRow, TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {isSalesforceId, to18} from '@/shared/record-ids.js';
import type {
	RelatedRecord,
	ReminderFields,
	ReminderPriority,
	ReminderStatus,
	SyncedField,
	TaskPriorityValue,
	TaskStatusValue,
	WhoAlerts,
} from '@/shared/store/schema.js';
import {DEFAULT_WHO_ALERTS} from '@/shared/store/reminder-time.js';
import {reminderAtFromSalesforce, reminderWrite} from './reminder-mapping.js';
import {isCalendarDate, MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';
import {renderSubject, templateUsesName} from '@/shared/subject-template.js';

export type OrgPicklists = {statuses: TaskStatusValue[]; priorities: TaskPriorityValue[]};

/** R8: `Completed`, or the org's closed value when `Completed` does not exist. */
export function completedStatus(p: OrgPicklists): string {
	return (
		p.statuses.find(s => s.apiName === 'Completed')?.apiName ?? p.statuses.find(s => s.isClosed)?.apiName ?? 'Completed'
	);
}

/** R8: the default open status (IsDefault), normally `Not Started`. */
export function defaultOpenStatus(p: OrgPicklists): string {
	return (
		p.statuses.find(s => s.isDefault && !s.isClosed)?.apiName ??
		p.statuses.find(s => s.apiName === 'Not Started')?.apiName ??
		'Not Started'
	);
}

/**
 * R8, Salesforce → local. Only the default open and the completed status sync; any other value leaves
 * the reminder as it was (undefined) — except on first import, where closed → complete, else open.
 */
export function statusFromSalesforce(
	value: string | null,
	p: OrgPicklists,
	firstImport: boolean,
	rowIsClosed = false,
): ReminderStatus | undefined {
	if (value === defaultOpenStatus(p)) return 'open';
	if (value === completedStatus(p)) return 'complete';
	if (!firstImport) return undefined;
	const known = p.statuses.find(s => s.apiName === value);
	return (known ? known.isClosed : rowIsClosed) ? 'complete' : 'open';
}

export function statusToSalesforce(status: ReminderStatus, p: OrgPicklists): string {
	return status === 'complete' ? completedStatus(p) : defaultOpenStatus(p);
}

function highPriority(p: OrgPicklists): string {
	return (
		p.priorities.find(v => v.apiName === 'High')?.apiName ?? p.priorities.find(v => v.isHighPriority)?.apiName ?? 'High'
	);
}

function normalPriority(p: OrgPicklists): string {
	return (
		p.priorities.find(v => v.apiName === 'Normal')?.apiName ??
		p.priorities.find(v => v.isDefault && !v.isHighPriority)?.apiName ??
		'Normal'
	);
}

/** R9: `High` ↔ high, `Normal` ↔ normal; `Low` (or any other) leaves the reminder as it was, or is normal on first import. */
export function priorityFromSalesforce(
	value: string | null,
	p: OrgPicklists,
	firstImport: boolean,
): ReminderPriority | undefined {
	if (value === highPriority(p)) return 'high';
	if (value === normalPriority(p)) return 'normal';
	return firstImport ? 'normal' : undefined;
}

export function priorityToSalesforce(priority: ReminderPriority, p: OrgPicklists): string {
	return priority === 'high' ? highPriority(p) : normalPriority(p);
}

/** R11: a date stays a calendar date. A malformed value is ignored (undefined), never stored. */
export function dueDateFromSalesforce(value: unknown): string | null | undefined {
	if (value === null) return null;
	if (typeof value !== 'string') return undefined;
	const day = value.slice(0, 10);
	return isCalendarDate(day) ? day : undefined;
}

/**
 * Kept whole, like the Subject below: Tickler's limits (MAX_NAME_LENGTH, MAX_DETAILS_LENGTH) are Salesforce's own
 * field lengths, so whatever Salesforce holds is what the rep reads — never silently cut, never half of a
 * surrogate pair (how Salesforce counts an emoji in a field length is UNCONFIRMED; the limits apply to the
 * rep's own edits, and an over-long value is said there, reminder-validation.ts).
 */
export function detailsFromSalesforce(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** R10: a Task's Subject becomes the name on import only, whole (detailsFromSalesforce says why). */
export function nameFromSubject(subject: unknown): string {
	const name = typeof subject === 'string' ? subject.replaceAll(/[\r\n]+/g, ' ').trim() : '';
	return name.length === 0 ? '(no subject)' : name;
}

/**
 * R33: a `WhoId`/`WhatId` as stored: 18 characters, or null. A malformed value (or a row that did not carry
 * the field) is undefined: it leaves the reminder as it was, never stored.
 */
export function relatedIdFromSalesforce(value: unknown): string | null | undefined {
	if (value === null) return null;
	return isSalesforceId(value) ? to18(value) : undefined;
}

/**
 * R33: the name and object of a related record from the parent relationship the query read with the row
 * (`Who.Name`, `Who.Type` — docs/salesforce-facts.md §2.2, §13.4). Undefined when the row has no id there
 * or the parent is not readable (null, or the user may not see it): the popup then shows no name.
 */
export function relatedFromSalesforce(
	id: string | null | undefined,
	parent: RelatedParent | null | undefined,
): RelatedRecord | undefined {
	if (typeof id !== 'string' || typeof parent !== 'object' || parent === null) return undefined;
	const name = typeof parent.Name === 'string' ? parent.Name.trim() : '';
	const type = typeof parent.Type === 'string' ? parent.Type : '';
	return name === '' ? undefined : {name: name.slice(0, MAX_NAME_LENGTH), type};
}

/** The reminder a newly imported Task becomes (R4, R8–R11, R32, R33). */
export function importFields(row: TaskRow, p: OrgPicklists): ReminderFields {
	const reminderAt = reminderAtFromSalesforce(row.ReminderDateTime);
	return {
		name: nameFromSubject(row.Subject),
		status: statusFromSalesforce(row.Status, p, true, row.IsClosed) ?? 'open',
		priority: priorityFromSalesforce(row.Priority, p, true) ?? 'normal',
		dueDate: dueDateFromSalesforce(row.ActivityDate) ?? null,
		details: detailsFromSalesforce(row.Description),
		whoId: relatedIdFromSalesforce(row.WhoId) ?? null,
		whatId: relatedIdFromSalesforce(row.WhatId) ?? null,
		...(typeof reminderAt === 'string' ? {reminderAt} : {}),
	};
}

/** What Salesforce says now, per field; undefined = "this field does not sync from this value" (R8–R10). */
export function theirsFields(row: TaskRow, p: OrgPicklists): Partial<ReminderFields> {
	const theirs: Partial<ReminderFields> = {details: detailsFromSalesforce(row.Description)};
	const whoId = relatedIdFromSalesforce(row.WhoId);
	if (whoId !== undefined) theirs.whoId = whoId;
	const whatId = relatedIdFromSalesforce(row.WhatId);
	if (whatId !== undefined) theirs.whatId = whatId;
	const status = statusFromSalesforce(row.Status, p, false);
	if (status !== undefined) theirs.status = status;
	const priority = priorityFromSalesforce(row.Priority, p, false);
	if (priority !== undefined) theirs.priority = priority;
	const dueDate = dueDateFromSalesforce(row.ActivityDate);
	if (dueDate !== undefined) theirs.dueDate = dueDate;
	// R32: the time is kept when IsReminderSet goes false (Salesforce's reminder fired); only a cleared
	// ReminderDateTime removes it (reminder-mapping.ts).
	const reminderAt = reminderAtFromSalesforce(row.ReminderDateTime);
	if (reminderAt !== undefined) theirs.reminderAt = reminderAt;
	return theirs;
}

export function createWrite(
	fields: ReminderFields,
	template: string,
	p: OrgPicklists,
	whoAlerts: WhoAlerts = DEFAULT_WHO_ALERTS,
): TaskWrite {
	return {
		Subject: renderSubject(template, fields.name),
		Status: statusToSalesforce(fields.status, p),
		Priority: priorityToSalesforce(fields.priority, p),
		ActivityDate: fields.dueDate,
		Description: fields.details === '' ? null : fields.details,
		TaskSubtype: 'Task',
		// R33: only when set — a create never needs to send an empty lookup.
		...(fields.whoId ? {WhoId: fields.whoId} : {}),
		...(fields.whatId ? {WhatId: fields.whatId} : {}),
		// R32: a Task without a reminder time needs neither field (IsReminderSet defaults to false).
		...(typeof fields.reminderAt === 'string' ? reminderWrite(fields.reminderAt, whoAlerts) : {}),
	};
}

/** R12: only the changed fields; R8: status only when it changed; R10: Subject only if the template uses the name. */
export function updateWrite(
	fields: ReminderFields,
	changed: readonly SyncedField[],
	template: string,
	p: OrgPicklists,
	whoAlerts: WhoAlerts = DEFAULT_WHO_ALERTS,
): TaskWrite {
	const write: TaskWrite = {};
	for (const field of changed) {
		if (field === 'name' && templateUsesName(template)) write.Subject = renderSubject(template, fields.name);
		if (field === 'status') write.Status = statusToSalesforce(fields.status, p);
		if (field === 'priority') write.Priority = priorityToSalesforce(fields.priority, p);
		if (field === 'dueDate') write.ActivityDate = fields.dueDate;
		if (field === 'details') write.Description = fields.details === '' ? null : fields.details;
		// R33: null clears the lookup; with Shared Activities Salesforce then promotes another contact to
		// WhoId (§13.4). TaskWhoIds is never written.
		if (field === 'whoId') write.WhoId = fields.whoId ?? null;
		if (field === 'whatId') write.WhatId = fields.whatId ?? null;
		if (field === 'reminderAt') Object.assign(write, reminderWrite(fields.reminderAt, whoAlerts));
	}

	return write;
}

/**
 * Just the synced fields of a reminder (or anything that has them): what a base snapshot records. The
 * related ids are copied as they are — a reminder stored before R33 has none, and its base must say the
 * same, or it would look edited.
 */
/** Just the synced fields of a reminder (or anything that has them): what a base snapshot records. */
export function pickFields(fields: ReminderFields): ReminderFields {
	return {
		name: fields.name,
		status: fields.status,
		priority: fields.priority,
		dueDate: fields.dueDate,
		details: fields.details,
		whoId: fields.whoId,
		whatId: fields.whatId,
		// R31: absent and null mean the same (no reminder time); absent keeps older snapshots' shape.
		...(typeof fields.reminderAt === 'string' ? {reminderAt: fields.reminderAt} : {}),
	};
}
