// Seed data: the demo set (about 30 Tasks around "today" in the rep's time zone — issue 3 "Data") and a
// fast generator for large orgs (benchmarks use 100,000 Tasks).

import {addDays, ymdInZone} from './soql/dates.js';
import type {Org} from './org.js';
import {TASK} from './records/schema.js';
import type {SRecord} from './records/store.js';
import {wholeSecond} from './records/tasks.js';
import type {TaskRow} from './records/tasks.js';

const DAY = 86_400_000;

type DemoTask = {
	Subject: string;
	due: number | null;
	Status?: string;
	Priority?: string;
	TaskSubtype?: string;
	owner?: 'rep' | 'rep2';
	who?: string;
	what?: string;
	Description?: string;
	deleted?: boolean;
	/** Last touched ten days ago: outside the first sync's 24-hour window (R4), so it stays in Salesforce. */
	stale?: boolean;
};

/** The demo org: parents for WhoId/WhatId, then Tasks due overdue/today/tomorrow/next week relative to the org clock. */
export function seedDemo(org: Org): void {
	const acme = org.insertRecord('Account', {Name: 'Acme Corp'});
	const globex = org.insertRecord('Account', {Name: 'Globex'});
	const carla = org.insertRecord('Contact', {
		FirstName: 'Carla',
		LastName: 'Rossi',
		Email: 'carla@acme.example',
		AccountId: acme,
	});
	const dan = org.insertRecord('Contact', {
		FirstName: 'Dan',
		LastName: 'Dealer',
		Email: 'dan@globex.example',
		AccountId: globex,
	});
	const lena = org.insertRecord('Lead', {FirstName: 'Lena', LastName: 'Lead', Company: 'Initech'});
	const renewal = org.insertRecord('Opportunity', {
		Name: 'Acme Renewal 2026',
		StageName: 'Negotiation/Review',
		AccountId: acme,
	});
	const tasks: DemoTask[] = [
		{Subject: 'Call Carla about the renewal', due: -3, Priority: 'High', who: carla, what: renewal},
		{Subject: 'Send revised quote to Acme', due: -2, Status: 'In Progress', what: acme},
		{Subject: 'Follow up on the Globex pilot', due: -1, who: dan, what: globex},
		{Subject: 'Expense report', due: -5, Priority: 'Low'},
		{Subject: 'Reply to Lena (Initech)', due: -1, TaskSubtype: 'Email', who: lena},
		{Subject: 'Prepare QBR deck', due: -7, Status: 'Waiting on someone else', stale: true},
		{Subject: 'Check in with Dan', due: 0, who: dan},
		{Subject: 'Email the pricing sheet', due: 0, TaskSubtype: 'Email', who: carla},
		{Subject: 'Log yesterday’s calls', due: 0, Priority: 'Low'},
		{
			Subject: 'Renewal kickoff call',
			due: 0,
			Priority: 'High',
			what: renewal,
			Description: 'Agenda: scope, timeline, <pricing> & terms',
		},
		{Subject: 'Update the forecast', due: 0, Status: 'In Progress'},
		{Subject: 'Book travel for the Milan visit', due: 1},
		{Subject: 'Draft the Globex proposal', due: 1, what: globex, Priority: 'High'},
		{Subject: 'Send meeting notes', due: 1, TaskSubtype: 'Email'},
		{Subject: 'Call the procurement team', due: 1, Status: 'In Progress'},
		{Subject: 'Quarterly pipeline review', due: 7},
		{Subject: 'Customer reference call', due: 8, who: carla},
		{Subject: 'Renew the NDA with Initech', due: 9, who: lena, Priority: 'Low'},
		{Subject: 'Plan the trade-show follow-ups', due: 10},
		{Subject: 'Team lunch', due: 6, Priority: 'Low', stale: true},
		{Subject: 'Read the new pricing policy', due: null},
		{Subject: 'Clean up old leads', due: null, Priority: 'Low', stale: true},
		{Subject: 'Sent welcome pack to Acme', due: -4, Status: 'Completed', what: acme},
		{Subject: 'Demo for Globex', due: -2, Status: 'Completed', who: dan},
		{Subject: 'Emailed Carla the contract', due: -1, Status: 'Completed', TaskSubtype: 'Email', who: carla},
		{Subject: 'Submit the deal desk form', due: 0, Status: 'Completed'},
		{Subject: 'Sam: review territory split', due: 0, owner: 'rep2'},
		{Subject: 'Sam: call Globex finance', due: 1, owner: 'rep2', who: dan},
		{Subject: 'Sam: onboarding checklist', due: -2, owner: 'rep2', Status: 'In Progress'},
		{Subject: 'Old reminder (deleted)', due: -6, deleted: true},
		{Subject: 'Duplicate call task (deleted)', due: 0, deleted: true},
		{Subject: 'Cancelled meeting prep (deleted)', due: 2, deleted: true},
	];
	const rep = org.users.rep;
	const today = ymdInZone(org.clock.nowMs(), rep.timeZone);
	const now = org.clock.nowMs();
	tasks.forEach((t, i) => {
		const owner = t.owner === 'rep2' ? org.users.rep2.id : rep.id;
		// Back-dated audit fields so the demo looks lived-in; still in the past relative to the org clock.
		// Most Tasks were touched during the rep's last working day, so the first sync imports them (R4);
		// the `stale` ones were last touched ten days ago and stay in Salesforce.
		const created = now - (20 - (i % 10)) * DAY - i * 60_000;
		const modified = t.stale ? now - 10 * DAY : now - (i + 1) * 30 * 60_000;
		const fields: Record<string, unknown> = {
			Subject: t.Subject,
			ActivityDate: t.due === null ? null : addDays(today, t.due),
			Status: t.Status,
			Priority: t.Priority,
			TaskSubtype: t.TaskSubtype,
			WhoId: t.who,
			WhatId: t.what,
			Description: t.Description,
			OwnerId: owner,
			CreatedDate: created,
			CreatedById: owner,
			LastModifiedDate: modified,
			LastModifiedById: owner,
			SystemModstamp: modified,
		};
		const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
		const row = org.createTask(owner, defined, {system: true});
		if (t.deleted) org.deleteTask(owner, row.Id);
	});
}

