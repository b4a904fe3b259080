import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {QueryPage, SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import {importFloor} from '@/background/sync/import-floor.js';
import {to18} from '@/shared/record-ids.js';
import {addReminder} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import type {Caller} from '../messaging/caller.js';
import {badgeForReminder, getTaskBadge, whyNotLinked} from './badge-answer.js';

// The worker's databases, fresh: no OAuth credentials (R28) unless a test stores some, so the browser session
// is used.
const dbs = openTestWorkerDbs('task-badge');
const {db, credentials: credentialsDb} = dbs;

const USER = '005000000000001AAA';
const PARTITION = `00D000000000001AAA:${USER}`;
const TASK = to18('00T000000000001'); // a real checksum, so the 15-character form maps to it
const OTHER_TASK = to18('00T000000000002');
const ARCHIVED_TASK = to18('00T000000000003');
const EXPIRED_TASK = to18('00T000000000004');
const NOW = Date.parse('2026-03-05T12:00:00.000Z');

function partition(overrides: Partial<Partition> = {}): Partition {
	return {
		id: PARTITION,
		orgId: '00D000000000001AAA',
		userId: USER,
		instanceHost: 'acme.my.salesforce.com',
		username: 'rep',
		displayName: 'Rep',
		enabled: true,
		enabledAt: NOW,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		status: {phase: 'idle', budget: 'normal', lastSyncAt: NOW},
		...overrides,
	};
}

const row = (extra: Record<string, unknown> = {}) => ({
	Id: TASK,
	Subject: 'Call Ana',
	OwnerId: USER,
	TaskSubtype: 'Task',
	IsRecurrence: false,
	IsArchived: false,
	IsClosed: false,
	LastModifiedDate: '2026-03-05T10:00:00.000+0000',
	...extra,
});

type FakePort = SalesforcePort & {soql: string[]; requests: () => number};

/** A port that answers the Task query with `result`; signed in as `identity` (the partition's user by default). */
function fakePort(
	result: unknown[] | Error,
	identity: {orgId: string; userId: string} = {orgId: '00D000000000001AAA', userId: USER},
	apiUsage?: {used: number; limit: number},
): FakePort {
	const soql: string[] = [];
	let requests = 0;
	return {
		soql,
		requests: () => requests,
		async identity() {
			requests++;
			return {...identity, username: 'rep', displayName: 'Rep', instanceHost: 'acme.my.salesforce.com'};
		},
		async query<T>(query: string): Promise<QueryPage<T>> {
			requests++;
			soql.push(query);
			if (result instanceof Error) throw result;
			return {records: result as T[], done: true, totalSize: result.length};
		},
		requestCount: () => requests,
		responseMeta: () => (apiUsage === undefined ? {} : {apiUsage}),
	} as unknown as FakePort;
}

/** Badge options on a session whose identity is already cached (free), unless `identityKnown` is false. */
function via(port: SalesforcePort, extra: {identityKnown?: boolean; caller?: Caller; now?: number} = {}) {
	const {identityKnown = true, ...rest} = extra;
	return {
		connect: async () => ({port, identityKnown}),
		...rest,
	};
}

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
});
afterEach(() => {
	vi.restoreAllMocks();
});

/** R4: the first sync's floor of `partition()`: 24 hours before it was enabled (import-floor.ts). */
const FIRST_FLOOR = importFloor(undefined, NOW, 0);

test.each([
	['owned by someone else', {OwnerId: '005000000000002AAA'}, 'owned-by-someone-else'],
	['a logged email', {TaskSubtype: 'Email'}, 'not-a-reminder-type'],
	['a recurring series', {IsRecurrence: true}, 'recurring-series'],
	['last changed before the import window', {LastModifiedDate: '2026-03-03T10:00:00.000+0000'}, 'created-before-sync'],
	// R5: an older Task the rep may add is open; a closed one is said so, with no "Add to Tickler".
	[
		'closed and last changed before the import window',
		{LastModifiedDate: '2026-03-03T10:00:00.000+0000', IsClosed: true},
		'closed-before-sync',
	],
] as const)('R1/R4/R24: a Task %s is not linked, and says why', (_label, extra, reason) => {
	expect(whyNotLinked(row(extra), partition(), FIRST_FLOOR)).toMatchObject({state: 'not-linked', reason});
});

