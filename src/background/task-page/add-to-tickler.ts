/**
 * "Add to Tickler" on the badge of an older Task (R5, R4): a Task of the rep's that the first sync's 24-hour
 * window left out becomes a reminder only on the rep's word, as a local-only reminder goes up only on theirs
 * (R5, R44). The content script runs beside an untrusted page, so the worker checks everything itself:
 * message-rules.ts takes only the Task in the asking tab's own address, from its top frame (R38); the content
 * script sends only on the rep's trusted click (R52); here, sync must be on for that org, the session signed in
 * there must be the partition's own user (R2), the tab pays from the allowance "Remind me" draws on (R52), and
 * the Task must be in scope (R1: the rep's own, a Task, not a series, not archived) and open.
 *
 * The import is the pull's own (sync/pulled-reminder.ts `importedReminder`): a synced reminder linked to the
 * Task, its base the row as read, so the next pull merges into it rather than making a second one, and later
 * edits on either side sync both ways. It costs one request: a retrieve of that one Task with the pull's fields.
 */
import {classify, isApiAccessRefused} from '@/background/salesforce/errors.js';
import {TASK_FIELDS, TASK_RELATED_FIELDS, type TaskRow} from '@/background/salesforce/salesforce-port.js';
import {soqlString} from '@/background/salesforce/soql.js';
import {importedReminder} from '@/background/sync/pulled-reminder.js';
import {whyOutOfScope} from '@/background/sync/task-scope.js';
import {ADD_TASK_COPY, BADGE_COPY, REMIND_REFUSAL_COPY} from '@/shared/copy.js';
import type {Input} from '@/shared/messages.js';
import {to18} from '@/shared/record-ids.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {Partition} from '@/shared/store/schema.js';
import type {WorkerDbs} from '../worker-db.js';
import {type BadgeSession, connectToSession} from './badge-session.js';
import {recordBadgeRequests} from './badge-usage.js';

/** A refusal the badge's card shows the rep as it is. */
export class AddRefusedError extends Error {
	override name = 'AddRefusedError';
}

export type AddOptions = {
	/** R52: takes one from the asking tab's allowance, or throws the words to show (remind-about-record.ts chargeTab). */
	charge?: () => Promise<void>;
	/** Tests give their own session; the worker finds the rep's (badge-session.ts). */
	connect?: (partition: Partition) => Promise<BadgeSession | 'reconnect' | undefined>;
	now?: number;
	newId?: () => string;
};

/** What R1 says of a Task that is not one of the rep's reminders, in the badge's own words. */
const OUT_OF_SCOPE_WORDS = {
	'not-owner': () => BADGE_COPY.ownedBySomeoneElse,
	'not-a-reminder-type': () => BADGE_COPY.notAReminderType,
	'recurring-series': () => BADGE_COPY.recurringSeries,
	archived: () => BADGE_COPY.archived,
} as const;

/** Why `row` may not be added, in words; undefined when it may (R1 scope, open). */
export function whyNotAddable(row: TaskRow | undefined, userId: string): string | undefined {
	if (row === undefined || row.IsDeleted) return BADGE_COPY.notFound;
	const outOfScope = whyOutOfScope(row, userId);
	if (outOfScope !== undefined) return OUT_OF_SCOPE_WORDS[outOfScope]();
	if (row.IsClosed) return BADGE_COPY.closedBeforeSync;
	return undefined;
}

/** The Task's linked reminder in the partition, if it has one. */
async function linkedReminderId(db: TicklerDb, partitionId: string, taskId: string): Promise<string | undefined> {
	return (await db.reminders.where('[partition+taskId]').equals([partitionId, taskId]).first())?.id;
}

