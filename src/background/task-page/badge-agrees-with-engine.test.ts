/**
 * The Task-page badge promises what the engine will do (issue 18 "one source per rule"): a Task it calls
 * "pending" (not pulled yet, in scope) is imported by the next cycle and one it calls "not linked" is not
 * (R1 scope, R4 import floor); a linked Task it calls ready to sync is one the next cycle's push sends, and
 * none other (R19 retry wait and parking, R43 a delete held for Undo). Each case runs the badge's real answer
 * and then the real engine cycle on the same store, so any rule the two sides came to read differently fails.
 */
import fc from 'fast-check';
import {afterAll, beforeEach, expect, test} from 'vitest';
import type {QueryPage, SalesforcePort, TaskRow} from '@/background/salesforce/salesforce-port.js';
import {enableSync} from '@/background/sync/enable.js';
import {runSyncCycle} from '@/background/sync/engine.js';
import type {SyncDeps} from '@/background/sync/engine-ports.js';
import {createMemoryLock} from '@/background/sync/lock.js';
import {silentLog} from '@/background/sync/log.js';
import {to18} from '@/shared/record-ids.js';
import {emptyEntry} from '@/shared/store/outbox-lifecycle.js';
import type {OutboxEntry, Reminder} from '@/shared/store/schema.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {taskRow} from '../../../test/fakes/task-row.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {getTaskBadge, taskReadyToSync} from './badge-answer.js';

// The worker's two databases, fresh for this file; no OAuth credentials, so the badge uses the session it is given (R28).
const dbs = openTestWorkerDbs('badge-agrees');
const {db} = dbs;

const ORG = '00D000000000001AAA';
const USER = '005000000000001AAA';
const OTHER_USER = '005000000000002AAA';
const P = `${ORG}:${USER}`;
const HOST = 'acme.my.salesforce.com';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** When sync is (last) enabled, local time. */
const ENABLED_AT = Date.parse('2026-03-05T12:00:00.000Z');
const NOW = ENABLED_AT + 10 * 60_000;

let clock = NOW;
let taskCounter = 0;
const nextTaskId = () => to18(`00T${String(++taskCounter).padStart(12, '0')}`);

/** Salesforce as both sides see it: one rep, and the Task rows every query answers with. */
function salesforce(rows: () => TaskRow[]) {
	const sent = {updated: [] as string[], deleted: [] as string[]};
	let requests = 0;
	const port: SalesforcePort = {
		async identity() {
			requests++;
			return {orgId: ORG, userId: USER, username: 'rep', displayName: 'Rep', instanceHost: HOST};
		},
		async query<T>(): Promise<QueryPage<T>> {
			requests++;
			const records = rows() as T[];
			return {records, done: true, totalSize: records.length};
		},
		async queryMore(): Promise<never> {
			throw new Error('one page only');
		},
		async taskPicklists() {
			requests++;
			return {
				statuses: [{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true}],
				priorities: [{apiName: 'Normal', label: 'Normal', isHighPriority: false, isDefault: true}],
			};
		},
		async createTasks(records) {
			requests++;
			return records.map(() => ({success: true as const, id: nextTaskId()}));
		},
		async updateTasks(records) {
			requests++;
			sent.updated.push(...records.map(record => record.Id));
			return records.map(record => ({success: true as const, id: record.Id}));
		},
		async deleteTasks(ids) {
			requests++;
			sent.deleted.push(...ids);
			return ids.map(id => ({success: true as const, id}));
		},
		requestCount: () => requests,
		// No Date header: both sides read the partition's stored clock offset.
		responseMeta: () => ({}),
	};
	return {port, sent};
}

function deps(port: SalesforcePort): SyncDeps {
	return {db, salesforce: port, clock: {now: () => clock}, lock: createMemoryLock(), log: silentLog, random: () => 0.5};
}

/** A partition enabled at ENABLED_AT with the given clock offset, and — after a first sync — its checkpoint. */
async function enabledPartition(offsetMs: number, firstFloor: number | undefined): Promise<void> {
	await Promise.all(db.tables.map(table => table.clear()));
	await resetFakeBrowser();
	clock = ENABLED_AT;
	const {port} = salesforce(() => []);
	await enableSync(deps(port), {identity: await port.identity()});
	clock = NOW;
	await db.partitions.update(P, {clockOffsetMs: offsetMs});
	if (firstFloor !== undefined) {
		const cursor = new Date(firstFloor + DAY).toISOString().replace('Z', '+0000');
		await db.checkpoints.put({
			partition: P,
			systemModstamp: cursor,
			importFloor: firstFloor,
			lastPullAt: NOW - HOUR,
			lastReconciledAt: NOW - HOUR,
		});
	}
}

const sfTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

type RowCase = {
	owner: 'me' | 'me, 15 characters' | 'someone else';
	subtype: string | null;
	recurrence: boolean;
	archived: boolean;
	/** LastModifiedDate, from ENABLED_AT (server time). */
	modifiedFromEnable: number;
	offsetMs: number;
	/** The floor a first sync fixed, from ENABLED_AT; undefined: this is the first sync. */
	firstFloorFromEnable: number | undefined;
};

/** The badge's answer for the row's Task, then whether the engine's next cycle imported it. */
async function badgeThenEngine(c: RowCase): Promise<{badge: string; imported: boolean}> {
	await enabledPartition(
		c.offsetMs,
		c.firstFloorFromEnable === undefined ? undefined : ENABLED_AT + c.firstFloorFromEnable,
	);
	const owners = {me: USER, 'me, 15 characters': USER.slice(0, 15), 'someone else': OTHER_USER};
	const row = taskRow({
		Id: nextTaskId(),
		OwnerId: owners[c.owner],
		TaskSubtype: c.subtype,
		IsRecurrence: c.recurrence,
		IsArchived: c.archived,
		LastModifiedDate: sfTime(ENABLED_AT + c.modifiedFromEnable),
		SystemModstamp: sfTime(NOW),
		CreatedDate: sfTime(ENABLED_AT + c.modifiedFromEnable),
	});
	const {port} = salesforce(() => [row]);
	const badge = await getTaskBadge(
		dbs,
		{host: HOST, taskId: row.Id},
		{connect: async () => ({port, identityKnown: true}), now: NOW},
	);
	const result = await runSyncCycle(deps(port), {partition: P, trigger: 'manual'});
	expect(result.outcome).toBe('ok');
	const linked = await db.reminders.where('[partition+taskId]').equals([P, row.Id]).first();
	return {
		badge: badge.state === 'not-linked' ? `not-linked:${badge.reason}` : badge.state,
		imported: linked !== undefined,
	};
}

const rowCase: fc.Arbitrary<RowCase> = fc.record({
	owner: fc.constantFrom('me', 'me, 15 characters', 'someone else'),
	subtype: fc.constantFrom('Task', 'Task', 'Task', 'Email', 'Call', null),
	recurrence: fc.constantFrom(false, false, true),
	archived: fc.constantFrom(false, false, true),
	modifiedFromEnable: fc.integer({min: -40 * DAY, max: HOUR}).map(ms => Math.round(ms / 1000) * 1000),
	offsetMs: fc.constantFrom(0, -90_000, 7 * 60_000),
	firstFloorFromEnable: fc.option(fc.integer({min: -30 * DAY, max: -DAY}), {nil: undefined}),
});

afterAll(() => {
	db.close();
});

test('R1/R4: the badge calls a Task "pending" exactly when the next cycle imports it', async () => {
	const named: Array<[string, RowCase]> = [
		['an in-scope Task of the day before', base({})],
		['a logged email', base({subtype: 'Email'})],
		['a series master', base({recurrence: true})],
		['an archived Task', base({archived: true})],
		['another user’s Task', base({owner: 'someone else'})],
		['the rep’s Task under a 15-character owner id', base({owner: 'me, 15 characters'})],
		['a Task last changed two days before the first sync', base({modifiedFromEnable: -2 * DAY})],
		[
			'at the first sync’s floor, the server clock ahead',
			base({modifiedFromEnable: -DAY + 60_000, offsetMs: 7 * 60_000}),
		],
		// R6: re-enabled; the floor is the first sync's, not 24 hours before the new enabledAt.
		[
			'a re-enabled partition: a Task between the first floor and the new one',
			base({modifiedFromEnable: -5 * DAY, firstFloorFromEnable: -10 * DAY}),
		],
		[
			'a re-enabled partition: a Task before the first floor',
			base({modifiedFromEnable: -12 * DAY, firstFloorFromEnable: -10 * DAY}),
		],
	];
	for (const [name, c] of named) {
		const {badge, imported} = await badgeThenEngine(c);
		expect(badge === 'pending', `${name}: the badge says ${badge}`).toBe(imported);
	}

	await fc.assert(
		fc.asyncProperty(rowCase, async c => {
			const {badge, imported} = await badgeThenEngine(c);
			expect(badge === 'pending').toBe(imported);
			if (!imported) expect(badge).toMatch(/^not-linked:/);
		}),
		{numRuns: 40},
	);
}, 60_000);

