/**
 * The shapes stored in the Tickler database (docs/sync-protocol.md "Schema").
 * Local timestamps are epoch milliseconds from the local clock; Salesforce timestamps are kept as the
 * strings Salesforce sent (`…T…000+0000`), so nothing is re-parsed on the way back.
 */
import type {ReminderAlertRecord} from './alert-record.js';
import type {PauseReason, SyncPhase} from '@/shared/types.js';
import type {LocalFailureKind} from './storage-errors.js';
import type {HeldEdit, Overruled} from './kept-values.js';

/** The IndexedDB database's name (tests open others). */
export const DEFAULT_DB_NAME = 'tickler';

/** Reminders created before any partition was ever enabled live here (R5). */
export const LOCAL_PARTITION = 'local';

export const SYNCED_FIELDS = [
	'name',
	'status',
	'priority',
	'dueDate',
	'details',
	'whoId',
	'whatId',
	'reminderAt',
] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

export type ReminderStatus = 'open' | 'complete';
export type ReminderPriority = 'normal' | 'high';

/** The fields that sync (docs/rules.md R8–R11, R32, R33). */
export type ReminderFields = {
	name: string;
	status: ReminderStatus;
	priority: ReminderPriority;
	/** `YYYY-MM-DD`, a calendar date in every time zone (R11), or null for "no due date". */
	dueDate: string | null;
	details: string;
	/**
	 * R33: the Task's `WhoId` (a Contact or Lead, 18 chars) or null. Reminders stored before R33 lack it
	 * (undefined at run time), which every comparison treats like null, so no upgrade is needed.
	 */
	whoId: string | null;
	/** R33: the Task's `WhatId` (an Account, Opportunity, Case, …, 18 chars) or null. */
	whatId: string | null;
	/**
	 * R31/R32: when to alert, as an ISO 8601 UTC instant (`2026-03-05T15:00:00.000Z`, what
	 * `Date.prototype.toISOString` writes; ISO strings of one shape sort by time, so it is indexed). Null or
	 * absent = no reminder time: rows written before R31 have no such key, and every comparison treats a
	 * missing value as null (reminder-time.ts `sameFieldValue`). Syncs with `ReminderDateTime`.
	 */
	reminderAt?: string | null;
};

/**
 * R33: a related record's name and object as the last pulled Task row said (`Who.Name`/`Who.Type`,
 * `What.Name`/`What.Type`). Read only: never pushed, refreshed whenever the Task is pulled again.
 */
export type RelatedRecord = {name: string; type: string};

/** R32: who alerts at a reminder time — Tickler's notification, Salesforce's own reminder, or both. */
export type WhoAlerts = 'tickler' | 'salesforce' | 'both';

export type SyncState = 'synced' | 'pending' | 'error' | 'conflict' | 'local-only';

export type ReminderError = {code: string; message: string; hint: string};

/** What both sides agreed on at the last successful sync of this reminder: the merge base (R12, R16). */
export type BaseSnapshot = ReminderFields & {
	/** The Task's `LastModifiedDate` when this base was taken ('' when not yet seen, e.g. right after a create). */
	lastModifiedDate: string;
	systemModstamp: string;
	/** The raw Salesforce `Status` last seen, so an `In Progress` is never overwritten by accident (R8). */
	sfStatus: string;
	sfPriority: string;
	/** R32: the Task's `IsReminderSet` last seen (absent on bases taken before R32: read as false). */
	sfReminderSet?: boolean;
};