/** R2: the session signed in on the org here must be the partition's own user; else the words why not. */
async function checkWhoIsSignedIn(session: BadgeSession, partition: Partition): Promise<void> {
	let identity;
	try {
		identity = await (session.identityPort ?? session.port).identity();
	} catch (error) {
		if (isApiAccessRefused(error)) throw new AddRefusedError(BADGE_COPY.userUnconfirmed);
		throw new AddRefusedError(classify(error) === 'auth' ? BADGE_COPY.signedOut : ADD_TASK_COPY.failed);
	}

	if (identity.orgId !== partition.orgId) throw new AddRefusedError(BADGE_COPY.otherOrg);
	if (identity.userId !== partition.userId) throw new AddRefusedError(BADGE_COPY.otherUser);
}

/** The one request: the Task with the fields the pull reads (pull.ts), by its id (escaped anyway, R27). */
async function retrieveTask(session: BadgeSession, taskId: string): Promise<TaskRow | undefined> {
	try {
		const page = await session.port.query<TaskRow>(
			`SELECT ${[...TASK_FIELDS, ...TASK_RELATED_FIELDS].join(', ')} FROM Task WHERE Id = ${soqlString(taskId)}`,
			{includeDeleted: false},
		);
		const row = page.records[0];
		return row === undefined ? undefined : {...row, Id: to18(row.Id), OwnerId: to18(row.OwnerId)};
	} catch (error) {
		throw new AddRefusedError(classify(error) === 'auth' ? BADGE_COPY.signedOut : ADD_TASK_COPY.failed);
	}
}

/**
 * Links the Task `input` names to a new reminder, imported as the pull would; its id. Asked again for a Task
 * already linked (an answer lost, a second click), the same reminder, at no cost.
 */
export async function addTaskToTickler(
	dbs: WorkerDbs,
	input: Input<'addTaskToTickler'>,
	options: AddOptions = {},
): Promise<{id: string}> {
	const {db} = dbs;
	const now = options.now ?? Date.now();
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) throw new AddRefusedError(REMIND_REFUSAL_COPY.syncOff);
	if (toMyDomainHost(input.host) !== partition.instanceHost) throw new AddRefusedError(REMIND_REFUSAL_COPY.otherOrg);
	const taskId = to18(input.taskId);
	const linked = await linkedReminderId(db, partition.id, taskId);
	if (linked !== undefined) return {id: linked};
	// The org's Task picklists map Status and Priority as the pull does (R8, R9); the first sync reads them.
	const picklists = partition.picklists;
	if (picklists === undefined) throw new AddRefusedError(ADD_TASK_COPY.afterFirstSync);
	const session = await (options.connect ?? (async (p: Partition) => connectToSession(dbs, p)))(partition);
	if (session === 'reconnect') throw new AddRefusedError(BADGE_COPY.reconnect);
	if (session === undefined) throw new AddRefusedError(BADGE_COPY.signedOut);
	await options.charge?.();
	const ports = session.identityPort === undefined ? [session.port] : [session.port, session.identityPort];
	const requestsBefore = ports.map(port => port.requestCount());
	try {
		await checkWhoIsSignedIn(session, partition);
		const row = await retrieveTask(session, taskId);
		const refusal = whyNotAddable(row, partition.userId);
		if (refusal !== undefined || row === undefined) throw new AddRefusedError(refusal);
		const newId = options.newId ?? (() => crypto.randomUUID());
		return await db.transaction('rw', db.reminders, async () => {
			// A pull that imported it meanwhile (the Task changed since): that reminder, never a second (R4).
			const already = await linkedReminderId(db, partition.id, taskId);
			if (already !== undefined) return {id: already};
			const reminder = importedReminder(row, {partitionId: partition.id, picklists, now, newId});
			await db.reminders.add(reminder);
			return {id: reminder.id};
		});
	} finally {
		await recordBadgeRequests(
			db,
			partition.id,
			{
				requests: ports.reduce((sum, port, i) => sum + port.requestCount() - (requestsBefore[i] ?? 0), 0),
				apiUsage: session.port.responseMeta().apiUsage ?? session.identityPort?.responseMeta().apiUsage,
				startedAt: now,
				endedAt: Date.now(),
			},
			'add',
		);
	}
}
