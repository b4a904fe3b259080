/**
 * The randomized model-based test of the sync engine (issue 4 "Tests"). Random interleavings of local
 * edits, Salesforce edits (by the rep and by other users), deletions on both sides, clock advances across
 * the 24-hour and 15-day windows, injected faults, and the engine stopped at random points and restarted
 * from its store. After faults stop and sync settles, the oracle checks convergence, no duplicates, no lost
 * local change and no resurrection. Shared by model.int.test.ts (CI-sized) and model.soak.ts (≥2,000 runs).
 */
import fc from 'fast-check';
import type {Identity} from '@/background/salesforce/port.js';
import {enableSync} from '@/background/sync/enable.js';
import {addReminder, deleteReminder, editReminder} from '@/shared/store/local-edits.js';
import type {Reminder} from '@/shared/store/schema.js';
import type {FaultKind} from '../org/index.js';
import {startHarness, type Harness} from './harness.js';
import {stoppingPort} from './port-wrappers.js';

const SECOND = 1000;
const DAY = 86_400_000;
type Field = 'name' | 'status' | 'priority' | 'dueDate' | 'details';
type Value = string | null;

export type Action =
	| {kind: 'localAdd'; name: string; dueDate: Value; priority: 'normal' | 'high'}
	| {kind: 'localEdit'; pick: number; field: Field; value: Value}
	| {kind: 'localDelete'; pick: number}
	| {kind: 'sfAdd'; byOther: boolean; subject: string; dueDate: Value}
	| {kind: 'sfEdit'; pick: number; byOther: boolean; field: Exclude<Field, 'name'>; value: Value}
	| {kind: 'sfDelete'; pick: number; byOther: boolean}
	| {kind: 'advance'; ms: number}
	| {kind: 'signIn'}
	/** R5–R7: sync switched off or back on (reminders added while off stay local-only). */
	| {kind: 'toggle'}
	| {
			kind: 'sync';
			fault: FaultKind | 'none';
			faultAt: number;
			stop: null | {after: number; mode: 'after-send' | 'before-send' | 'hang'};
	  };

const names = fc.constantFrom('call Ana', 'send quote', 'demo prep', 'renew', 'follow up', 'lunch');
const dates = fc.constantFrom<Value>(null, '2026-03-05', '2026-03-06', '2026-04-01');
const details = fc.constantFrom<Value>('', 'notes', 'more notes', 'x');
const fieldValue = fc.oneof(
	fc.record({field: fc.constant<Field>('name'), value: names.map(n => `${n}!`)}),
	fc.record({field: fc.constant<Field>('status'), value: fc.constantFrom<Value>('open', 'complete')}),
	fc.record({field: fc.constant<Field>('priority'), value: fc.constantFrom<Value>('normal', 'high')}),
	fc.record({field: fc.constant<Field>('dueDate'), value: dates}),
	fc.record({field: fc.constant<Field>('details'), value: details}),
);
const sfFieldValue = fieldValue.filter(f => f.field !== 'name') as fc.Arbitrary<{
	field: Exclude<Field, 'name'>;
	value: Value;
}>;

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('localAdd' as const),
			name: names,
			dueDate: dates,
			priority: fc.constantFrom('normal' as const, 'high' as const),
		}),
	},
	{
		weight: 4,
		arbitrary: fc
			.record({kind: fc.constant('localEdit' as const), pick: fc.nat(50)})
			.chain(a => fieldValue.map(f => ({...a, ...f}))),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('localDelete' as const), pick: fc.nat(50)})},
	{
		weight: 2,
		arbitrary: fc.record({kind: fc.constant('sfAdd' as const), byOther: fc.boolean(), subject: names, dueDate: dates}),
	},
	{
		weight: 4,
		arbitrary: fc
			.record({kind: fc.constant('sfEdit' as const), pick: fc.nat(50), byOther: fc.boolean()})
			.chain(a => sfFieldValue.map(f => ({...a, ...f}))),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('sfDelete' as const), pick: fc.nat(50), byOther: fc.boolean()})},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('advance' as const),
			ms: fc.constantFrom(5 * SECOND, 60 * SECOND, 2 * 3_600_000, 25 * 3_600_000, 16 * DAY),
		}),
	},
	{weight: 1, arbitrary: fc.constant({kind: 'signIn' as const})},
	{weight: 1, arbitrary: fc.constant({kind: 'toggle' as const})},
	{
		weight: 5,
		arbitrary: fc.record({
			kind: fc.constant('sync' as const),
			fault: fc.constantFrom<FaultKind | 'none'>(
				'none',
				'none',
				'none',
				'503',
				'html503',
				'lockRow',
				'drop',
				'timeout',
				'invalidSession',
				'limitExceeded',
				'500',
				'commitThenDrop',
			),
			faultAt: fc.integer({min: 1, max: 4}),
			stop: fc.option(
				fc.record({
					after: fc.nat(5),
					mode: fc.constantFrom('after-send' as const, 'before-send' as const, 'hang' as const),
				}),
				{freq: 4},
			),
		}),
	},
);