test('R24: an in-scope Task is not "not linked"; a missing one is not found', () => {
	expect(whyNotLinked(row(), partition(), FIRST_FLOOR)).toBeUndefined();
	expect(whyNotLinked(undefined, partition(), FIRST_FLOOR)).toMatchObject({reason: 'not-found'});
});

test('R24: a linked reminder’s badge follows its sync state', async () => {
	const reminder = {...(await addReminder(db, {name: 'Call Ana'})), taskId: TASK};
	expect(badgeForReminder({...reminder, syncState: 'synced'}, partition())).toEqual({
		state: 'synced',
		reminderName: 'Call Ana',
		lastSyncedAt: new Date(NOW).toISOString(),
	});
	expect(badgeForReminder({...reminder, syncState: 'pending'}, partition())).toEqual({
		state: 'pending',
		reminderName: 'Call Ana',
	});
	expect(
		badgeForReminder(
			{...reminder, syncState: 'error', error: {code: 'X', message: 'Refused', hint: 'Fix it'}},
			partition(),
		),
	).toEqual({
		state: 'error',
		reminderName: 'Call Ana',
		message: 'Refused',
		hint: 'Fix it',
	});
	expect(badgeForReminder({...reminder, syncState: 'conflict'}, partition())).toMatchObject({state: 'conflict'});
	// R58: an overruled edit is said on the badge by field, even while another edit of the rep's is pending.
	const overruled = {at: NOW, mine: {details: 'ask about budget', dueDate: '2026-12-09'}, theirs: {}};
	expect(badgeForReminder({...reminder, syncState: 'pending', overruled}, partition())).toEqual({
		state: 'conflict',
		reminderName: 'Call Ana',
		message: 'Salesforce’s later edit replaced yours: Details, Due date. Open Tickler to keep yours or Salesforce’s.',
	});
	expect(badgeForReminder({...reminder, deletedAt: NOW}, partition())).toMatchObject({
		state: 'not-linked',
		reason: 'deleted',
	});
});

test('R24: sync off, another org, and a linked Task need no request', async () => {
	const port = fakePort([]);
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, via(port))).toMatchObject({
		reason: 'sync-off',
	});
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	expect(await getTaskBadge(dbs, {host: 'beta.lightning.force.com', taskId: TASK}, via(port))).toMatchObject({
		reason: 'other-org',
	});
	const reminder = await addReminder(db, {name: 'Linked'});
	await db.reminders.update(reminder.id, {taskId: TASK, syncState: 'synced'});
	// The 15-character id of a Classic URL finds the same reminder.
	expect(await getTaskBadge(dbs, {host: 'acme.my.salesforce.com', taskId: TASK.slice(0, 15)}, via(port))).toMatchObject(
		{
			state: 'synced',
			reminderName: 'Linked',
		},
	);
	expect(port.soql).toEqual([]);
});

test('R21/R24: a Task not in the store costs one request, which says why it is not linked', async () => {
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	const theirs = fakePort([row({OwnerId: '005000000000002AAA'})]);
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, via(theirs))).toMatchObject({
		reason: 'owned-by-someone-else',
	});
	expect(theirs.soql).toHaveLength(1);
	expect(theirs.soql[0]).toContain(`WHERE Id = '${TASK}'`);
	// The badge re-asks every 15 s: the verdict is remembered, so asking again costs no request (R21).
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, via(theirs))).toMatchObject({
		reason: 'owned-by-someone-else',
	});
	expect(theirs.soql).toHaveLength(1);
	// In scope but not pulled yet: it arrives with the next sync, named after its Subject (R10).
	expect(
		await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: OTHER_TASK}, via(fakePort([row()]))),
	).toEqual({
		state: 'pending',
		reminderName: 'Call Ana',
	});
	// Archived Tasks are left out of the pull (R1, R15), so they are not linked rather than forever pending.
	const archived = fakePort([row({IsArchived: true})]);
	expect(
		await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: ARCHIVED_TASK}, via(archived)),
	).toMatchObject({
		reason: 'archived',
	});
	const expired = fakePort(new SalesforceApiError('INVALID_SESSION_ID', 'Session expired or invalid', {status: 401}));
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: EXPIRED_TASK}, via(expired))).toMatchObject(
		{
			reason: 'signed-out',
		},
	);
});

