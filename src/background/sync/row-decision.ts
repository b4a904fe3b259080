/**
 * What one pulled Task row does to the local store, decided without I/O (issue 11 "Decisions apart from
 * I/O"). `apply-rows.ts` gathers the facts for a page in its transaction, asks `decideRow` for each row and
 * writes what comes back; every rule of the pull (R1, R4, R14, R16, R18, R36, R37) is decided here and
 * table-tested in `row-decision.test.ts`.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import {createAcknowledged, rowApplied} from '@/shared/store/outbox-lifecycle.js';
import {
	SYNCED_FIELDS,
	type BaseSnapshot,
	type ConflictRow,
	type OutboxEntry,
	type Reminder,
	type ReminderFields,
	type SyncedField,
} from '@/shared/store/schema.js';
import {isDetached, reattach} from './access.js';
import {
	importFields,
	pickFields,
	relatedFromSalesforce,
	relatedIdFromSalesforce,
	theirsFields,
	type OrgPicklists,
} from './mapping.js';
import {fieldValue, sameFieldValue} from '@/shared/store/reminder-time.js';
import {mergeFields} from './merge.js';
import {salesforceAlertFromRow, withSalesforceAlert} from './reminder-mapping.js';

/** R18: a Task created within this window before a create was recorded as sent may be that create. */
const INTENT_MATCH_SLACK_MS = 5 * 60_000;

/** What is true for the whole page: the partition, its user, the org's picklists, the time. */
export type PageFacts = {
	partitionId: string;
	/** The signed-in user (18 chars): only their Tasks are imported (R1). */
	userId: string;
	picklists: OrgPicklists;
	/** R4: unlinked Tasks last modified before this (server ms) are not imported. */
	importFloor: number;
	/** Local clock, for `createdAt`/`updatedAt`/conflict times. */
	now: number;
	/** Server time minus local time (R16 compares local edit times in server time). */
	offsetMs: number;
	/** A fresh local id for an imported reminder. */
	newId(): string;
};

/** What is known about one row before deciding: the reminder linked to its Task, if any, and their outbox. */
export type RowFacts = {
	row: TaskRow;
	/** The reminder linked to this Task (as this page has left it so far), if any. */
	reminder: Reminder | undefined;
	/** That reminder's outbox entry, if any. */
	entry: OutboxEntry | undefined;
	/** R18: outbox entries whose create is in doubt and not yet taken by an earlier row of this page. */
	inDoubt: readonly OutboxEntry[];
	/** The reminders of those entries, by id. */
	inDoubtReminders: ReadonlyMap<string, Reminder>;
};

/** Why a row changes nothing. */
export type SkipReason =
	| 'deleted-unlinked'
	| 'out-of-scope'
	| 'not-owner'
	| 'before-import-floor'
	/** R36: the row's stamp and content are what was applied already. */
	| 'already-applied';

export type RowOutcome =
	| {kind: 'skip'; reason: SkipReason}
	/** R14/R16: the Task was deleted in Salesforce: the reminder and its outbox entry go. */
	| {kind: 'delete-local'; reminderId: string}
	/** R1/R4: a new Task of the rep's: a new synced reminder. */
	| {kind: 'import'; reminder: Reminder}
	/** R16: the reminder was deleted locally: only its base moves; the tombstone and its entry stay. */
	| {kind: 'keep-tombstone'; reminder: Reminder; entry: OutboxEntry | undefined}
	/**
	 * R16: the three-way merge. `entry` is the outbox entry to keep (undefined: none is left, and any the
	 * reminder had is deleted); `pulled` whether a local value changed.
	 */
	| {kind: 'merge'; reminder: Reminder; entry: OutboxEntry | undefined; conflicts: ConflictRow[]; pulled: boolean};