export type Reminder = ReminderFields & {
	/** Local id (uuid). */
	id: string;
	/** `${orgId18}:${userId18}` or LOCAL_PARTITION (R2). */
	partition: string;
	/** The linked Task (00T…, 18 chars) once known. */
	taskId?: string;
	createdAt: number;
	updatedAt: number;
	/** Local edit time of each field, local clock (R16 compares it, corrected by the server offset). */
	editedAt: Partial<Record<SyncedField, number>>;
	origin: 'local' | 'salesforce';
	/** Never pushed to Salesforce (R5, R6). */
	localOnly: boolean;
	syncState: SyncState;
	error?: ReminderError;
	base?: BaseSnapshot;
	/** Soft-delete tombstone: hidden from the UI, kept until the delete is pushed (R14, R17). */
	deletedAt?: number;
	/** Set when the last merge overwrote a local value; the rep can look it up in `conflicts` (R16). */
	lastConflictAt?: number;
	/** R33: the names of `whoId`/`whatId` from the last pulled row (absent until pulled, or when none). */
	who?: RelatedRecord;
	what?: RelatedRecord;
	/**
	 * R32, not synced: the reminder time Salesforce alerts for — the Task's `IsReminderSet` was true with
	 * this `ReminderDateTime` when last seen, or Tickler sent it so — kept after Salesforce fired it.
	 */
	salesforceAlertsAt?: string;
	/** R32, not synced: Salesforce has fired its own reminder for `salesforceAlertsAt` (IsReminderSet went false). */
	firedInSalesforce?: boolean;
	/** R31: this computer's own alert record (never synced; see alerts/due-alerts.ts). */
	alert?: ReminderAlertRecord;
	/** R60: what Undo restores after a held Complete or Snooze (kept-values.ts). Not indexed. */
	heldEdit?: HeldEdit;
	/** R58: the rep's values that lost a conflict, until their choice (kept-values.ts; indexed, Dexie v4). */
	overruled?: Overruled;
};

/**
 * One durable, coalesced entry per reminder (R17). A create is recorded here the moment the reminder is
 * added: that is the create intent of R18.
 */
export type OutboxEntry = {
	reminderId: string;
	partition: string;
	/** The reminder has no Task yet and one must be created. */
	create: boolean;
	/**
	 * Recorded just before a create request leaves (R18): server-corrected time, the Subject and the field
	 * values sent. While set, the create is "in doubt": the next pull links a matching Task instead of
	 * creating it again; only after a complete pull finds none is it sent again.
	 */
	createSent?: {
		at: number;
		subject: string;
		fields: ReminderFields;
		/**
		 * The pull cursor when it was sent: the Task it may have created has a CreatedDate at or after it, so an
		 * older Task with the same Subject (e.g. one just deleted) is never taken for it. A Salesforce
		 * timestamp, free of local-clock error.
		 */
		cursor?: string | null;
	};
	/**
	 * Recorded just before an update request leaves (R16, R17): the values sent. While set, the update is
	 * "in doubt": the next pulled row of the Task counts a field equal to these as Tickler's own write, never
	 * as a Salesforce edit (merge.ts `sentInDoubt`). Cleared by any definite answer (outbox-lifecycle.ts).
	 */
	updateSent?: {
		/** Server-corrected time it was sent. */
		at: number;
		fields: Partial<ReminderFields>;
	};
	/** Fields changed locally since the last successful sync (R12). */
	fields: SyncedField[];
	/** The reminder was deleted locally; the Task must be deleted (R14). */
	delete: boolean;
	/**
	 * R43: local time (epoch ms) before which this entry's delete may not be pushed — the delete's time plus
	 * the Undo offer (outbox.ts DELETE_HOLD_MS). Written in the same transaction as the tombstone; absent on
	 * entries written before it existed, which are ready at once. Not indexed (no new Dexie version needed).
	 */
	notBefore?: number;
	/**
	 * R60: the entry holds a Complete or Snooze the UI offers to undo: like a held delete, it is not pushed
	 * before `notBefore` (outbox.ts readyAt). Not indexed.
	 */
	holdsEdit?: true;
	/** 1 = a permanent error parked it until the rep retries (R19). Number because IndexedDB can't index booleans. */
	parked: 0 | 1;
	/** Per-record transient failures so far, and when the next attempt may run (R19). */
	attempts: number;
	nextAttemptAt: number;
	enqueuedAt: number;
};