function base(overrides: Partial<RowCase>): RowCase {
	return {
		owner: 'me',
		subtype: 'Task',
		recurrence: false,
		archived: false,
		modifiedFromEnable: -HOUR,
		offsetMs: 0,
		firstFloorFromEnable: undefined,
		...overrides,
	};
}

type EntryCase = {
	kind: 'update' | 'delete';
	parked: boolean;
	/** nextAttemptAt, from NOW (R19). */
	retryFromNow: number;
	/** notBefore, from NOW: a delete held for Undo (R43); also left on an update, where it holds nothing. */
	holdFromNow: number | undefined;
};

/** Whether the badge calls a linked Task ready to sync, then whether the next cycle's push sent it. */
async function readyThenPushed(c: EntryCase): Promise<{ready: boolean; pushed: boolean}> {
	await enabledPartition(0, ENABLED_AT - DAY);
	const taskId = nextTaskId();
	const fields = {
		name: 'Call Ann',
		status: 'open',
		priority: 'normal',
		dueDate: null,
		details: 'before',
		whoId: null,
		whatId: null,
	} as const;
	const reminder: Reminder = {
		...fields,
		details: 'edited',
		id: `r-${taskId}`,
		partition: P,
		taskId,
		createdAt: 1,
		updatedAt: 1,
		editedAt: {details: NOW - 60_000},
		origin: 'local',
		localOnly: false,
		syncState: c.parked ? 'error' : 'pending',
		base: {
			...fields,
			lastModifiedDate: sfTime(ENABLED_AT),
			systemModstamp: sfTime(ENABLED_AT),
			sfStatus: 'Not Started',
			sfPriority: 'Normal',
		},
		...(c.kind === 'delete' ? {deletedAt: NOW - 1000} : {}),
	};
	const entry: OutboxEntry = {
		...emptyEntry(reminder.id, P, 1),
		...(c.kind === 'delete' ? {delete: true} : {fields: ['details']}),
		parked: c.parked ? 1 : 0,
		nextAttemptAt: NOW + c.retryFromNow,
		...(c.holdFromNow === undefined ? {} : {notBefore: NOW + c.holdFromNow}),
	};
	await db.reminders.put(reminder);
	await db.outbox.put(entry);
	const ready = await taskReadyToSync(db, taskId, NOW);
	const {port, sent} = salesforce(() => []);
	const result = await runSyncCycle(deps(port), {partition: P, trigger: 'manual'});
	expect(result.outcome).toBe('ok');
	return {ready, pushed: [...sent.updated, ...sent.deleted].includes(taskId)};
}

const entryCase: fc.Arbitrary<EntryCase> = fc.record({
	kind: fc.constantFrom('update', 'delete'),
	parked: fc.boolean(),
	retryFromNow: fc.constantFrom(-NOW, -1000, 0, 1, 30_000),
	holdFromNow: fc.option(fc.constantFrom(-1000, 0, 1, 8000), {nil: undefined}),
});

test('R19/R43: the badge calls a linked Task ready to sync exactly when the next cycle pushes its change', async () => {
	const named: Array<[string, EntryCase]> = [
		['an edit ready now', {kind: 'update', parked: false, retryFromNow: -NOW, holdFromNow: undefined}],
		['an edit waiting out its retry', {kind: 'update', parked: false, retryFromNow: 30_000, holdFromNow: undefined}],
		['a parked edit', {kind: 'update', parked: true, retryFromNow: -NOW, holdFromNow: undefined}],
		['a delete whose Undo offer has passed', {kind: 'delete', parked: false, retryFromNow: -NOW, holdFromNow: -1000}],
		['a delete still held for Undo', {kind: 'delete', parked: false, retryFromNow: -NOW, holdFromNow: 8000}],
		[
			'an edit with a stale hold, which holds nothing',
			{kind: 'update', parked: false, retryFromNow: -NOW, holdFromNow: 8000},
		],
	];
	for (const [name, c] of named) {
		const {ready, pushed} = await readyThenPushed(c);
		expect(ready, name).toBe(pushed);
	}

	await fc.assert(
		fc.asyncProperty(entryCase, async c => {
			const {ready, pushed} = await readyThenPushed(c);
			expect(ready).toBe(pushed);
		}),
		{numRuns: 30},
	);
}, 60_000);

beforeEach(() => {
	clock = NOW;
});
