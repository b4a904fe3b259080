/**
 * The model's repeating Tasks (R35, issue 19): a Task with `RecurrenceRegeneratedType` ("Repeat This Task")
 * makes the next Task in the same save when it is closed — closed in Salesforce, or completed in Tickler and
 * pushed. Nobody in the run creates that next Task, so the model learns of it from the org (`adoptRegenerated`,
 * after every move and once sync settled) with the values Salesforce gave it; the oracle then requires it
 * imported exactly once, like every other Task of the rep: one reminder, its fields, no duplicate, no loss.
 */
import fc from 'fast-check';
import {editReminder} from '@/shared/store/local-edits.js';
import type {TaskRow} from '../org/index.js';
import type {Harness} from './harness.js';
import {keyOfReminder, MODEL_FIELDS, type Model, taskValue, type Value} from './model-actions.js';

/** The two kinds of "Repeat This Task" (test/org/records/recurrence.ts). */
const AFTER = {due: 'RecurrenceRegenerateAfterDueDate', close: 'RecurrenceRegenerateAfterToday'} as const;
const REPEATING: ReadonlySet<unknown> = new Set(Object.values(AFTER));

export type RepeatingMove =
	/** A Task made in Salesforce that repeats `days` after its due date or after the day it is closed. */
	| {kind: 'sfRepeating'; byOther: boolean; subject: string; dueDate: Value; after: 'due' | 'close'; days: number}
	/** A repeating Task closed: in Salesforce (by the rep or another user), or completed in Tickler. */
	| {kind: 'closeRepeating'; pick: number; side: 'local' | 'sf' | 'sfOther'};

export const repeatingMoves = (names: fc.Arbitrary<string>, dates: fc.Arbitrary<Value>) => ({
	create: fc.record({
		kind: fc.constant('sfRepeating' as const),
		byOther: fc.boolean(),
		subject: names,
		dueDate: dates,
		after: fc.constantFrom('due' as const, 'close' as const),
		days: fc.integer({min: 1, max: 3}),
	}),
	close: fc.record({
		kind: fc.constant('closeRepeating' as const),
		pick: fc.nat(10),
		side: fc.constantFrom('local' as const, 'sf' as const, 'sfOther' as const),
	}),
});

/** Whether a Task repeats when closed (and has not yet). */
const repeats = (task: TaskRow): boolean => !task.IsDeleted && REPEATING.has(task['RecurrenceRegeneratedType']);

export function recordTask(model: Model, task: TaskRow): void {
	for (const field of MODEL_FIELDS) model.write(`t:${task.Id}`, field, 'sf', taskValue(task, field), task.CreatedDate);
}

export function createRepeating(h: Harness, model: Model, move: Extract<RepeatingMove, {kind: 'sfRepeating'}>): void {
	const task = h.org.createTask(move.byOther ? h.org.users.admin.id : h.repId, {
		Subject: `SF repeat ${move.subject}`,
		ActivityDate: move.dueDate,
		OwnerId: h.repId,
		RecurrenceRegeneratedType: AFTER[move.after],
		RecurrenceInterval: move.days,
	});
	recordTask(model, task);
}

/**
 * Closes one open repeating Task of the rep that the model knows. `write` is the model's Salesforce-side edit
 * (model-actions.ts: it honours the validation rule and records the write).
 */
export async function closeRepeating(
	h: Harness,
	model: Model,
	move: Extract<RepeatingMove, {kind: 'closeRepeating'}>,
	write: (asUser: string, picked: {task: TaskRow; key: string}) => void,
): Promise<void> {
	const open = h.repTasks().filter(task => repeats(task) && !task.IsClosed && model.entities.has(`t:${task.Id}`));
	const task = open[move.pick % Math.max(1, open.length)];
	if (!task) return;
	if (move.side !== 'local') {
		write(move.side === 'sf' ? h.repId : h.org.users.rep2.id, {task, key: `t:${task.Id}`});
		return;
	}

	// Completed in Tickler: the push closes it and Salesforce makes the next Task in that save.
	const reminder = (await h.reminders()).find(r => r.taskId === task.Id && keyOfReminder(model, r) !== undefined);
	if (!reminder || reminder.status === 'complete') return;
	await editReminder(h.db, reminder.id, {status: 'complete'}, {now: h.clock.now()});
	model.write(keyOfReminder(model, reminder) ?? `t:${task.Id}`, 'status', 'local', 'complete', h.org.clock.nowMs());
}

/**
 * The Tasks Salesforce made by repeating a closed one since the model last looked: the rep's repeating Tasks
 * the model has never seen (no move creates one unseen). Recorded as Salesforce made them.
 */
export function adoptRegenerated(h: Harness, model: Model): number {
	let adopted = 0;
	for (const task of h.repTasks())
		if (repeats(task) && !model.entities.has(`t:${task.Id}`)) {
			recordTask(model, task);
			model.regenerated++;
			adopted++;
		}

	return adopted;
}