type Write = {side: 'local' | 'sf'; value: Value; at: number};
type Entity = {key: string; deleted: boolean; writes: Partial<Record<Field, Write[]>>; sfWrites: number[]};

class Model {
	readonly entities = new Map<string, Entity>();
	enabled = true;
	entity(key: string): Entity {
		let e = this.entities.get(key);
		if (!e) {
			e = {key, deleted: false, writes: {}, sfWrites: []};
			this.entities.set(key, e);
		}

		return e;
	}

	write(key: string, field: Field, side: Write['side'], value: Value, at: number): void {
		const e = this.entity(key);
		(e.writes[field] ??= []).push({side, value, at});
		if (side === 'sf') e.sfWrites.push(at);
	}
}

function keyOfReminder(model: Model, r: Reminder): string | undefined {
	if (model.entities.has(`r:${r.id}`)) return `r:${r.id}`;
	if (model.entities.has(`l:${r.id}`)) return `l:${r.id}`;
	if (r.taskId && model.entities.has(`t:${r.taskId}`)) return `t:${r.taskId}`;
	return undefined;
}

function toSalesforce(field: Exclude<Field, 'name'>, value: Value): Record<string, unknown> {
	if (field === 'status') return {Status: value === 'complete' ? 'Completed' : 'Not Started'};
	if (field === 'priority') return {Priority: value === 'high' ? 'High' : 'Normal'};
	if (field === 'dueDate') return {ActivityDate: value};
	return {Description: value === '' ? null : value};
}

