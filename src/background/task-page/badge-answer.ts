/**
 * The answer behind the badge on a Salesforce Task page (R24). Linked Tasks are answered from the store,
 * once the session signed in on that org is known to be the partition's own user (R2). For a Task not in
 * the store the worker may retrieve that one Task — one API request, bounded per Task and per tab (R38) —
 * to say why it is not linked (R1 scope, R4 import window). The content script receives this verdict
 * only: never the session, never other reminders (R25).
 */
import {classify, isApiAccessRefused} from '@/background/salesforce/errors.js';
import {to18} from '@/shared/record-ids.js';
import {soqlString} from '@/background/salesforce/soql.js';
import type {Identity, SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {beforeImportFloor, importFloor} from '@/background/sync/import-floor.js';
import {whyOutOfScope, type OutOfScope} from '@/background/sync/task-scope.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {isReadyToPush} from '@/shared/store/outbox.js';
import type {Partition, Reminder} from '@/shared/store/schema.js';
import type {TaskBadge} from '@/shared/types.js';
import type {Caller} from '../messaging/caller.js';
import {takeBadgeSpend, withBadgeLock} from './badge-allowance.js';
import {recordBadgeRequests} from './badge-usage.js';
import {type BadgeSession, connectToSession} from './badge-session.js';
import type {WorkerDbs} from '../worker-db.js';
import {recentVerdict, rememberVerdict} from './verdict-cache.js';
import {BADGE_COPY, OVERRULED_COPY, overruledFieldNames, overruledReplaced} from '@/shared/copy.js';

type NotLinked = Extract<TaskBadge, {state: 'not-linked'}>;

function notLinked(reason: NotLinked['reason'], message: string): TaskBadge {
	return {state: 'not-linked', reason, message};
}

/** Pure: the badge of a Task that has a reminder in the store. */
export function badgeForReminder(reminder: Reminder, partition: Partition): TaskBadge {
	const reminderName = reminder.name;
	if (reminder.deletedAt !== undefined) return notLinked('deleted', BADGE_COPY.deleted);
	// R58: the rep's edit lost to Salesforce's and waits for their choice, whatever else is pending: say which.
	if (reminder.overruled) {
		const message = `${overruledReplaced(overruledFieldNames(reminder.overruled))} ${OVERRULED_COPY.choose}`;
		return {state: 'conflict', reminderName, message};
	}
	switch (reminder.syncState) {
		case 'pending':
			return {state: 'pending', reminderName};
		case 'error':
			return {
				state: 'error',
				reminderName,
				message: reminder.error?.message ?? BADGE_COPY.errorFallback,
				...(reminder.error?.hint === undefined ? {} : {hint: reminder.error.hint}),
			};
		// A conflict is resolved when it is recorded (R16): the badge shows it as information, not as an error.
		case 'conflict':
			return {
				state: 'conflict',
				reminderName,
				message: BADGE_COPY.conflictResolved,
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
	IsClosed: boolean;
	LastModifiedDate: string;
};

/** What the badge says for each reason R1 leaves a Task out (task-scope.ts, the pull's own rule). */
const OUT_OF_SCOPE: Readonly<Record<OutOfScope, () => TaskBadge>> = {
	'not-owner': () => notLinked('owned-by-someone-else', BADGE_COPY.ownedBySomeoneElse),
	'not-a-reminder-type': () => notLinked('not-a-reminder-type', BADGE_COPY.notAReminderType),
	'recurring-series': () => notLinked('recurring-series', BADGE_COPY.recurringSeries),
	// Archived Tasks are not deletions, but the pull leaves them out (R1, R15): not a reminder to import.
	archived: () => notLinked('archived', BADGE_COPY.archived),
};

/**
 * Pure: why an unlinked Task is not a reminder, or undefined when the next pull imports it — by the pull's
 * own rules: R1 scope (task-scope.ts) and the R4 import floor (import-floor.ts) that `floor` is.
 */
export function whyNotLinked(
	row: TaskScopeRow | undefined,
	partition: Partition,
	floor: number,
): TaskBadge | undefined {
	if (!row) return notLinked('not-found', BADGE_COPY.notFound);
	const outOfScope = whyOutOfScope(row, partition.userId);
	if (outOfScope) return OUT_OF_SCOPE[outOfScope]();
	// R5: an open one the rep may add on purpose (add-to-tickler.ts); a closed one is no reminder to add.
	if (beforeImportFloor(row, floor) && row.IsClosed)
		return notLinked('closed-before-sync', BADGE_COPY.closedBeforeSync);
	if (beforeImportFloor(row, floor)) return notLinked('created-before-sync', BADGE_COPY.createdBeforeSync);
	return undefined;
}

export type BadgeOptions = {
	/** Who asked (messaging/caller.ts): a tab's content script draws on that tab's request allowance (R38). */
	caller?: Caller;
	/** Tests give their own session; the worker finds the rep's (badge-session.ts). */
	connect?: (partition: Partition) => Promise<BadgeSession | 'reconnect' | undefined>;
	now?: number;
};

const SIGNED_OUT = (): TaskBadge => notLinked('signed-out', BADGE_COPY.signedOut);
const LATER = (): TaskBadge => notLinked('not-found', BADGE_COPY.checkInAMoment);

/**
 * The badge of the Task in a tab's address. Answered only for the partition of the session signed in on
 * that org — its org and user (R2); a Task not in the store may cost one request to say why, at most once
 * per Task every VERDICT_TTL_MS and within the asking tab's allowance (R38), and whatever it spends is
 * counted with Tickler's API usage (badge-usage.ts, R21).
 */
export async function getTaskBadge(
	dbs: WorkerDbs,
	input: {host: string; taskId: string},
	options: BadgeOptions = {},
): Promise<TaskBadge> {
	const {db} = dbs;
	const now = options.now ?? Date.now();
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return notLinked('sync-off', BADGE_COPY.syncOff);
	if (toMyDomainHost(input.host) !== partition.instanceHost) {
		return notLinked('other-org', BADGE_COPY.otherOrg);
	}

	// A request is spent only if the tab still has allowance (own pages are not page-driven).
	const caller = options.caller;
	const maySpend = async (): Promise<boolean> =>
		caller?.kind !== 'tab' || (await takeBadgeSpend(`tab:${caller.tabId}`, now));
	const session = await (options.connect ?? (async (p: Partition) => connectToSession(dbs, p)))(partition);
	if (session === 'reconnect') return notLinked('signed-out', BADGE_COPY.reconnect);
	if (!session) return SIGNED_OUT();
	const sf = session.port;
	// R2: for an OAuth partition the browser session says who is signed in, the token looks Tasks up.
	const ports = session.identityPort === undefined ? [sf] : [sf, session.identityPort];
	const requestsBefore = ports.map(port => port.requestCount());
	try {
		// R2: whoever is signed in on this org must be the partition's user, or the badge says nothing of it.
		if (!session.identityKnown && !(await maySpend())) return LATER();
		let identity: Pick<Identity, 'orgId' | 'userId'>;
		try {
			identity = await (session.identityPort ?? sf).identity();
		} catch (error) {
			// An org that refuses browser sessions the API (R28, why the partition has a token): who is signed in
			// here cannot be asked, so nothing of the rep's reminder is shown — and the badge says why, not "sign in".
			if (isApiAccessRefused(error)) return notLinked('other-user', BADGE_COPY.userUnconfirmed);
			return classify(error) === 'auth' ? SIGNED_OUT() : LATER();
		}

		if (identity.orgId !== partition.orgId) {
			return notLinked('other-org', BADGE_COPY.otherOrg);
		}

		if (identity.userId !== partition.userId) {
			return notLinked('other-user', BADGE_COPY.otherUser);
		}

		const taskId = to18(input.taskId);
		const reminder = await db.reminders.where('[partition+taskId]').equals([partition.id, taskId]).first();
		if (reminder) return badgeForReminder(reminder, partition);
		return await lookUpUnlinked(db, sf, partition, taskId, now, maySpend);
	} finally {
		await recordBadgeRequests(db, partition.id, {
			requests: ports.reduce((sum, port, i) => sum + port.requestCount() - (requestsBefore[i] ?? 0), 0),
			apiUsage: sf.responseMeta().apiUsage ?? session.identityPort?.responseMeta().apiUsage,
			startedAt: now,
			endedAt: Date.now(),
		});
	}
}

/** Why a Task not in the store is not linked: from the cache, or — allowance permitting — one request. */
async function lookUpUnlinked(
	db: TicklerDb,
	sf: SalesforcePort,
	partition: Partition,
	taskId: string,
	now: number,
	maySpend: () => Promise<boolean>,
): Promise<TaskBadge> {
	const verdictKey = `${partition.id}:${taskId}`;
	// One lookup per Task at a time: a second ask waits for the first and reads its answer from the cache.
	return withBadgeLock(`tickler-badge:${verdictKey}`, async () => {
		const cached = await recentVerdict(verdictKey, now);
		if (cached) return cached;
		// R21: while the org is near its allowance, or sync is backing off, a badge is not worth a request.
		if (partition.status.budget !== 'normal' || (partition.status.backoff?.until ?? 0) > now) {
			return notLinked('not-found', BADGE_COPY.checkAtNextSync);
		}

		if (!(await maySpend())) return LATER();
		const verdict = await queryWhyNotLinked(db, sf, partition, taskId, now);
		// Every answer is kept, a failure too: a Task costs at most one request per VERDICT_TTL_MS (R38).
		await rememberVerdict(verdictKey, verdict, now);
		return verdict;
	});
}

async function queryWhyNotLinked(
	db: TicklerDb,
	sf: SalesforcePort,
	partition: Partition,
	taskId: string,
	now: number,
): Promise<TaskBadge> {
	// R4: the floor the pull keeps (the first sync's, also after a re-enable), as the pull computes it; before
	// the first sync, from enabledAt and the last clock offset measured.
	const floor = importFloor(
		await db.checkpoints.get(partition.id),
		partition.enabledAt ?? now,
		partition.clockOffsetMs,
	);
	try {
		// One request; the id passed the validator's 00T pattern and is escaped anyway (R27).
		const page = await sf.query<TaskScopeRow>(
			`SELECT Id, Subject, OwnerId, TaskSubtype, IsRecurrence, IsArchived, IsClosed, LastModifiedDate FROM Task WHERE Id = ${soqlString(taskId)}`,
			{includeDeleted: false},
		);
		const row = page.records[0];
		// In scope but not pulled yet: it becomes a reminder named after its Subject at the next sync (R4, R10).
		return whyNotLinked(row, partition, floor) ?? {state: 'pending', reminderName: row?.Subject ?? ''};
	} catch (error) {
		if (classify(error) === 'auth') return SIGNED_OUT();
		return notLinked('not-found', BADGE_COPY.couldNotCheck);
	}
}

/**
 * Whether a page visit to this Task should start a sync now: a Task not imported yet, or a linked reminder
 * whose change the next cycle pushes — not one waiting out its retry backoff, parked in error (R19, R21) or a
 * delete still held for Undo (R43): the push's own readiness (outbox.ts `isReadyToPush`).
 */
export async function taskReadyToSync(db: TicklerDb, taskId: string, now: number): Promise<boolean> {
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return false;
	const reminder = await db.reminders
		.where('[partition+taskId]')
		.equals([partition.id, to18(taskId)])
		.first();
	if (!reminder) return true;
	const entry = await db.outbox.get(reminder.id);
	return entry !== undefined && isReadyToPush(entry, now);
}
