/** The model-based test's oracle: let sync settle, then check convergence, duplicates, losses and resurrection. */
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {enableSync} from '@/background/sync/enable.js';
import {createMemoryLock} from '@/background/sync/lock.js';
import {retryReminder} from '@/shared/store/local-edits.js';
import {ACCESS_CHUNK} from '@/background/sync/access.js';
import type {Harness} from './harness.js';
import {checkRequestSizes, lookupsSince} from './model-lookups.js';
import {checkGrant, keepConnected} from './model-oauth.js';
import {adoptRegenerated} from './model-recurrence.js';
import {
	type Entity,
	type Field,
	type Model,
	MODEL_FIELDS,
	newPort,
	RULE_NAME,
	SECOND,
	taskValue,
	type Value,
	WHOLE_REFUSAL,
} from './model-actions.js';

export async function settle(h: Harness, model: Model, identity: Identity): Promise<void> {
	h.org.faults.clear();
	// R19/R37: the admin drops the validation rule and the rep retries what it refused (parked until then).
	// R39: the same for a refusal of the whole request (settled as each record's own error).
	h.org.validationRules.remove(RULE_NAME);
	model.ruleOn = false;
	model.wholeRefusal = false;
	const refusedCodes = ['FIELD_CUSTOM_VALIDATION_EXCEPTION', WHOLE_REFUSAL.errorCode];
	for (const r of await h.db.reminders.toArray())
		if (refusedCodes.includes(r.error?.code ?? '')) await retryReminder(h.db, r.id, {now: h.clock.now()});
	// R7: whatever was queued while sync was off is pushed once it is back on.
	if (!model.enabled) await enableSync(h.deps(), {identity});
	model.enabled = true;
	// Faults are over: a slow machine must not look like a timeout fault any more.
	h.timeoutMs = 10_000;
	for (let i = 0; i < 12; i++) {
		// R54: a grant lost only after a lost answer; then the rep reconnects (model-oauth.ts).
		if (model.oauth) await keepConnected(h, model.oauth);
		await newPort(h, model);
		h.lock = createMemoryLock();
		const result = await h.sync('manual');
		h.org.clock.advance(31 * 60 * SECOND);
		const pending = await h.db.outbox.count();
		if (
			result.outcome === 'ok' &&
			pending === 0 &&
			result.pushed === 0 &&
			result.pulled === 0 &&
			result.deleted === 0
		) {
			// §14.3: a completion pushed while settling made the next Task of a repeating one.
			adoptRegenerated(h, model);
			return;
		}
	}

	throw new Error('sync did not settle');
}

/**
 * R37: a reassigned Task is noticed by the weekly reconciliation (the poll filters OwnerId = me). When the
 * run reassigned any, a week passes and sync settles again, so the oracle can require every one marked.
 */