async function act(h: Harness, model: Model, action: Action, identity: Identity): Promise<void> {
	const now = h.org.clock.nowMs();
	const live = (await h.reminders()).filter(r => keyOfReminder(model, r) !== undefined);
	switch (action.kind) {
		case 'localAdd': {
			const r = await addReminder(
				h.db,
				{name: action.name, dueDate: action.dueDate, priority: action.priority},
				{now: h.clock.now()},
			);
			// R5/R6: added while sync is off ⇒ local-only for good.
			const key = `${model.enabled ? 'r' : 'l'}:${r.id}`;
			model.write(key, 'name', 'local', r.name, now);
			model.write(key, 'status', 'local', 'open', now);
			model.write(key, 'priority', 'local', r.priority, now);
			model.write(key, 'dueDate', 'local', r.dueDate, now);
			model.write(key, 'details', 'local', '', now);
			break;
		}

		case 'localEdit': {
			const r = live[action.pick % Math.max(1, live.length)];
			const key = r && keyOfReminder(model, r);
			if (!r || !key || r[action.field] === action.value) break;
			await editReminder(h.db, r.id, {[action.field]: action.value}, {now: h.clock.now()});
			model.write(key, action.field, 'local', action.value, now);
			break;
		}

		case 'localDelete': {
			const r = live[action.pick % Math.max(1, live.length)];
			const key = r && keyOfReminder(model, r);
			if (!r || !key) break;
			await deleteReminder(h.db, r.id, {now: h.clock.now()});
			model.entity(key).deleted = true;
			break;
		}

		case 'sfAdd': {
			const asUser = action.byOther ? h.org.users.admin.id : h.repId;
			// Subjects made in Salesforce differ from local names: a Task the rep creates by hand with the same
			// Subject and due date as an in-doubt create would be linked to it (documented R18 limitation).
			const task = h.org.createTask(asUser, {
				Subject: `SF ${action.subject}`,
				ActivityDate: action.dueDate,
				OwnerId: h.repId,
			});
			const key = `t:${task.Id}`;
			for (const [field, value] of [
				['name', `SF ${action.subject}`],
				['status', 'open'],
				['priority', 'normal'],
				['dueDate', action.dueDate],
				['details', ''],
			] as const) {
				model.write(key, field, 'sf', value, now);
			}

			break;
		}

		case 'sfEdit':
		case 'sfDelete': {
			const byTask = new Map<string, string>();
			for (const r of await h.db.reminders.toArray()) {
				const key = keyOfReminder(model, r);
				if (r.taskId && key) byTask.set(r.taskId, key);
			}

			for (const e of model.entities.values()) if (e.key.startsWith('t:')) byTask.set(e.key.slice(2), e.key);
			const tasks = h.repTasks().filter(t => !t.IsDeleted && byTask.has(t.Id));
			const task = tasks[action.pick % Math.max(1, tasks.length)];
			const key = task && byTask.get(task.Id);
			if (!task || !key) break;
			const asUser = action.byOther ? h.org.users.rep2.id : h.repId;
			if (action.kind === 'sfDelete') {
				h.org.deleteTask(asUser, task.Id);
				model.entity(key).deleted = true;
			} else {
				const before = taskValue(task, action.field);
				const updated = h.org.updateTask(asUser, task.Id, toSalesforce(action.field, action.value));
				const at = updated.LastModifiedDate;
				// Salesforce keeps no per-field times: a write of the same value is no change to merge (R16).
				if (before !== action.value) model.write(key, action.field, 'sf', action.value, at);
				else model.entity(key).sfWrites.push(at);
			}

			break;
		}

		case 'advance':
			h.org.clock.advance(action.ms);
			break;
		case 'signIn':
			h.signIn();
			break;
		case 'toggle':
			if (model.enabled) await h.disable();
			else await enableSync(h.deps(), {identity});
			model.enabled = !model.enabled;
			break;
		case 'sync': {
			if (action.fault === 'lockRow') h.org.faults.set({lockRowRate: 1, seed: action.faultAt});
			else if (action.fault === 'commitThenDrop') h.org.faults.set({commitThenDrop: 1});
			else if (action.fault !== 'none') h.org.faults.set({failNth: {n: action.faultAt, kind: action.fault}});
			const sf = h.sf;
			const stopping = action.stop && sf ? stoppingPort(sf, action.stop.after, action.stop.mode) : undefined;
			if (stopping) h.sf = stopping;
			const cycle = h.sync('manual');
			if (stopping && action.stop?.mode === 'hang') {
				// The worker is gone mid-request: once the cycle reaches its hanging call it is abandoned for good.
				await Promise.race([cycle.catch(() => undefined), stopping.stopped]);
			} else {
				await cycle.catch(() => undefined);
			}

			h.org.faults.clear();
			if (action.stop) h.restart();
			break;
		}
	}

	h.org.clock.advance(2 * SECOND);
}

