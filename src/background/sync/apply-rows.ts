/**
 * Applies one page of pulled Task rows and advances the checkpoint, in ONE Dexie transaction
 * (engineering guide §2.4): a worker stopped mid-pull loses at most this page. What each row does is
 * decided without I/O in `row-decision.ts`; this file reads the facts and writes the decisions.
 */
import type {TaskRow} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import {isSalesforceId, to18} from '@/shared/record-ids.js';
import type {ConflictRow, OutboxEntry, Reminder} from '@/shared/store/schema.js';
import type {CycleContext} from './cycle-context.js';
import {decideRow, type PageFacts, type RowOutcome} from './row-decision.js';

export type PageOptions = {
	/** R4: unlinked Tasks last modified before this (server ms) are not imported. */
	importFloor: number;
};

/** Rejects rows that are not what Salesforce documents (issue 4 "Bad input"); they are skipped, not applied. */
function validRow(raw: unknown): TaskRow | undefined {
	const row = raw as Partial<TaskRow> | null;
	if (
		!row ||
		!isSalesforceId(row.Id) ||
		typeof row.SystemModstamp !== 'string' ||
		Number.isNaN(parseSalesforceDateTime(row.SystemModstamp))
	)
		return undefined;
	if (typeof row.LastModifiedDate !== 'string' || typeof row.OwnerId !== 'string') return undefined;
	return {...(row as TaskRow), Id: to18(row.Id), OwnerId: to18(row.OwnerId)};
}

export async function applyPage(ctx: CycleContext, rawRows: unknown[], options: PageOptions): Promise<void> {
	const {db} = ctx.deps;
	const rows: TaskRow[] = [];
	for (const raw of rawRows) {
		const row = validRow(raw);
		if (row) rows.push(row);
	}

	const skipped = rawRows.length - rows.length;
	if (skipped > 0) ctx.stats.notes.push(`Skipped ${skipped} malformed Task row(s) from Salesforce.`);
	const page: PageFacts = {
		partitionId: ctx.partition.id,
		userId: ctx.identity.userId,
		picklists: ctx.picklists,
		importFloor: options.importFloor,
		now: ctx.deps.clock.now(),
		offsetMs: ctx.offsetMs(),
		newId: () => crypto.randomUUID(),
	};

	await db.transaction('rw', [db.reminders, db.outbox, db.checkpoints, db.conflicts], async () => {
		const known = await readKnown(ctx, rows);
		const writes = emptyWrites();
		for (const row of rows) decideAndCollect(ctx, row, page, known, writes);
		await commit(ctx, writes, rows.at(-1)?.SystemModstamp);
	});
}

/** What the store knows of this page's Tasks: their linked reminders and entries, and the creates in doubt. */
type Known = {
	byTask: Map<string | undefined, Reminder>;
	entries: Map<string, OutboxEntry>;
	inDoubt: OutboxEntry[];
	inDoubtReminders: Map<string, Reminder>;
};

async function readKnown(ctx: CycleContext, rows: readonly TaskRow[]): Promise<Known> {
	const {db} = ctx.deps;
	const partitionId = ctx.partition.id;
	const linked = await db.reminders
		.where('[partition+taskId]')
		.anyOf(rows.map(row => [partitionId, row.Id]))
		.toArray();
	const entries = new Map(
		(await db.outbox.bulkGet(linked.map(r => r.id))).flatMap(e => (e ? [[e.reminderId, e] as const] : [])),
	);
	// R18: creates in doubt (normally none), and their reminders; a row uses up the one it matches.
	const inDoubt = (await db.outbox.where('partition').equals(partitionId).toArray()).filter(
		e => e.createSent !== undefined,
	);
	const inDoubtReminders = new Map(
		(await db.reminders.bulkGet(inDoubt.map(e => e.reminderId))).flatMap(r => (r ? [[r.id, r] as const] : [])),
	);
	return {byTask: new Map(linked.map(reminder => [reminder.taskId, reminder])), entries, inDoubt, inDoubtReminders};
}

