/**
 * The fixed start of every model run (model.ts): two Contacts, a Task too old to import, one recent Task, a
 * reminder kept local-only while sync was off, the first sync, sync switched off and on again. It takes no
 * random input, so every run starts from the same state: the first run of a process builds it for real and
 * keeps a copy (the org's records and sessions, every table of the Tickler database, the model's writes); each
 * later run gets a fresh org and database filled from that copy. A run then differs from a fresh setup only in
 * real time spent, and the soak no longer repeats the same first sync 100,000 times (it cost a quarter of a run).
 * `MODEL_FRESH_START=1` builds the start for real on every run. model-start.int.test.ts proves the copy equal.
 */
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {addReminder} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import {type OrgSnapshot, restoreOrg, snapshot} from '../org/persistence.js';
import {type Harness, startHarness} from './harness.js';
import {type Entity, Model, SECOND} from './model-actions.js';

export type ScenarioStart = {h: Harness; model: Model; identity: Identity; oldTaskId: string};

type Template = {
	org: string;
	tables: Record<string, unknown[]>;
	sid: string;
	identity: Identity;
	oldTaskId: string;
	contacts: Record<string, string>;
	entities: Array<[string, Entity]>;
};

/** One process's copy of the start; test helpers may keep state, the service worker may not. */
let template: Template | undefined;

async function buildStart(): Promise<ScenarioStart> {
	// Generous timeouts for the setup; the actions use 150 ms so that the timeout fault stays cheap.
	const h = await startHarness({timeoutMs: 10_000});
	try {
		const model = new Model();
		// R33: two Contacts the actions point Tasks and reminders at ('c1', 'c2').
		model.contacts = {
			c1: h.org.insertRecord('Contact', {FirstName: 'Ana', LastName: 'One'}),
			c2: h.org.insertRecord('Contact', {FirstName: 'Ben', LastName: 'Two'}),
		};
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
		return {h, model, identity, oldTaskId: old.Id};
	} catch (error) {
		await h.close();
		throw error;
	}
}

async function readTables(h: Harness): Promise<Record<string, unknown[]>> {
	const tables: Record<string, unknown[]> = {};
	for (const table of h.db.tables) tables[table.name] = await table.toArray();
	return tables;
}

async function keep(start: ScenarioStart): Promise<Template> {
	const {h, model} = start;
	return {
		org: JSON.stringify(snapshot(h.org)),
		tables: await readTables(h),
		sid: h.sid,
		identity: start.identity,
		oldTaskId: start.oldTaskId,
		contacts: {...model.contacts},
		entities: structuredClone([...model.entities]),
	};
}

async function restore(kept: Template): Promise<ScenarioStart> {
	const h = await startHarness({timeoutMs: 10_000});
	try {
		const org = JSON.parse(kept.org) as OrgSnapshot;
		restoreOrg(h.org, org);
		h.org.clock.set(new Date(org.savedAt));
		// The new org listens on its own port: the partition and the identity name its host (enable.ts).
		const host = new URL(h.local.url).host;
		const partitions = (kept.tables['partitions'] ?? []) as Partition[];
		await h.db.transaction('rw', h.db.tables, async () => {
			for (const table of h.db.tables) await table.bulkAdd(kept.tables[table.name] ?? []);
			await h.db.partitions.bulkPut(partitions.map(partition => ({...partition, instanceHost: host})));
		});
		h.sid = kept.sid;
		const model = new Model();
		model.contacts = {...kept.contacts};
		for (const [key, entity] of structuredClone(kept.entities)) model.entities.set(key, entity);
		return {h, model, identity: {...kept.identity, instanceHost: host}, oldTaskId: kept.oldTaskId};
	} catch (error) {
		await h.close();
		throw error;
	}
}

/** The start of one model run: built for real the first time in a process (or always, MODEL_FRESH_START=1). */
export async function startScenario(): Promise<ScenarioStart> {
	if (template && process.env['MODEL_FRESH_START'] !== '1') return restore(template);
	const start = await buildStart();
	template ??= await keep(start);
	return start;
}

/**
 * A start's org (its records and OAuth state; its sessions apart) and database, for the test that proves a
 * restored start equal to the one built for real (model-start.int.test.ts).
 */
export async function describeStart(
	start: ScenarioStart,
): Promise<{org: unknown; sessions: unknown[]; tables: Record<string, unknown[]>}> {
	const {savedAt: _savedAt, sessions, ...org} = snapshot(start.h.org);
	return {org, sessions, tables: await readTables(start.h)};
}