/** Runs cycles until nothing moves (faults are off). */
async function settle(h: Harness, model: Model, identity: Identity): Promise<void> {
	h.org.faults.clear();
	// R7: whatever was queued while sync was off is pushed once it is back on.
	if (!model.enabled) await enableSync(h.deps(), {identity});
	model.enabled = true;
	// Faults are over: a slow machine must not look like a timeout fault any more.
	h.timeoutMs = 10_000;
	for (let i = 0; i < 12; i++) {
		h.signIn();
		h.lock = (await import('@/background/sync/lock.js')).createMemoryLock();
		const result = await h.sync('manual');
		h.org.clock.advance(31 * 60 * SECOND);
		const pending = await h.db.outbox.count();
		if (result.outcome === 'ok' && pending === 0 && result.pushed === 0 && result.pulled === 0 && result.deleted === 0)
			return;
	}

	throw new Error('sync did not settle');
}

function expectedValue(e: Entity, field: Field): {exact?: Value; oneOf: Value[]} {
	const writes = e.writes[field] ?? [];
	const lastLocal = writes.filter(w => w.side === 'local').at(-1);
	const lastSf = writes.filter(w => w.side === 'sf').at(-1);
	if (field === 'name') return {exact: lastLocal?.value ?? lastSf?.value ?? null, oneOf: []};
	const lastSfAny = Math.max(-Infinity, ...e.sfWrites);
	// No local change is lost: a local edit later than every Salesforce write to the Task must win (R16, R17).
	if (lastLocal && lastLocal.at > lastSfAny) return {exact: lastLocal.value, oneOf: []};
	if (!lastLocal) return {exact: lastSf?.value ?? null, oneOf: []};
	// Otherwise the later edit wins by the Task's LastModifiedDate, which Salesforce keeps per record, not
	// per field: either value may be the right one.
	return {oneOf: [lastLocal.value, lastSf?.value ?? null]};
}

function taskValue(task: Record<string, unknown>, field: Field): Value {
	if (field === 'name') return task['Subject'] as Value;
	if (field === 'status') return task['Status'] === 'Completed' ? 'complete' : 'open';
	if (field === 'priority') return task['Priority'] === 'High' ? 'high' : 'normal';
	if (field === 'dueDate') return task['ActivityDate'] as Value;
	return (task['Description'] as Value) ?? '';
}

