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
import {decideRow, type PageFacts} from './row-decision.js';

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
	const partitionId = ctx.partition.id;
	const rows: TaskRow[] = [];
	for (const raw of rawRows) {
		const row = validRow(raw);
		if (row) rows.push(row);
	}

	const skipped = rawRows.length - rows.length;
	if (skipped > 0) ctx.stats.notes.push(`Skipped ${skipped} malformed Task row(s) from Salesforce.`);
	const lastModstamp = rows.at(-1)?.SystemModstamp;
	const now = ctx.deps.clock.now();

	await db.transaction('rw', [db.reminders, db.outbox, db.checkpoints, db.conflicts], async () => {
		const linked = await db.reminders
			.where('[partition+taskId]')
			.anyOf(rows.map(row => [partitionId, row.Id]))
			.toArray();
		const byTask = new Map(linked.map(reminder => [reminder.taskId, reminder]));
		const entries = new Map(
			(await db.outbox.bulkGet(linked.map(r => r.id))).flatMap(e => (e ? [[e.reminderId, e] as const] : [])),
		);
		// R18: creates in doubt (normally none), and their reminders; a row uses up the one it matches.
		let inDoubt = (await db.outbox.where('partition').equals(partitionId).toArray()).filter(
			e => e.createSent !== undefined,
		);
		const inDoubtReminders = new Map(
			(await db.reminders.bulkGet(inDoubt.map(e => e.reminderId))).flatMap(r => (r ? [[r.id, r] as const] : [])),
		);
		const page: PageFacts = {
			partitionId,
			userId: ctx.identity.userId,
			picklists: ctx.picklists,
			importFloor: options.importFloor,
			now,
			offsetMs: ctx.offsetMs(),
			newId: () => crypto.randomUUID(),
		};
		const putReminders = new Map<string, Reminder>();
		const putEntries = new Map<string, OutboxEntry>();
		const deleteReminders = new Set<string>();
		const deleteEntries = new Set<string>();
		const conflicts: ConflictRow[] = [];

		for (const row of rows) {
			// Earlier rows of this page may have changed the reminder or its entry: start from their result.
			const reminder = putReminders.get(byTask.get(row.Id)?.id ?? '') ?? byTask.get(row.Id);
			const entry = reminder ? (putEntries.get(reminder.id) ?? entries.get(reminder.id)) : undefined;
			const decision = decideRow({row, reminder, entry, inDoubt, inDoubtReminders}, page);
			if (decision.intentTaken !== undefined) {
				inDoubt = inDoubt.filter(e => e.reminderId !== decision.intentTaken);
			}

			if (decision.linked) byTask.set(row.Id, decision.linked);
			if (decision.linkedCreate) {
				ctx.stats.notes.push('Linked a Task whose create had been interrupted (no duplicate created).');
			}

			if (decision.reattached) {
				ctx.stats.notes.push('R37: a Task that was no longer yours is yours again; its reminder syncs again.');
			}

			const outcome = decision.outcome;
			switch (outcome.kind) {
				case 'skip': {
					break;
				}

				case 'delete-local': {
					deleteReminders.add(outcome.reminderId);
					deleteEntries.add(outcome.reminderId);
					putReminders.delete(outcome.reminderId);
					putEntries.delete(outcome.reminderId);
					ctx.stats.deleted++;
					break;
				}

				case 'import': {
					putReminders.set(outcome.reminder.id, outcome.reminder);
					ctx.stats.pulled++;
					break;
				}

				case 'keep-tombstone': {
					putReminders.set(outcome.reminder.id, outcome.reminder);
					if (outcome.entry) putEntries.set(outcome.reminder.id, outcome.entry);
					break;
				}

				case 'merge': {
					const id = outcome.reminder.id;
					if (outcome.pulled) ctx.stats.pulled++;
					conflicts.push(...outcome.conflicts);
					ctx.stats.conflicts += outcome.conflicts.length;
					if (outcome.entry) {
						putEntries.set(id, outcome.entry);
					} else {
						deleteEntries.add(id);
						putEntries.delete(id);
					}

					putReminders.set(id, outcome.reminder);
					break;
				}
			}
		}

		if (deleteReminders.size > 0) await db.reminders.bulkDelete([...deleteReminders]);
		if (deleteEntries.size > 0) await db.outbox.bulkDelete([...deleteEntries].filter(id => !putEntries.has(id)));
		if (putReminders.size > 0) await db.reminders.bulkPut([...putReminders.values()]);
		if (putEntries.size > 0) await db.outbox.bulkPut([...putEntries.values()]);
		if (conflicts.length > 0) await db.conflicts.bulkAdd(conflicts);
		if (lastModstamp !== undefined) {
			const checkpoint = (await db.checkpoints.get(partitionId)) ?? {partition: partitionId, systemModstamp: null};
			await db.checkpoints.put({...checkpoint, systemModstamp: lastModstamp});
		}
	});
}
