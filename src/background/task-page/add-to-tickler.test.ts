import {beforeEach, expect, test} from 'vitest';
import {picklists as orgPicklists} from '../../../test/fakes/row-facts.js';
import type {QueryPage, SalesforcePort, TaskRow} from '@/background/salesforce/salesforce-port.js';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import {importedReminder} from '@/background/sync/pulled-reminder.js';
import {to18} from '@/shared/record-ids.js';
import type {Partition} from '@/shared/store/schema.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {chargeTab} from '../remind-me/remind-about-record.js';
import {addTaskToTickler, AddRefusedError} from './add-to-tickler.js';
import {TAB_SPENDS_PER_WINDOW} from './badge-allowance.js';

const dbs = openTestWorkerDbs('add-to-tickler');
const {db} = dbs;

const ORG = '00D000000000001AAA';
const USER = '005000000000001AAA';
const PARTITION = `${ORG}:${USER}`;
const TASK = to18('00T000000000001');
const NOW = Date.parse('2026-03-05T12:00:00.000Z');
const HOST = 'acme.lightning.force.com';
// The org's picklists as the row-decision tests know them, read at NOW.
const picklists = {...orgPicklists, fetchedAt: NOW};

function partition(overrides: Partial<Partition> = {}): Partition {
	return {
		id: PARTITION,
		orgId: ORG,
		userId: USER,
		instanceHost: 'acme.my.salesforce.com',
		username: 'rep',
		displayName: 'Rep',
		enabled: true,
		enabledAt: NOW,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		picklists,
		status: {phase: 'idle', budget: 'normal', lastSyncAt: NOW},
		...overrides,
	};
}

/** An older Task of the rep's, open, last changed a week before sync was turned on (R4 left it out). */
const olderTask = (extra: Partial<TaskRow> = {}): TaskRow => ({
	Id: TASK,
	Subject: 'Call Dan about the budget',
	Status: 'Not Started',
	Priority: 'High',
	ActivityDate: '2026-03-09',
	Description: 'ask about budget',
	ReminderDateTime: null,
	IsReminderSet: false,
	OwnerId: USER,
	TaskSubtype: 'Task',
	IsRecurrence: false,
	IsArchived: false,
	IsDeleted: false,
	IsClosed: false,
	CreatedDate: '2026-02-20T10:00:00.000+0000',
	LastModifiedDate: '2026-02-26T10:00:00.000+0000',
	SystemModstamp: '2026-02-26T10:00:00.000+0000',
	WhoId: null,
	WhatId: null,
	...extra,
});

type FakePort = SalesforcePort & {soql: string[]};

function fakePort(result: TaskRow[] | Error, identity = {orgId: ORG, userId: USER}): FakePort {
	const soql: string[] = [];
	let requests = 0;
	return {
		soql,
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
		responseMeta: () => ({}),
	} as unknown as FakePort;
}

const via = (port: SalesforcePort, extra: Record<string, unknown> = {}) => ({
	connect: async () => ({port, identityKnown: true}),
	now: NOW,
	newId: () => 'added-1',
	...extra,
});

const add = async (options: Parameters<typeof addTaskToTickler>[2], taskId = TASK) =>
	addTaskToTickler(dbs, {host: HOST, taskId}, options);

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: PARTITION});
});

test('R5/R4: an older open Task of the rep’s becomes the reminder a pull would import, for one request', async () => {
	const port = fakePort([olderTask()]);
	const now = Date.now(); // the history keeps 30 days back from the clock (R23)
	expect(await add(via(port, {now}), TASK.slice(0, 15))).toEqual({id: 'added-1'});
	// One retrieve of that one Task, with every field the pull reads.
	expect(port.soql).toHaveLength(1);
	expect(port.soql[0]).toContain(`WHERE Id = '${TASK}'`);
	expect(port.soql[0]).toContain('Description');
	expect(port.soql[0]).toContain('Who.Name');
	const stored = await db.reminders.get('added-1');
	const pulled = importedReminder(olderTask(), {partitionId: PARTITION, picklists, now, newId: () => 'added-1'});
	expect(stored).toEqual(pulled);
	expect(stored).toMatchObject({
		taskId: TASK,
		name: 'Call Dan about the budget',
		dueDate: '2026-03-09',
		priority: 'high',
		details: 'ask about budget',
		syncState: 'synced',
		localOnly: false,
	});
	// Nothing to push: the reminder is the Task as read (no second Task in Salesforce, R18).
	expect(await db.outbox.count()).toBe(0);
	// Counted with Tickler's API usage, like the badge's own lookup (R21).
	expect(await db.syncHistory.toArray()).toMatchObject([
		{trigger: 'task-badge', apiRequests: 2, notes: [expect.stringMatching(/^A Task page badge added an older Task/)]},
	]);
});

