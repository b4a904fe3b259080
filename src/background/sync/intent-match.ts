/**
 * R18: the pull recognises the Task of a create whose answer was lost (the create is "in doubt"): an unlinked
 * row with the Subject and due date the create sent, created after the pull cursor recorded with the intent and
 * at most a few minutes before it was sent. Its reminder is then linked as if the create had been answered
 * (link-created-task.ts), so the create is never sent twice.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import type {Outbox} from '@/shared/store/outbox-lifecycle.js';
import {fieldValue} from '@/shared/store/reminder-time.js';
import {SYNCED_FIELDS, type OutboxEntry, type Reminder, type ReminderFields} from '@/shared/store/schema.js';
import {linkCreatedTask} from './link-created-task.js';
import {theirsFields, type OrgPicklists} from './mapping.js';

/** R18: a Task created within this window before a create was recorded as sent may be that create. */
const INTENT_MATCH_SLACK_MS = 5 * 60_000;

/** The creates in doubt a row may be, with their reminders by id. */
export type InDoubtCreates = {
	inDoubt: readonly OutboxEntry[];
	inDoubtReminders: ReadonlyMap<string, Reminder>;
};

/**
 * What an unlinked row is to the creates in doubt: `intentTaken`, the create it matched (used up either way,
 * so no later row of the page takes it), and `linked`, its reminder linked to the row's Task with what is
 * left of its outbox entry — unless that reminder is gone or already linked.
 */
export type InDoubtMatch = {intentTaken?: string; linked?: {reminder: Reminder; entry: Outbox}};

export function matchInDoubtCreate(row: TaskRow, creates: InDoubtCreates, picklists: OrgPicklists): InDoubtMatch {
	const intent = creates.inDoubt[closestIntent(row, creates.inDoubt, theirsFields(row, picklists))];
	if (!intent?.createSent) return {};
	const candidate = creates.inDoubtReminders.get(intent.reminderId);
	if (!candidate || candidate.taskId) return {intentTaken: intent.reminderId};
	// This Task is the create that was in doubt: link it as if the create had been answered.
	return {
		intentTaken: intent.reminderId,
		linked: linkCreatedTask(candidate, intent, row.Id, intent.createSent.fields),
	};
}

function matchesIntent(row: TaskRow, entry: OutboxEntry): boolean {
	const sent = entry.createSent;
	if (!sent) return false;
	const created = parseSalesforceDateTime(row.CreatedDate);
	const notBefore = sent.cursor ? parseSalesforceDateTime(sent.cursor) : Number.NEGATIVE_INFINITY;
	// A Task created exactly at the cursor existed when the pull before the create ran (unless Salesforce's
	// whole-second stamps merely round it there). A live one may still be the create; a deleted one is taken
	// to be an older Task — typically one this same push just deleted, whose reminder is already gone —
	// because linking it would delete the reminder (R17), while sending again at worst re-creates a Task.
	const afterCursor = created > notBefore || (created === notBefore && !row.IsDeleted);
	return (
		(row.Subject ?? '') === sent.subject &&
		(row.ActivityDate ?? null) === sent.fields.dueDate &&
		created >= sent.at - INTENT_MATCH_SLACK_MS &&
		afterCursor
	);
}

/**
 * The index of the create in doubt this Task most likely is, or -1. Two reminders with the same name and
 * due date can both be in doubt; the one whose other sent values (details, priority, status) the Task also
 * has is taken, so neither reminder ends up with the other's Task and, through the merge, its values.
 */
function closestIntent(row: TaskRow, inDoubt: readonly OutboxEntry[], theirs: Partial<ReminderFields>): number {
	let best = -1;
	let bestScore = -1;
	for (const [index, entry] of inDoubt.entries()) {
		if (!matchesIntent(row, entry) || !entry.createSent) continue;
		const sent = entry.createSent.fields;
		const score = SYNCED_FIELDS.filter(
			field => theirs[field] !== undefined && theirs[field] === fieldValue(sent, field),
		).length;
		if (score > bestScore) {
			best = index;
			bestScore = score;
		}
	}

	return best;
}
