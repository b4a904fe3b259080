/**
 * R45 with two computers: two Tickler databases (each its own IndexedDB, session, lock and local clock)
 * against one local org over HTTP, and two synced storage areas joined by the Chrome Sync stand-in of
 * test/fakes/sync-storage.ts (writes reach the other computer when the test calls `deliver()`).
 */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {NAME_BUDGET} from '@/background/name-sync/entries.js';
import {shareNames} from '@/background/name-sync/name-pass.js';
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import {enableSync} from '@/background/sync/enable.js';
import {runSyncCycle} from '@/background/sync/engine.js';
import {createMemoryLock} from '@/background/sync/lock.js';
import {silentLog} from '@/background/sync/log.js';
import {openTicklerDb, type TicklerDb} from '@/shared/store/open-db.js';
import {addReminder, deleteReminder, editReminder, setSubjectTemplate} from '@/shared/store/local-edits.js';
import type {Reminder} from '@/shared/store/schema.js';
import {skewedClock} from '../fakes/clock.js';
import {createSyncArea, type FakeSyncArea, linkAreas} from '../fakes/sync-storage.js';
import {startHarness, type Harness} from './harness.js';

type Computer = {
	db: TicklerDb;
	area: FakeSyncArea;
	now(): number;
	enable(): Promise<void>;
	sync(): Promise<void>;
	/** One name-sharing pass, as the worker runs after a cycle, a rename or an area change. */
	pass(): ReturnType<typeof shareNames>;
	named(name: string): Promise<Reminder>;
	byTask(taskId: string): Promise<Reminder>;
};

let h: Harness;
let a: Computer;
let b: Computer;
let chromeSync: ReturnType<typeof linkAreas>;
let dbs = 0;

function computer(skewMs: number): Computer {
	const clock = skewedClock({nowMs: () => h.org.clock.nowMs()}, skewMs);
	const db = openTicklerDb({name: `names-${dbs++}`, indexedDB: new IDBFactory(), IDBKeyRange});
	const sid = h.org.createSession(h.repId, 'api');
	const salesforce = createJsforcePort({instanceUrl: h.local.url, accessToken: sid, now: () => clock.now()});
	const deps = {db, salesforce, clock, lock: createMemoryLock(), log: silentLog, random: () => 0.5};
	const area = createSyncArea();
	const visible = async () =>
		(await db.reminders.where('partition').equals(h.partition).toArray()).filter(r => r.deletedAt === undefined);
	return {
		db,
		area,
		now: () => clock.now(),
		async enable() {
			await enableSync(deps, {identity: await salesforce.identity()});
		},
		async sync() {
			const result = await runSyncCycle(deps, {partition: h.partition, trigger: 'manual'});
			expect(result.outcome).toBe('ok');
		},
		pass: async () => shareNames(db, h.partition, area, clock.now()),
		async named(name) {
			const found = (await visible()).find(r => r.name === name);
			if (!found) throw new Error(`no reminder named ${name}: ${(await visible()).map(r => r.name).join(', ')}`);
			return found;
		},
		async byTask(taskId) {
			const found = (await visible()).find(r => r.taskId === taskId);
			if (!found) throw new Error(`no reminder for ${taskId}`);
			return found;
		},
	};
}

beforeEach(async () => {
	h = await startHarness();
	a = computer(0);
	// B's clock is 7 minutes fast: renames are ordered by server time, not by either computer's clock.
	b = computer(7 * 60_000);
	chromeSync = linkAreas([a.area, b.area]);
});
afterEach(async () => {
	a.db.close();
	b.db.close();
	await h.close();
});

async function bothSynced(subject: string): Promise<string> {
	const task = h.org.createTask(h.repId, {Subject: subject, ActivityDate: '2026-03-20'});
	await a.enable();
	await b.enable();
	await a.sync();
	await b.sync();
	return task.Id;
}

test('R45/R10: a rename made on A reaches B; a Subject edit made in Salesforce still renames neither', async () => {
	const taskId = await bothSynced('Call Acme');
	await editReminder(a.db, (await a.named('Call Acme')).id, {name: 'Call Acme about the renewal'}, {now: a.now()});
	await a.sync();
	expect((await a.pass()).shared).toBe(1);
	chromeSync.deliver();
	expect((await b.pass()).applied).toBe(1);
	const onB = await b.byTask(taskId);
	expect(onB.name).toBe('Call Acme about the renewal');
	// Applied as agreed state, not as B's own edit: B queues nothing and sends nothing for it.
	expect(await b.db.outbox.get(onB.id)).toBeUndefined();
	expect(onB.syncState).toBe('synced');
	await b.sync();
	expect(h.org.getTask(taskId)?.Subject).toBe('Call Acme about the renewal');

	h.org.updateTask(h.repId, taskId, {Subject: 'Typed in Salesforce'});
	h.org.clock.advance(60_000);
	await a.sync();
	await b.sync();
	await a.pass();
	chromeSync.deliver();
	await b.pass();
	expect((await a.byTask(taskId)).name).toBe('Call Acme about the renewal');
	expect((await b.byTask(taskId)).name).toBe('Call Acme about the renewal');
});

