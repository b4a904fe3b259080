/**
 * What one pulled Task row does to the local store, decided without I/O (issue 11 "Decisions apart from
 * I/O"). `apply-rows.ts` gathers the facts for a page in its transaction, asks `decideRow` for each row and
 * writes what comes back; every rule of the pull (R1, R4, R14, R16, R18, R36, R37) is decided here, from
 * one pure module per rule where another part of Tickler needs the same rule (R1 `task-scope.ts`, R4
 * `import-floor.ts`, R18 `intent-match.ts`), and table-tested in `row-decision.test.ts`.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import {rowApplied} from '@/shared/store/outbox-lifecycle.js';
import {fieldValue} from '@/shared/store/reminder-time.js';
import type {Overruled} from '@/shared/store/kept-values.js';
import {
	SYNCED_FIELDS,
	type ConflictRow,
	type OutboxEntry,
	type Reminder,
	type ReminderFields,
	type SyncedField,
} from '@/shared/store/schema.js';
import {isDetached, reattach} from './access.js';
import {beforeImportFloor} from './import-floor.js';
import {matchInDoubtCreate, type InDoubtCreates} from './intent-match.js';
import {importFields, pickFields, theirsFields, type OrgPicklists} from './mapping.js';
import {mergeFields} from './merge.js';
import {importedReminder, rowStamp, withRelatedNames, withReminderTimeState} from './pulled-reminder.js';
import {whyOutOfScope} from './task-scope.js';

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

/**
 * What is known about one row before deciding: the reminder linked to its Task, if any, and their outbox; and
 * (R18) the outbox entries whose create is in doubt and not yet taken by an earlier row of this page, with
 * their reminders by id.
 */
export type RowFacts = InDoubtCreates & {
	row: TaskRow;
	/** The reminder linked to this Task (as this page has left it so far), if any. */
	reminder: Reminder | undefined;
	/** That reminder's outbox entry, if any. */
	entry: OutboxEntry | undefined;
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

/**
 * The pull's decision for one row, in the order the rules apply: an unlinked row may first be the Task of a
 * create in doubt (R18); a deleted Task deletes its reminder (R14, R16); an unlinked one is imported when in
 * scope (R1, R4); a linked one is merged (R16), unless already applied (R36) or deleted locally.
 */
export function decideRow(facts: RowFacts, page: PageFacts): RowDecision {
	const {row} = facts;
	const match = facts.reminder ? {} : matchInDoubtCreate(row, facts, page.picklists);
	const reminder = match.linked?.reminder ?? facts.reminder;
	const entry = match.linked ? match.linked.entry : facts.entry;
	const decided = (outcome: RowOutcome, linked: Reminder | undefined, reattached = false): RowDecision => ({
		outcome,
		linkedCreate: match.linked !== undefined,
		reattached,
		linked,
		...(match.intentTaken === undefined ? {} : {intentTaken: match.intentTaken}),
	});

	if (row.IsDeleted) {
		// R14/R16: a deletion in Salesforce deletes the reminder, even against local edits.
		return reminder
			? decided({kind: 'delete-local', reminderId: reminder.id}, undefined)
			: decided({kind: 'skip', reason: 'deleted-unlinked'}, undefined);
	}

	if (!reminder) {
		const outcome = decideUnlinked(row, page);
		return decided(outcome, outcome.kind === 'import' ? outcome.reminder : undefined);
	}

	const {outcome, reattached} = decideLinked(row, reminder, entry, page);
	return decided(outcome, reminder, reattached);
}

/** R1/R4: a Task no reminder is linked to becomes one only when it is in scope and within the import window. */
function decideUnlinked(row: TaskRow, page: PageFacts): RowOutcome {
	const outOfScope = whyOutOfScope(row, page.userId);
	if (outOfScope) return {kind: 'skip', reason: outOfScope === 'not-owner' ? 'not-owner' : 'out-of-scope'};
	if (beforeImportFloor(row, page.importFloor)) return {kind: 'skip', reason: 'before-import-floor'};
	return {kind: 'import', reminder: importedReminder(row, page)};
}

/** A row of a Task a reminder is linked to: reattached (R37), already applied (R36), a tombstone's, or merged. */
function decideLinked(
	row: TaskRow,
	linked: Reminder,
	entry: OutboxEntry | undefined,
	page: PageFacts,
): {outcome: RowOutcome; reattached: boolean} {
	let reminder = linked;
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
		return {outcome: {kind: 'skip', reason: 'already-applied'}, reattached};
	}

	const baseFields: ReminderFields = reminder.base ?? importFields(row, page.picklists);
	if (reminder.deletedAt !== undefined) {
		// R16: an edit against a local deletion — the deletion wins; the tombstone stays until pushed.
		const tombstone = {...reminder, base: {...pickFields(baseFields), ...rowStamp(row)}};
		return {outcome: {kind: 'keep-tombstone', reminder: tombstone, entry}, reattached};
	}

	return {outcome: mergeRow(row, reminder, entry, {baseFields, localChanged}, page), reattached};
}

/** R16: the three-way merge of a linked, live reminder with its Task's row. */
function mergeRow(
	row: TaskRow,
	reminder: Reminder,
	entry: OutboxEntry | undefined,
	local: {baseFields: ReminderFields; localChanged: readonly SyncedField[]},
	page: PageFacts,
): RowOutcome {
	const editedAt = Object.fromEntries(
		Object.entries(reminder.editedAt).map(([field, at]) => [field, at + page.offsetMs]),
	);
	const merged = mergeFields({
		base: local.baseFields,
		yours: reminder,
		theirs: theirsFields(row, page.picklists),
		localChanged: local.localChanged,
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
				base: {...merged.base, ...rowStamp(row)},
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
	const lost = merged.conflicts.filter(c => c.winner === 'salesforce').map(c => c.field);
	if (lost.length > 0) {
		next.lastConflictAt = page.now;
		// R58: the rep's words are kept, not only logged, until they choose "Keep mine" or "Keep Salesforce's".
		next.overruled = overruledBy(reminder, next, lost, page.now);
	}

	// This row shows whether an update in doubt was committed: the merge above has taken it into account.
	const nextEntry = rowApplied(entry, {reminderId: reminder.id, partition: page.partitionId}, merged.pending, page.now);
	if (nextEntry) {
		if (next.syncState !== 'error') next.syncState = 'pending';
	} else {
		// R58: never "Synced" while the rep's overruled values wait for their choice.
		next.syncState = next.overruled ? 'conflict' : 'synced';
		delete next.error;
	}

	return {kind: 'merge', reminder: next, entry: nextEntry, conflicts, pulled: changedLocally};
}

/**
 * R58: the fields Salesforce's later edit won, with the rep's value that lost and Salesforce's that won, added
 * to what is already waiting (a field overruled again keeps the rep's latest value).
 */
function overruledBy(mine: Reminder, theirs: Reminder, fields: readonly SyncedField[], now: number): Overruled {
	const pick = (from: Reminder) => Object.fromEntries(fields.map(field => [field, from[field]]));
	return {
		at: now,
		mine: {...mine.overruled?.mine, ...pick(mine)},
		theirs: {...mine.overruled?.theirs, ...pick(theirs)},
	};
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