export type Checkpoint = {
	partition: string;
	/** Pull cursor: the greatest `SystemModstamp` fully applied (R13). */
	systemModstamp: string | null;
	/** Server time (ms) of the start of the last pull that reached the end of the changes. */
	lastPullAt?: number;
	/** Server time (ms) of the last reconciliation (R15). */
	lastReconciledAt?: number;
	/**
	 * R15: set by the complete pull that ends a gap longer than the deletion window (the server time of the
	 * complete pull before it), cleared only by the reconciliation that gap calls for. Written with the pull's
	 * own checkpoint, so a worker stopped between that pull and the reconciliation still owes it: without it,
	 * the next cycle saw a recent pull, skipped the reconciliation and took a purged Task for a hidden one
	 * (soak seed 367989294).
	 */
	gapSince?: number;
	/**
	 * R4/R6: unlinked Tasks last modified before this (server ms) are never imported. Fixed by the first
	 * sync (24 hours before that enabledAt), so a re-enabled partition continues from where it stopped.
	 */
	importFloor?: number;
	/** Local time tombstones of local-only reminders were last purged. */
	lastPurgeAt?: number;
};

export type TaskStatusValue = {apiName: string; label: string; isClosed: boolean; isDefault: boolean};
export type TaskPriorityValue = {apiName: string; label: string; isHighPriority: boolean; isDefault: boolean};

export type BudgetState = 'normal' | 'slow' | 'manual-only';

export type PartitionStatus = {
	phase: SyncPhase;
	pauseReason?: PauseReason;
	message?: string;
	lastSyncAt?: number;
	/** Earliest time the scheduler should run an automatic cycle again. */
	nextSyncAfter?: number;
	/** Persisted exponential backoff after transient failures (R19). */
	backoff?: {attempt: number; until: number};
	/** R21: how close the org is to its daily API allowance. */
	budget: BudgetState;
	/** R40: the last cycle failed on this computer's storage (full disk, IndexedDB refused); cleared by a good cycle. */
	localFailure?: LocalFailureKind;
};

export type Partition = {
	/** `${orgId18}:${userId18}` */
	id: string;
	orgId: string;
	userId: string;
	instanceHost: string;
	username: string;
	displayName: string;
	enabled: boolean;
	/** Local time sync was last enabled (R4). */
	enabledAt?: number;
	everEnabled: boolean;
	/** The "activity subject template" (R10). */
	subjectTemplate: string;
	/** R32: who alerts at reminder times (options page); absent = 'tickler'. */
	whoAlerts?: WhoAlerts;
	picklists?: {statuses: TaskStatusValue[]; priorities: TaskPriorityValue[]; fetchedAt: number};
	/** From `Sforce-Limit-Info` (R21). */
	apiUsage?: {used: number; limit: number; at: number};
	/** serverTime - localTime, measured from `Date` headers (R16). */
	clockOffsetMs: number;
	status: PartitionStatus;
};

/** What started a cycle; `session` is a new sign-in resuming a paused sync (R20). Only `manual` skips the budget gates (R21). */
export type SyncTrigger =
	| 'alarm'
	| 'manual'
	| 'local-change'
	| 'popup'
	| 'page-visit'
	| 'session'
	/** A change signal: the content script saw the rep save a record in Salesforce (issue 14, R13). */
	| 'salesforce-save';

export type SyncHistoryRow = {
	seq?: number;
	partition: string;
	/** `task-badge`: not a cycle but a Task page badge's own lookup, listed so its requests are counted (R38). */
	trigger: SyncTrigger | 'task-badge';
	startedAt: number;
	endedAt: number;
	outcome: 'ok' | 'skipped' | 'paused' | 'failed';
	pulled: number;
	pushed: number;
	deleted: number;
	conflicts: number;
	/** HTTP requests this cycle sent to Salesforce (R21; read by the benchmarks). */
	apiRequests: number;
	errors: Array<{code: string; message: string}>;
	/** Plain-language notes, e.g. why reconciliation removed reminders (R15). Never field values. */
	notes: string[];
};

export type ConflictRow = {
	seq?: number;
	partition: string;
	reminderId: string;
	taskId: string;
	field: SyncedField;
	overwritten: string | null; // the value that lost
	kept: string | null; // the value that won
	winner: 'local' | 'salesforce';
	at: number;
};

/** `enableRefused`: the org refused the browser session at a first enable (R28; accounts/sync-switch.ts). */
export type MetaRow = {key: 'activePartition'; value: string} | {key: 'enableRefused'; value: 'api-access-refused'};