test('R21: near the org allowance a Task not in the store costs no request', async () => {
	await db.partitions.put(partition({status: {phase: 'idle', budget: 'slow'}}));
	await db.meta.put({key: 'activePartition', value: PARTITION});
	const port = fakePort([row()]);
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, via(port))).toMatchObject({
		state: 'not-linked',
	});
	expect(port.soql).toHaveLength(0);
});

test('R20: without a session cookie the badge says to sign in', async () => {
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK})).toMatchObject({
		state: 'not-linked',
		reason: 'signed-out',
	});
});

test('R2: a linked Task’s badge is answered only to the partition’s own user, signed in on its org', async () => {
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	const reminder = await addReminder(db, {name: 'Linked'}, {partition: PARTITION});
	await db.reminders.update(reminder.id, {taskId: TASK, syncState: 'synced'});
	const ask = async (options: Parameters<typeof getTaskBadge>[2]) =>
		getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, options);
	// Signed out: no session on the org, so nothing about the rep's reminders is shown.
	expect(await ask({connect: async () => undefined})).toMatchObject({state: 'not-linked', reason: 'signed-out'});
	// Another user on the same My Domain.
	const colleague = fakePort([], {orgId: '00D000000000001AAA', userId: '005000000000002AAA'});
	expect(await ask(via(colleague))).toMatchObject({state: 'not-linked', reason: 'other-user'});
	// Another org's session behind the same host name (e.g. a refreshed sandbox).
	const otherOrg = fakePort([], {orgId: '00D000000000009AAA', userId: USER});
	expect(await ask(via(otherOrg))).toMatchObject({state: 'not-linked', reason: 'other-org'});
	// The partition's own user: the reminder's state.
	expect(await ask(via(fakePort([])))).toMatchObject({state: 'synced', reminderName: 'Linked'});
	expect(colleague.soql).toEqual([]);
});

test('R21/R38: a badge lookup is counted: the org’s usage from its response, and a history row with its requests', async () => {
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	const port = fakePort([row({OwnerId: '005000000000002AAA'})], undefined, {used: 12_500, limit: 15_000});
	await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK}, via(port, {identityKnown: false}));
	const stored = await db.partitions.get(PARTITION);
	expect(stored?.apiUsage).toMatchObject({used: 12_500, limit: 15_000});
	// Above 80 %, the schedule slows down (R21) — the badge's own response can tell it so.
	expect(stored?.status.budget).toBe('slow');
	const history = await db.syncHistory.toArray();
	expect(history).toHaveLength(1);
	expect(history[0]).toMatchObject({trigger: 'task-badge', apiRequests: 2, partition: PARTITION});
});

test('R28: a partition whose OAuth refresh was refused says "Reconnect", and sends nothing', async () => {
	await credentialsDb.tokens.put({
		partition: PARTITION,
		host: 'acme.my.salesforce.com',
		instanceHost: 'acme.my.salesforce.com',
		clientId: '3MVG9clientid',
		accessToken: 'expired',
		connectedAt: NOW,
		needsReconnect: true,
	});
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
	expect(await getTaskBadge(dbs, {host: 'acme.lightning.force.com', taskId: TASK})).toEqual({
		state: 'not-linked',
		reason: 'signed-out',
		message: 'Reconnect to Salesforce to resume sync.',
	});
	await credentialsDb.tokens.clear();
});