export async function settleReassigned(h: Harness, model: Model, identity: Identity): Promise<void> {
	if (![...model.entities.values()].some(e => e.reassigned !== undefined || e.hidden !== undefined)) return;
	h.org.clock.advance(8 * 86_400_000);
	await settle(h, model, identity);
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

/**
 * R55: when the rep got more Tasks than one lookup carries, a week passes and sync settles again, so the
 * weekly reconciliation looks every linked Task up — in more than one lookup, each within the limit. Only when
 * more than one lookup's worth are still linked after it: the run may have hidden or deleted some of them
 * (sfHide, sfDelete), and then one lookup carries them all — the 100,000-run soak found one such run (seed
 * 664160572, path 3139:3:3:6:7:7:8: 270 Tasks in one write, then one hidden and one deleted; 269 linked).
 */
export async function settleLookups(h: Harness, model: Model, identity: Identity): Promise<void> {
	if (!model.many) return;
	h.org.clock.advance(8 * 86_400_000);
	const since = h.org.requests.length;
	await settle(h, model, identity);
	// What the reconciliation looked up is at least what is linked now (it only removes).
	const linked = (await h.db.reminders.where('partition').equals(h.partition).toArray()).filter(
		r => r.taskId !== undefined && r.deletedAt === undefined,
	).length;
	if (linked <= ACCESS_CHUNK) return;
	const lookups = lookupsSince(h, since);
	// The poll, then at least two lookups of the reconciliation.
	if (lookups < 3)
		throw new Error(`model oracle: R55: ${lookups} queryAll requests after a week with ${linked} linked Tasks`);
}

export async function check(h: Harness, model: Model, oldTaskId: string): Promise<void> {
	const fail = (message: string): never => {
		throw new Error(`model oracle: ${message}`);
	};
	checkRequestSizes(h, fail);
	if (model.oauth) await checkGrant(h, model.oauth, fail);
	const stored = await h.db.reminders.where('partition').equals(h.partition).toArray();
	// Tombstones of local-only reminders wait a day for undo; any other must be gone once sync settled.
	if (stored.some(r => r.deletedAt !== undefined && !r.localOnly)) fail('a tombstone survived settling');
	const all = stored.filter(r => r.deletedAt === undefined);
	const reassigned = new Set(
		[...model.entities.values()].flatMap(e => (e.reassigned === undefined ? [] : [e.reassigned])),
	);
	const hidden = new Set([...model.entities.values()].flatMap(e => (e.hidden === undefined ? [] : [e.hidden])));
	// R37: the only errors allowed are the marks of Tasks reassigned away from the rep or hidden from them.
	const wronglyInError = all.filter(
		r =>
			r.syncState === 'error' &&
			!(r.error?.code === 'TASK_NOT_YOURS' && reassigned.has(r.taskId ?? '')) &&
			!(r.error?.code === 'TASK_NOT_VISIBLE' && hidden.has(r.taskId ?? '')),
	);
	if (wronglyInError.length > 0) fail(`a reminder is in error: ${JSON.stringify(wronglyInError[0]?.error)}`);
	const linked = all.filter(r => !r.localOnly);
	const taskIds = linked.map(r => r.taskId);
	if (taskIds.some(id => id === undefined)) fail('a synced reminder has no Task');
	if (new Set(taskIds).size !== taskIds.length) fail('two reminders share a Task (duplicate)');
	// R1/R35: series masters never sync.
	const liveTasks = h.repTasks().filter(t => !t.IsDeleted && !t.IsRecurrence && t.Id !== oldTaskId);
	if (liveTasks.length !== linked.length)
		fail(`${liveTasks.length} live Tasks but ${linked.length} synced reminders (duplicate or lost)`);
	const localOnly = all
		.filter(r => r.localOnly && r.taskId === undefined && !model.entities.has(`l:${r.id}`))
		.map(r => r.name)
		.sort();
	if (localOnly.join() !== 'pre 1,pre 2') fail(`local-only reminders changed: ${localOnly.join()}`);
	const alive = [...model.entities.values()].filter(
		e => !e.deleted && !e.key.startsWith('l:') && e.reassigned === undefined && e.hidden === undefined,
	).length;
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
			for (const field of MODEL_FIELDS) {
				const expected = e.writes[field]?.at(-1)?.value ?? null;
				if ((reminder?.[field] ?? null) !== expected) fail(`${e.key}.${field} lost a local edit`);
			}

			continue;
		}

		const reminder = e.key.startsWith('r:')
			? all.find(r => r.id === e.key.slice(2))
			: all.find(r => r.taskId === e.key.slice(2));
		if (e.reassigned !== undefined || e.hidden !== undefined) {
			// R37: never dropped as if deleted; marked with the reason once noticed; no local edit lost.
			if (e.deleted) {
				if (reminder) fail(`deleted ${e.key} came back as a reminder`);
				continue;
			}

			const code = e.reassigned === undefined ? 'TASK_NOT_VISIBLE' : 'TASK_NOT_YOURS';
			// A hidden Task cannot be told from a purged one: after a >15-day gap its reminder goes (R15).
			if (!reminder && e.hidden !== undefined) continue;
			if (!reminder) fail(`reassigned ${e.key} lost its reminder`);
			if (reminder?.error?.code !== code || !reminder.localOnly)
				fail(`${code} ${e.key} is not marked: ${reminder?.syncState ?? ''} ${reminder?.error?.code ?? ''}`);
			// Salesforce edits made after the last pull that saw the Task never arrive (it is not the rep's any
			// more); a local edit later than every Salesforce write must still be there.
			for (const field of MODEL_FIELDS.filter(f => f !== 'name')) {
				const lastLocal = (e.writes[field] ?? []).filter(w => w.side === 'local').at(-1);
				if (
					lastLocal &&
					lastLocal.at > Math.max(-Infinity, ...e.sfWrites) &&
					(reminder?.[field] ?? null) !== lastLocal.value
				)
					fail(`reassigned ${e.key}.${field} lost a local edit`);
			}

			continue;
		}

		if (e.deleted) {
			if (reminder) fail(`deleted ${e.key} came back as a reminder`);
			const taskId = e.key.startsWith('t:') ? e.key.slice(2) : undefined;
			if (taskId && !e.neverSeen && h.org.getTask(taskId) && !h.org.getTask(taskId)?.IsDeleted)
				fail(`deleted ${e.key} came back in Salesforce`);
			continue;
		}

		if (!reminder) fail(`${e.key} was lost locally`);
		const task = h.org.getTask(reminder?.taskId ?? '');
		if (!reminder || !task || task.IsDeleted) fail(`${e.key} has no live Task`);
		for (const field of MODEL_FIELDS) {
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