/** What the page writes, gathered row by row and committed at once. */
type PageWrites = {
	putReminders: Map<string, Reminder>;
	putEntries: Map<string, OutboxEntry>;
	deleteReminders: Set<string>;
	deleteEntries: Set<string>;
	conflicts: ConflictRow[];
};

function emptyWrites(): PageWrites {
	return {
		putReminders: new Map(),
		putEntries: new Map(),
		deleteReminders: new Set(),
		deleteEntries: new Set(),
		conflicts: [],
	};
}

function decideAndCollect(ctx: CycleContext, row: TaskRow, page: PageFacts, known: Known, writes: PageWrites): void {
	// Earlier rows of this page may have changed the reminder or its entry: start from their result.
	const reminder = writes.putReminders.get(known.byTask.get(row.Id)?.id ?? '') ?? known.byTask.get(row.Id);
	const entry = reminder ? (writes.putEntries.get(reminder.id) ?? known.entries.get(reminder.id)) : undefined;
	const decision = decideRow(
		{row, reminder, entry, inDoubt: known.inDoubt, inDoubtReminders: known.inDoubtReminders},
		page,
	);
	if (decision.intentTaken !== undefined) {
		known.inDoubt = known.inDoubt.filter(e => e.reminderId !== decision.intentTaken);
	}

	if (decision.linked) known.byTask.set(row.Id, decision.linked);
	if (decision.linkedCreate) {
		ctx.stats.notes.push('Linked a Task whose create had been interrupted (no duplicate created).');
	}

	if (decision.reattached) {
		ctx.stats.notes.push('R37: a Task that was no longer yours is yours again; its reminder syncs again.');
	}

	collect(ctx, decision.outcome, writes);
}

function collect(ctx: CycleContext, outcome: RowOutcome, writes: PageWrites): void {
	switch (outcome.kind) {
		case 'skip': {
			break;
		}

		case 'delete-local': {
			writes.deleteReminders.add(outcome.reminderId);
			writes.deleteEntries.add(outcome.reminderId);
			writes.putReminders.delete(outcome.reminderId);
			writes.putEntries.delete(outcome.reminderId);
			ctx.stats.deleted++;
			break;
		}

		case 'import': {
			writes.putReminders.set(outcome.reminder.id, outcome.reminder);
			ctx.stats.pulled++;
			break;
		}

		case 'keep-tombstone': {
			writes.putReminders.set(outcome.reminder.id, outcome.reminder);
			if (outcome.entry) writes.putEntries.set(outcome.reminder.id, outcome.entry);
			break;
		}

		case 'merge': {
			const id = outcome.reminder.id;
			if (outcome.pulled) ctx.stats.pulled++;
			writes.conflicts.push(...outcome.conflicts);
			ctx.stats.conflicts += outcome.conflicts.length;
			if (outcome.entry) {
				writes.putEntries.set(id, outcome.entry);
			} else {
				writes.deleteEntries.add(id);
				writes.putEntries.delete(id);
			}

			writes.putReminders.set(id, outcome.reminder);
			break;
		}
	}
}

/** The page's writes and its checkpoint, in the caller's transaction (engineering guide §2.4). */
async function commit(ctx: CycleContext, writes: PageWrites, lastModstamp: string | undefined): Promise<void> {
	const {db} = ctx.deps;
	const partitionId = ctx.partition.id;
	const {putReminders, putEntries, deleteReminders, deleteEntries, conflicts} = writes;
	if (deleteReminders.size > 0) await db.reminders.bulkDelete([...deleteReminders]);
	if (deleteEntries.size > 0) await db.outbox.bulkDelete([...deleteEntries].filter(id => !putEntries.has(id)));
	if (putReminders.size > 0) await db.reminders.bulkPut([...putReminders.values()]);
	if (putEntries.size > 0) await db.outbox.bulkPut([...putEntries.values()]);
	if (conflicts.length > 0) await db.conflicts.bulkAdd(conflicts);
	if (lastModstamp !== undefined) {
		const checkpoint = (await db.checkpoints.get(partitionId)) ?? {partition: partitionId, systemModstamp: null};
		await db.checkpoints.put({...checkpoint, systemModstamp: lastModstamp});
	}
}