/** mulberry32, for a reproducible generated org. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let x = a;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const STATUSES = ['Not Started', 'Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const PRIORITIES = ['Normal', 'Normal', 'Normal', 'High', 'Low'];

/**
 * Generates `n` Tasks for the rep without per-row validation (they are valid by construction), with
 * SystemModstamps spread over the last 30 days in id order and due dates within ±180 days.
 */
export function generateTasks(org: Org, n: number, options: {ownerId?: string; seed?: number} = {}): void {
	const owner = options.ownerId ?? org.users.rep.id;
	const rand = prng(options.seed ?? 7);
	const now = org.clock.nowMs();
	const start = now - 30 * DAY;
	const step = n > 0 ? (30 * DAY - 60_000) / n : 0;
	const today = ymdInZone(now, org.user(owner)?.timeZone ?? 'UTC');
	const blank: SRecord = {};
	for (const f of TASK.fields) blank[f.name] = f.type === 'boolean' ? false : null;
	for (let i = 0; i < n; i++) {
		const status = STATUSES[Math.floor(rand() * STATUSES.length)] ?? 'Not Started';
		const priority = PRIORITIES[Math.floor(rand() * PRIORITIES.length)] ?? 'Normal';
		const stamp = wholeSecond(start + i * step); // §13.6: stored to the second
		const closed = org.picklists.isClosed(status);
		const row = {
			...blank,
			Id: org.ids.next('00T'),
			Subject: `Generated task #${i + 1}`,
			ActivityDate: rand() < 0.1 ? null : addDays(today, Math.floor(rand() * 361) - 180),
			Status: status,
			Priority: priority,
			IsClosed: closed,
			IsHighPriority: org.picklists.isHigh(priority),
			OwnerId: owner,
			TaskSubtype: rand() < 0.15 ? 'Email' : 'Task',
			CreatedDate: stamp,
			CreatedById: owner,
			LastModifiedDate: stamp,
			LastModifiedById: owner,
			SystemModstamp: stamp,
			CompletedDateTime: closed ? stamp : null,
			WhoCount: 0,
			WhatCount: 0,
		} as unknown as TaskRow;
		org.tasks.insertRaw(row);
	}
	org.changed();
}

/**
 * R36: inserts `n` Tasks for `ownerId` as ONE write, so they all share one whole-second CreatedDate /
 * SystemModstamp (like one 200-record collections write, §13.6, but any size) — e.g. 2,500 rows make a tie
 * that straddles the 2,000-row query page. Returns the new ids in insertion (= Id) order.
 */
export function insertTasksInOneSecond(
	org: Org,
	ownerId: string,
	n: number,
	fields: (i: number) => Record<string, unknown> = i => ({Subject: `Tied task #${i + 1}`}),
): string[] {
	org.maintain();
	const ids = org.tasks.oneWrite(() => {
		const out: string[] = [];
		for (let i = 0; i < n; i++) out.push(org.tasks.create(ownerId, {OwnerId: ownerId, ...fields(i)}).Id);
		return out;
	});
	org.changed();
	return ids;
}
