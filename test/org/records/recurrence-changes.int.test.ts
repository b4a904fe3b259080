// R35, salesforce-facts.md §14.3 (Task object reference, "Usage → Recurring Tasks"): what a change to a series
// does — only the start and the pattern fields regenerate it; an earlier end deletes only the open
// occurrences after it, a later end adds occurrences up to it — and "Repeat This Task"
// (RecurrenceRegeneratedType): closing such a Task creates the next one.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {failure, localOnly, must, openTarget, renewSession} from '../contract-target.js';
import type {Target} from '../contract-target.js';

type Rec = Record<string, unknown>;
let t: Target;
const T0 = new Date('2025-06-02T09:00:00Z'); // a Monday
beforeAll(async () => {
	t = await openTarget({now: T0, frozenClock: true});
});
afterAll(() => t.close());

/** Mondays and Thursdays, 2–26 June 2025: eight occurrences. */
const weekly = {
	IsRecurrence: true,
	Subject: 'Weekly pipeline review',
	RecurrenceType: 'RecursWeekly',
	RecurrenceInterval: 1,
	RecurrenceDayOfWeekMask: 2 + 16,
	RecurrenceStartDateOnly: '2025-06-02',
	RecurrenceEndDateOnly: '2025-06-26',
};

async function live(masterId: string): Promise<Rec[]> {
	const q = await t.conn.query<Rec>(
		`SELECT Id, ActivityDate, IsClosed FROM Task WHERE RecurrenceActivityId = '${masterId}' ORDER BY ActivityDate`,
	);
	return q.records;
}

const dates = (rows: Rec[]): unknown[] => rows.map(r => r['ActivityDate']);
const ids = (rows: Rec[]): unknown[] => rows.map(r => r['Id']);

async function series(): Promise<{id: string; rows: Rec[]}> {
	const {id} = (await t.conn.sobject('Task').create(weekly)) as {id: string};
	return {id, rows: await live(id)};
}

test('§14.3: an earlier end deletes only the open occurrences after it; the others keep their ids, a closed one after it stays', async () => {
	const {id, rows} = await series();
	expect(dates(rows)).toEqual([
		'2025-06-02',
		'2025-06-05',
		'2025-06-09',
		'2025-06-12',
		'2025-06-16',
		'2025-06-19',
		'2025-06-23',
		'2025-06-26',
	]);
	const closedLate = String(rows[6]?.['Id']);
	await t.conn.sobject('Task').update({Id: closedLate, Status: 'Completed'});
	await t.conn.sobject('Task').update({Id: id, RecurrenceEndDateOnly: '2025-06-12'});
	const after = await live(id);
	expect(ids(after)).toEqual([...ids(rows.slice(0, 4)), closedLate]);
	expect(dates(after)).toEqual(['2025-06-02', '2025-06-05', '2025-06-09', '2025-06-12', '2025-06-23']);
});

test('§14.3: a later end adds occurrences up to it and leaves the existing ones as they are', async () => {
	const {id, rows} = await series();
	const edited = String(rows[1]?.['Id']);
	await t.conn.sobject('Task').update({Id: edited, Description: 'prep slides'});
	await t.conn.sobject('Task').update({Id: id, RecurrenceEndDateOnly: '2025-07-03'});
	const after = await live(id);
	expect(ids(after.slice(0, 8))).toEqual(ids(rows));
	expect(dates(after.slice(8))).toEqual(['2025-06-30', '2025-07-03']);
	expect(((await t.conn.sobject('Task').retrieve(edited)) as Rec)['Description']).toBe('prep slides');
});

test('§14.3: a new start regenerates the series — the open occurrences get new ids, the closed one stays', async () => {
	const {id, rows} = await series();
	const closed = String(rows[0]?.['Id']);
	await t.conn.sobject('Task').update({Id: closed, Status: 'Completed'});
	await t.conn.sobject('Task').update({Id: id, RecurrenceStartDateOnly: '2025-06-09'});
	const after = await live(id);
	expect(ids(after)).toContain(closed);
	const open = after.filter(r => r['IsClosed'] === false);
	expect(dates(open)).toEqual(['2025-06-09', '2025-06-12', '2025-06-16', '2025-06-19', '2025-06-23', '2025-06-26']);
	for (const r of open) expect(ids(rows)).not.toContain(r['Id']);
});

test('§14.3: closing a Task that repeats after its due date creates the next one, N days after it; the closed one is marked as repeated', async () => {
	const {id} = (await t.conn.sobject('Task').create({
		Subject: 'Call back Carla',
		Priority: 'High',
		ActivityDate: '2025-06-03',
		RecurrenceRegeneratedType: 'RecurrenceRegenerateAfterDueDate',
		RecurrenceInterval: 7,
	})) as {id: string};
	await t.conn.sobject('Task').update({Id: id, Status: 'Completed'});
	const q = await t.conn.query<Rec>(
		"SELECT Id, Subject, Priority, Status, IsClosed, ActivityDate, RecurrenceRegeneratedType, RecurrenceInterval FROM Task WHERE Subject = 'Call back Carla' ORDER BY ActivityDate",
	);
	expect(q.records.map(r => [r['ActivityDate'], r['IsClosed'], r['RecurrenceRegeneratedType']])).toEqual([
		['2025-06-03', true, 'RecurrenceRegenerated'],
		['2025-06-10', false, 'RecurrenceRegenerateAfterDueDate'],
	]);
	expect(q.records[1]).toMatchObject({Priority: 'High', Status: 'Not Started', RecurrenceInterval: 7});
	// Reopened and closed again, it does not repeat a second time.
	await t.conn.sobject('Task').update({Id: id, Status: 'In Progress'});
	await t.conn.sobject('Task').update({Id: id, Status: 'Completed'});
	expect((await t.conn.query(`SELECT Id FROM Task WHERE Subject = 'Call back Carla'`)).totalSize).toBe(2);
});

localOnly('§14.3: "after date completed" counts from the day it was closed, in the owner’s time zone', async () => {
	const org = must(t.org);
	org.clock.set(new Date('2025-06-05T23:30:00Z')); // already 6 June in Rome, the rep's zone
	const rep = org.users.rep.id;
	const task = org.createTask(rep, {
		Subject: 'Water the plants',
		ActivityDate: '2025-06-01',
		RecurrenceRegeneratedType: 'RecurrenceRegenerateAfterToday',
		RecurrenceInterval: 3,
	});
	const closed = org.updateTask(rep, task.Id, {Status: 'Completed'});
	const next = org.listTasks({ownerId: rep}).find(r => r.Subject === 'Water the plants' && !r.IsClosed);
	expect(next?.ActivityDate).toBe('2025-06-09');
	// Made by Salesforce in the same save: the same whole-second stamp as the close.
	expect(next?.SystemModstamp).toBe(closed.SystemModstamp);
	renewSession(t);
});

test('§14.3: a repeating Task needs its number of days; an unknown "Repeat This Task" value is refused', async () => {
	const missing = await failure(
		t.conn.sobject('Task').create({Subject: 'x', RecurrenceRegeneratedType: 'RecurrenceRegenerateAfterToday'}),
	);
	expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
	const bad = await failure(t.conn.sobject('Task').create({Subject: 'x', RecurrenceRegeneratedType: 'Weekly'}));
	expect(bad.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
});