test('R5: asked again for a Task already linked (an answer lost, a second click), the same reminder at no cost', async () => {
	await add(via(fakePort([olderTask()])));
	const again = fakePort([olderTask()]);
	let charged = 0;
	expect(
		await add(
			via(again, {
				newId: () => 'added-2',
				charge: async () => {
					charged++;
				},
			}),
		),
	).toEqual({id: 'added-1'});
	expect(again.soql).toEqual([]);
	expect(charged).toBe(0);
	expect(await db.reminders.count()).toBe(1);
});

test.each([
	['a colleague’s Task', {OwnerId: '005000000000002AAA'}, 'This Task is owned by someone else'],
	['a closed Task', {IsClosed: true, Status: 'Completed'}, 'only open Tasks can be added'],
	['a logged call', {TaskSubtype: 'Call'}, 'are not reminders'],
	['a recurring series', {IsRecurrence: true}, 'recurring series'],
	['an archived Task', {IsArchived: true}, 'archived'],
] as const)('R1/R5: %s is refused with the badge’s reason, and nothing is stored', async (_label, extra, words) => {
	const refusal = add(via(fakePort([olderTask(extra)])));
	await expect(refusal).rejects.toThrow(AddRefusedError);
	await expect(refusal).rejects.toThrow(words);
	expect(await db.reminders.count()).toBe(0);
});

test('R1: a Task Tickler cannot see is refused as not found', async () => {
	await expect(add(via(fakePort([])))).rejects.toThrow('Tickler cannot see this Task');
	expect(await db.reminders.count()).toBe(0);
});

test('R2: only the partition’s own user, signed in on its org, may add; sync off or another org asks nothing', async () => {
	const colleague = fakePort([olderTask()], {orgId: ORG, userId: '005000000000002AAA'});
	await expect(add(via(colleague))).rejects.toThrow('another user');
	expect(colleague.soql).toEqual([]);
	await expect(add(via(fakePort([olderTask()], {orgId: '00D000000000009AAA', userId: USER})))).rejects.toThrow(
		'another Salesforce org',
	);
	await expect(add({connect: async () => undefined, now: NOW})).rejects.toThrow('Sign in to Salesforce');
	const port = fakePort([olderTask()]);
	await expect(addTaskToTickler(dbs, {host: 'beta.lightning.force.com', taskId: TASK}, via(port))).rejects.toThrow(
		'another Salesforce org',
	);
	await db.partitions.update(PARTITION, {enabled: false});
	await expect(add(via(port))).rejects.toThrow('Turn on sync');
	expect(port.soql).toEqual([]);
	expect(await db.reminders.count()).toBe(0);
});

test('R20: an expired session says to sign in; another failure says to try again, and nothing is stored', async () => {
	const expired = fakePort(new SalesforceApiError('INVALID_SESSION_ID', 'Session expired or invalid', {status: 401}));
	await expect(add(via(expired))).rejects.toThrow('Sign in to Salesforce');
	await expect(add(via(fakePort(new Error('socket hang up'))))).rejects.toThrow('Try again in a minute');
	expect(await db.reminders.count()).toBe(0);
});

test('R8/R9: before the first sync read the org’s picklists, Add waits for it and sends nothing', async () => {
	const {picklists: _none, ...unread} = partition();
	await db.partitions.put(unread);
	const port = fakePort([olderTask()]);
	await expect(add(via(port))).rejects.toThrow('once its first sync has finished');
	expect(port.soql).toEqual([]);
});

test('R52: a tab pays from the allowance "Remind me" draws on, and is refused in words when it is spent', async () => {
	const tab = {kind: 'tab', tabId: 7, url: `https://${HOST}/lightning/r/Task/${TASK}/view`, frameId: 0} as const;
	const charge = async () => chargeTab(tab, NOW);
	for (let spent = 0; spent < TAB_SPENDS_PER_WINDOW; spent++) await charge();
	const port = fakePort([olderTask()]);
	await expect(add(via(port, {charge}))).rejects.toThrow('Too many reminders from this tab');
	expect(port.soql).toEqual([]);
	expect(await db.reminders.count()).toBe(0);
});