export type RowDecision = {
	outcome: RowOutcome;
	/**
	 * R18: the create in doubt this row was matched against (by reminder id). It is used up either way: no
	 * later row of the page is matched to it. Set with `linkedCreate` when its reminder was linked.
	 */
	intentTaken?: string;
	/** R18: this Task is a create that was in doubt; its reminder is now linked to it. */
	linkedCreate: boolean;
	/** R37: a detached reminder's Task is the rep's again; the reminder is linked back. */
	reattached: boolean;
	/** The reminder this Task is linked to after this row (the one later rows of the same Task start from). */
	linked: Reminder | undefined;
};

export function decideRow(facts: RowFacts, page: PageFacts): RowDecision {
	const {row} = facts;
	let reminder = facts.reminder;
	let entry = facts.entry;
	let intentTaken: string | undefined;
	let linkedCreate = false;
	if (!reminder) {
		const intent = facts.inDoubt[closestIntent(row, facts.inDoubt, theirsFields(row, page.picklists))];
		if (intent?.createSent) {
			intentTaken = intent.reminderId;
			const candidate = facts.inDoubtReminders.get(intent.reminderId);
			if (candidate && !candidate.taskId) {
				// R18: this Task is the create that was in doubt. Link it as if the create had been acked.
				const sentFields = intent.createSent.fields;
				reminder = {
					...candidate,
					taskId: row.Id,
					base: {...sentFields, lastModifiedDate: '', systemModstamp: '', sfStatus: '', sfPriority: ''},
				};
				const pending = SYNCED_FIELDS.filter(f => !sameFieldValue(candidate[f], sentFields[f]));
				entry = createAcknowledged(intent, pending);
				linkedCreate = true;
			}
		}
	}

	const decided = (outcome: RowOutcome, linked: Reminder | undefined, reattached = false): RowDecision => ({
		outcome,
		linkedCreate,
		reattached,
		linked,
		...(intentTaken === undefined ? {} : {intentTaken}),
	});

	if (row.IsDeleted) {
		// R14/R16: a deletion in Salesforce deletes the reminder, even against local edits.
		return reminder
			? decided({kind: 'delete-local', reminderId: reminder.id}, undefined)
			: decided({kind: 'skip', reason: 'deleted-unlinked'}, undefined);
	}

	if (!reminder) {
		if (!inScope(row)) return decided({kind: 'skip', reason: 'out-of-scope'}, undefined);
		if (row.OwnerId !== page.userId) return decided({kind: 'skip', reason: 'not-owner'}, undefined);
		if (parseSalesforceDateTime(row.LastModifiedDate) < page.importFloor) {
			return decided({kind: 'skip', reason: 'before-import-floor'}, undefined);
		}

		const imported = importedReminder(row, page);
		return decided({kind: 'import', reminder: imported}, imported);
	}

	const linked = reminder;
	let localChanged: readonly SyncedField[] = entry?.fields ?? [];
	let reattached = false;
	if (isDetached(reminder) && reminder.deletedAt === undefined) {
		// R37: the Task is the rep's again (the pull only reads the rep's Tasks): link the reminder back.
		const back = reattach(reminder);
		reminder = back.reminder;
		localChanged = [...new Set([...localChanged, ...back.localChanged])];
		reattached = true;
	}

	// A create just linked has an empty base stamp, so it is never "already applied": its link is written below.
	if (!reattached && alreadyApplied(row, reminder, page.picklists)) {
		// Already applied (the pull re-reads its last second on purpose, R36).
		return decided({kind: 'skip', reason: 'already-applied'}, linked);
	}

	const baseFields: ReminderFields = reminder.base ?? importFields(row, page.picklists);
	const stamp = rowStamp(row);
	if (reminder.deletedAt !== undefined) {
		// R16: an edit against a local deletion — the deletion wins; the tombstone stays until pushed.
		return decided(
			{kind: 'keep-tombstone', reminder: {...reminder, base: {...pickFields(baseFields), ...stamp}}, entry},
			linked,
		);
	}

	const editedAt = Object.fromEntries(
		Object.entries(reminder.editedAt).map(([field, at]) => [field, at + page.offsetMs]),
	);
	const merged = mergeFields({
		base: baseFields,
		yours: reminder,
		theirs: theirsFields(row, page.picklists),
		localChanged,
		localEditedAt: editedAt,
		remoteModifiedAt: parseSalesforceDateTime(row.LastModifiedDate),
		sentInDoubt: entry?.updateSent?.fields,
	});
	const changedLocally = Object.keys(merged.apply).length > 0;
	const next: Reminder = withRelatedNames(
		withReminderTimeState(
			{
				...reminder,
				...merged.apply,
				base: {...merged.base, ...stamp},
				updatedAt: changedLocally ? page.now : reminder.updatedAt,
			},
			reminder,
			row,
			page.now,
		),
		row,
	);
	const conflicts: ConflictRow[] = merged.conflicts.map(conflict => ({
		partition: page.partitionId,
		reminderId: reminder.id,
		taskId: row.Id,
		...conflict,
		at: page.now,
	}));
	if (merged.conflicts.some(c => c.winner === 'salesforce')) next.lastConflictAt = page.now;
	// This row shows whether an update in doubt was committed: the merge above has taken it into account.
	const nextEntry = rowApplied(entry, {reminderId: reminder.id, partition: page.partitionId}, merged.pending, page.now);
	if (nextEntry) {
		if (next.syncState !== 'error') next.syncState = 'pending';
	} else {
		next.syncState =
			next.lastConflictAt === page.now ? 'conflict' : next.syncState === 'conflict' ? 'conflict' : 'synced';
		delete next.error;
	}

	return decided(
		{kind: 'merge', reminder: next, entry: nextEntry, conflicts, pulled: changedLocally},
		linked,
		reattached,
	);
}

