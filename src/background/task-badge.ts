/**
 * The answer behind the badge on a Salesforce Task page (R24). Linked Tasks are answered from the store.
 * For a Task not in the store the worker may retrieve that one Task — one API request, only on a page
 * visit — to say why it is not linked (R1 scope, R4 import window). The content script receives this
 * verdict only: never the session, never other reminders (R25).
 */
import {classify} from '@/background/salesforce/errors.js';
import {to18} from '@/background/salesforce/ids.js';
import {parseSalesforceDateTime, soqlString} from '@/background/salesforce/soql.js';
import type {SalesforcePort} from '@/background/salesforce/port.js';
import {DAY_MS} from '@/background/sync/context.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/queries.js';
import type {Partition, Reminder} from '@/shared/store/schema.js';
import type {TaskBadge} from '@/shared/types.js';
import {db} from './db.js';
import {credentialsForPartition} from './engine-deps.js';
import {recentVerdict, rememberVerdict} from './task-verdicts.js';

type NotLinked = Extract<TaskBadge, {state: 'not-linked'}>;

function notLinked(reason: NotLinked['reason'], message: string): TaskBadge {
	return {state: 'not-linked', reason, message};
}

/** Pure: the badge of a Task that has a reminder in the store. */
export function badgeForReminder(reminder: Reminder, partition: Partition): TaskBadge {
	const reminderName = reminder.name;
	if (reminder.deletedAt !== undefined)
		return notLinked('deleted', 'You deleted this reminder in Tickler; the Task is deleted at the next sync.');
	switch (reminder.syncState) {
		case 'pending':
			return {state: 'pending', reminderName};
		case 'error':
			return {
				state: 'error',
				reminderName,
				message: reminder.error?.message ?? 'Salesforce refused the last change.',
				...(reminder.error?.hint === undefined ? {} : {hint: reminder.error.hint}),
			};
		case 'conflict':
			return {
				state: 'conflict',
				reminderName,
				message:
					'Both sides changed the same field; the later edit was kept. Tickler’s settings show what was overwritten.',
			};
		case 'synced':
		case 'local-only':
			return {
				state: 'synced',
				reminderName,
				lastSyncedAt: new Date(partition.status.lastSyncAt ?? reminder.updatedAt).toISOString(),
			};
	}
}

type TaskScopeRow = {
	Id: string;
	Subject: string | null;
	OwnerId: string;
	TaskSubtype: string | null;
	IsRecurrence: boolean;
	IsArchived: boolean;
	LastModifiedDate: string;
};

/** Pure: why an unlinked Task is not a reminder (R1, R4), or undefined when it is in scope. */
export function whyNotLinked(row: TaskScopeRow | undefined, partition: Partition): TaskBadge | undefined {
	if (!row) return notLinked('not-found', 'Tickler cannot see this Task: it may be deleted or not shared with you.');
	if (to18(row.OwnerId) !== partition.userId)
		return notLinked('owned-by-someone-else', 'This Task is owned by someone else; Tickler syncs only your own Tasks.');
	if (row.TaskSubtype !== 'Task')
		return notLinked(
			'not-a-reminder-type',
			'Logged emails, calls and other activity types are not reminders, so Tickler leaves them out.',
		);
	if (row.IsRecurrence)
		return notLinked('recurring-series', 'This is a recurring series; Tickler syncs single Tasks only.');
	// Archived Tasks are not deletions, but the pull leaves them out (R1, R15): not a reminder to import.
	if (row.IsArchived) return notLinked('archived', 'This Task is archived in Salesforce, so Tickler leaves it out.');
	const floor = (partition.enabledAt ?? 0) + partition.clockOffsetMs - DAY_MS;
	if (parseSalesforceDateTime(row.LastModifiedDate) < floor) {
		return notLinked(
			'created-before-sync',
			'This Task was last changed before sync was turned on; only Tasks changed in the 24 hours before are imported.',
		);
	}

	return undefined;
}

export async function getTaskBadge(input: {host: string; taskId: string}, port?: SalesforcePort): Promise<TaskBadge> {
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return notLinked('sync-off', 'Sync is off — turn it on in Tickler’s settings.');
	if (toMyDomainHost(input.host) !== partition.instanceHost) {
		return notLinked('other-org', 'This Task belongs to another Salesforce org than the one Tickler syncs.');
	}

	const taskId = to18(input.taskId);
	const reminder = await db.reminders.where('[partition+taskId]').equals([partition.id, taskId]).first();
	if (reminder) return badgeForReminder(reminder, partition);

	const now = Date.now();
	const verdictKey = `${partition.id}:${taskId}`;
	const cached = await recentVerdict(verdictKey, now);
	if (cached) return cached;
	// R21: while the org is near its allowance, or sync is backing off, a badge is not worth a request.
	if (partition.status.budget !== 'normal' || (partition.status.backoff?.until ?? 0) > now) {
		return notLinked('not-found', 'Tickler will check this Task at its next sync.');
	}

	let sf = port;
	if (!sf) {
		// R28: the partition's OAuth token when it has one, else the browser session of its host.
		const credentials = await credentialsForPartition(partition);
		if (credentials.kind === 'reconnect') return notLinked('signed-out', 'Reconnect to Salesforce to resume sync.');
		if (!credentials.port) return notLinked('signed-out', 'Sign in to Salesforce to resume sync.');
		sf = credentials.port;
	}

	try {
		// One request; the id passed the validator's 00T pattern and is escaped anyway (R27).
		const page = await sf.query<TaskScopeRow>(
			`SELECT Id, Subject, OwnerId, TaskSubtype, IsRecurrence, IsArchived, LastModifiedDate FROM Task WHERE Id = ${soqlString(taskId)}`,
			{includeDeleted: false},
		);
		const row = page.records[0];
		const verdict = whyNotLinked(row, partition);
		if (verdict) {
			await rememberVerdict(verdictKey, verdict, now);
			return verdict;
		}

		// In scope but not pulled yet: it becomes a reminder named after its Subject at the next sync (R4, R10).
		return {state: 'pending', reminderName: row?.Subject ?? ''};
	} catch (error) {
		if (classify(error) === 'auth') return notLinked('signed-out', 'Sign in to Salesforce to resume sync.');
		return notLinked('not-found', 'Tickler could not check this Task right now.');
	}
}

/**
 * Whether a page visit to this Task should start a sync now: a Task not imported yet, or a linked reminder
 * whose change is ready to push — not one waiting out its retry backoff or parked in error (R19, R21).
 */
export async function taskReadyToSync(taskId: string, now: number): Promise<boolean> {
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return false;
	const reminder = await db.reminders
		.where('[partition+taskId]')
		.equals([partition.id, to18(taskId)])
		.first();
	if (!reminder) return true;
	const entry = await db.outbox.get(reminder.id);
	return entry !== undefined && entry.parked === 0 && entry.nextAttemptAt <= now;
}