async function check(h: Harness, model: Model, oldTaskId: string): Promise<void> {
	const fail = (message: string) => {
		throw new Error(`model oracle: ${message}`);
	};
	const stored = await h.db.reminders.where('partition').equals(h.partition).toArray();
	// Tombstones of local-only reminders wait a day for undo; any other must be gone once sync settled.
	if (stored.some(r => r.deletedAt !== undefined && !r.localOnly)) fail('a tombstone survived settling');
	const all = stored.filter(r => r.deletedAt === undefined);
	if (all.some(r => r.syncState === 'error')) fail('a reminder is in error');
	const linked = all.filter(r => !r.localOnly);
	const taskIds = linked.map(r => r.taskId);
	if (taskIds.some(id => id === undefined)) fail('a synced reminder has no Task');
	if (new Set(taskIds).size !== taskIds.length) fail('two reminders share a Task (duplicate)');
	const liveTasks = h.repTasks().filter(t => !t.IsDeleted && t.Id !== oldTaskId);
	if (liveTasks.length !== linked.length)
		fail(`${liveTasks.length} live Tasks but ${linked.length} synced reminders (duplicate or lost)`);
	const localOnly = all
		.filter(r => r.localOnly && !model.entities.has(`l:${r.id}`))
		.map(r => r.name)
		.sort();
	if (localOnly.join() !== 'pre 1,pre 2') fail(`local-only reminders changed: ${localOnly.join()}`);
	const alive = [...model.entities.values()].filter(e => !e.deleted && !e.key.startsWith('l:')).length;
	if (alive !== linked.length)
		fail(`${alive} live entities but ${linked.length} synced reminders (a duplicate or a lost one)`);
	for (const e of model.entities.values()) {
		if (e.key.startsWith('l:')) {
			// R5: never pushed (the counts above), kept with every local edit.
			const reminder = all.find(r => r.id === e.key.slice(2));
			if (e.deleted) {
				if (reminder) fail(`deleted ${e.key} came back`);
				continue;
			}

			if (!reminder?.localOnly) fail(`${e.key} is not local-only any more`);
			for (const field of ['name', 'status', 'priority', 'dueDate', 'details'] as const) {
				const expected = e.writes[field]?.at(-1)?.value ?? null;
				if ((reminder?.[field] ?? null) !== expected) fail(`${e.key}.${field} lost a local edit`);
			}

			continue;
		}

		const reminder = e.key.startsWith('r:')
			? all.find(r => r.id === e.key.slice(2))
			: all.find(r => r.taskId === e.key.slice(2));
		if (e.deleted) {
			if (reminder) fail(`deleted ${e.key} came back as a reminder`);
			const taskId = e.key.startsWith('t:') ? e.key.slice(2) : undefined;
			if (taskId && h.org.getTask(taskId) && !h.org.getTask(taskId)?.IsDeleted)
				fail(`deleted ${e.key} came back in Salesforce`);
			continue;
		}

		if (!reminder) fail(`${e.key} was lost locally`);
		const task = h.org.getTask(reminder?.taskId ?? '');
		if (!reminder || !task || task.IsDeleted) fail(`${e.key} has no live Task`);
		for (const field of ['name', 'status', 'priority', 'dueDate', 'details'] as const) {
			const local = reminder?.[field] ?? null;
			const remote = taskValue(task as unknown as Record<string, unknown>, field);
			if (local !== remote) fail(`${e.key}.${field}: reminder ${String(local)} ≠ Task ${String(remote)}`);
			const expected = expectedValue(e, field);
			if (expected.exact !== undefined ? local !== expected.exact : !expected.oneOf.includes(local)) {
				fail(
					`${e.key}.${field} = ${String(local)}, expected ${expected.exact === undefined ? `one of ${expected.oneOf.join('|')}` : String(expected.exact)}`,
				);
			}
		}
	}
}

export async function runScenario(actions: Action[]): Promise<void> {
	// Generous timeouts for the setup; the actions use 150 ms so that the timeout fault stays cheap.
	const h = await startHarness({timeoutMs: 10_000});
	try {
		const model = new Model();
		const old = h.org.createTask(h.repId, {Subject: 'too old to import'});
		h.org.clock.advance(25 * 3_600_000);
		h.signIn();
		await addReminder(h.db, {name: 'pre 1'}, {now: h.clock.now()});
		const recent = h.org.createTask(h.repId, {Subject: 'recent', ActivityDate: '2026-03-06'});
		for (const [field, value] of [
			['name', 'recent'],
			['status', 'open'],
			['priority', 'normal'],
			['dueDate', '2026-03-06'],
			['details', ''],
		] as const) {
			model.write(`t:${recent.Id}`, field, 'sf', value, h.org.clock.nowMs());
		}

		h.org.clock.advance(2 * SECOND);
		await h.enable();
		const firstSync = await h.sync();
		if (process.env['MODEL_DEBUG']) console.log('first', firstSync, await h.db.reminders.toArray());
		await h.disable();
		await addReminder(h.db, {name: 'pre 2'}, {now: h.clock.now()});
		await h.enable();
		const identity = await h.sf?.identity();
		if (!identity) throw new Error('no identity');
		h.timeoutMs = 150;
		h.restart();
		for (const action of actions) await act(h, model, action, identity);
		await settle(h, model, identity);
		if (process.env['MODEL_DEBUG'])
			console.log('settled', await h.db.reminders.toArray(), await h.db.syncHistory.toArray());
		await check(h, model, old.Id);
	} finally {
		await h.close();
	}
}

export function modelProperty(maxActions: number) {
	return fc.asyncProperty(fc.array(actionArb, {minLength: 1, maxLength: maxActions, size: 'max'}), async actions =>
		runScenario(actions),
	);
}