function inScope(row: TaskRow): boolean {
	// R1: reminder-like Tasks only; archived ones are not imported (and are not deletions either, R15).
	return row.TaskSubtype === 'Task' && !row.IsRecurrence && !row.IsArchived && !row.IsDeleted;
}

function rowStamp(row: TaskRow): Omit<BaseSnapshot, keyof ReminderFields> {
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
function withRelatedNames(reminder: Reminder, row: TaskRow): Reminder {
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
function withReminderTimeState(next: Reminder, before: Reminder, row: TaskRow, now: number): Reminder {
	const state = withSalesforceAlert(next, salesforceAlertFromRow(row, before));
	if (sameFieldValue(next.reminderAt, before.reminderAt)) return state;
	if (typeof next.reminderAt === 'string') state.alert = {knownAt: now};
	else delete state.alert;
	return state;
}

function importedReminder(row: TaskRow, page: PageFacts): Reminder {
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

/**
 * R36: Salesforce stamps whole seconds, so a row re-read at the same SystemModstamp as the base may still
 * carry a later write of that same second (another user's edit committed after our read). Only a row
 * whose stamp AND content equal what was applied is "already applied"; anything else goes through the
 * merge, which is idempotent (the base moves to the row's values, so a second read changes nothing).
 */
function alreadyApplied(row: TaskRow, reminder: Reminder, picklists: OrgPicklists): boolean {
	const base = reminder.base;
	if (!base || base.systemModstamp === '') return false;
	const rowStamp = parseSalesforceDateTime(row.SystemModstamp);
	const baseStamp = parseSalesforceDateTime(base.systemModstamp);
	if (rowStamp !== baseStamp) return rowStamp < baseStamp;
	if (row.LastModifiedDate !== base.lastModifiedDate) return false;
	if ((row.Status ?? '') !== base.sfStatus || (row.Priority ?? '') !== base.sfPriority) return false;
	// R32: Salesforce firing its reminder changes only IsReminderSet; that is news too.
	if (row.IsReminderSet !== (base.sfReminderSet ?? false)) return false;
	const theirs = theirsFields(row, picklists);
	return SYNCED_FIELDS.every(field => theirs[field] === undefined || theirs[field] === fieldValue(base, field));
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