test('R45: a rename that arrives before its Task was pulled on B applies when the Task arrives', async () => {
	const task = h.org.createTask(h.repId, {Subject: 'Quote for Globex', ActivityDate: '2026-03-20'});
	await a.enable();
	await a.sync();
	// A renames and shares the name, but has not pushed the new Subject yet: B can only learn it from the area.
	await editReminder(a.db, (await a.named('Quote for Globex')).id, {name: 'Quote for Globex (v2)'}, {now: a.now()});
	await a.pass();
	chromeSync.deliver();
	await b.enable();
	expect((await b.pass()).applied).toBe(0);
	await b.sync();
	expect((await b.byTask(task.Id)).name).toBe('Quote for Globex');
	expect((await b.pass()).applied).toBe(1);
	expect((await b.byTask(task.Id)).name).toBe('Quote for Globex (v2)');
});

test('R45: a later rename on B is never overwritten by an older one from A, whatever order Chrome Sync commits them in', async () => {
	const taskId = await bothSynced('Demo for Initech');
	await editReminder(a.db, (await a.byTask(taskId)).id, {name: 'Demo (A)'}, {now: a.now()});
	h.org.clock.advance(30_000);
	// 30 s later in real time — though B's own clock is 7 minutes fast, which must not matter.
	await editReminder(b.db, (await b.byTask(taskId)).id, {name: 'Demo (B)'}, {now: b.now()});
	// B's write is committed first and A's older one last: A's wins the storage item…
	await b.pass();
	await a.pass();
	chromeSync.deliver();
	expect(Object.values(b.area.snapshot())).toEqual([expect.objectContaining({n: 'Demo (A)'})]);
	// …yet B keeps its later name and shares it again; then A takes it.
	expect((await b.pass()).applied).toBe(0);
	expect((await b.byTask(taskId)).name).toBe('Demo (B)');
	chromeSync.deliver();
	expect((await a.pass()).applied).toBe(1);
	expect((await a.byTask(taskId)).name).toBe('Demo (B)');
	expect((await b.byTask(taskId)).name).toBe('Demo (B)');
	// Settled: further passes write nothing.
	const writes = a.area.writeCount() + b.area.writeCount();
	await a.pass();
	await b.pass();
	expect(a.area.writeCount() + b.area.writeCount()).toBe(writes);
});

test('R45: B’s clock being fast does not let its older rename win over A’s later one', async () => {
	const taskId = await bothSynced('Lunch with Umbrella');
	// B renames first (its clock reads 7 minutes ahead), A renames a minute later in real time.
	await editReminder(b.db, (await b.byTask(taskId)).id, {name: 'Lunch (B, earlier)'}, {now: b.now()});
	h.org.clock.advance(60_000);
	await editReminder(a.db, (await a.byTask(taskId)).id, {name: 'Lunch (A, later)'}, {now: a.now()});
	await b.pass();
	chromeSync.deliver();
	await a.pass();
	chromeSync.deliver();
	await b.pass();
	expect((await a.byTask(taskId)).name).toBe('Lunch (A, later)');
	expect((await b.byTask(taskId)).name).toBe('Lunch (A, later)');
});

test('R45: a reminder made on A with a template that decorates the Subject has its own name on B too', async () => {
	await a.enable();
	await b.enable();
	await setSubjectTemplate(a.db, h.partition, 'Tickler: {{activity_subject}}');
	await addReminder(a.db, {name: 'Send contract', dueDate: '2026-03-21'}, {now: a.now()});
	await a.sync();
	await b.sync();
	const taskId = (await a.named('Send contract')).taskId ?? '';
	expect((await b.byTask(taskId)).name).toBe('Tickler: Send contract');
	await a.pass();
	chromeSync.deliver();
	await b.pass();
	expect((await b.byTask(taskId)).name).toBe('Send contract');
});

test('R45: a reminder deleted in Tickler takes its shared name with it; the area stays within its budget', async () => {
	const taskId = await bothSynced('Renew Hooli');
	const reminder = await a.byTask(taskId);
	await editReminder(a.db, reminder.id, {name: 'Renew Hooli (3 years)'}, {now: a.now()});
	await a.pass();
	expect(Object.keys(a.area.snapshot())).toHaveLength(1);
	await deleteReminder(a.db, reminder.id, {now: a.now()});
	expect((await a.pass()).removed).toBe(1);
	expect(a.area.snapshot()).toEqual({});

	// Many renames: only the newest NAME_BUDGET.items are kept, under every Chrome quota (the fake enforces them).
	for (let i = 0; i < NAME_BUDGET.items + 30; i++) {
		h.org.createTask(h.repId, {Subject: `Bulk ${i}`, ActivityDate: '2026-03-22'});
	}

	await a.sync();
	const bulk = (await a.db.reminders.where('partition').equals(h.partition).toArray()).filter(r =>
		r.name.startsWith('Bulk '),
	);
	await a.db.transaction('rw', a.db.reminders, async () => {
		for (const [i, r] of bulk.entries()) {
			await a.db.reminders.put({...r, name: `${r.name} renamed`, editedAt: {...r.editedAt, name: a.now() + i}});
		}
	});
	await a.pass();
	expect(Object.keys(a.area.snapshot())).toHaveLength(NAME_BUDGET.items);
	expect(a.area.bytesInUse()).toBeLessThanOrEqual(NAME_BUDGET.bytes);
	const pass = await a.pass();
	expect(pass).toEqual({applied: 0, shared: 0, removed: 0});
});
