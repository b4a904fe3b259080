/**
 * Applies one page of pulled Task rows and advances the checkpoint, in ONE Dexie transaction
 * (engineering guide §2.4): a worker stopped mid-pull loses at most this page.
 */
import type {TaskRow} from '@/background/salesforce/port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import {isSalesforceId, to18} from '@/background/salesforce/ids.js';
import {createAcknowledged, rowApplied} from '@/shared/store/outbox-lifecycle.js';
import {
	SYNCED_FIELDS,
	type ConflictRow,
	type OutboxEntry,
	type Reminder,
	type ReminderFields,
	type SyncedField,
} from '@/shared/store/schema.js';
import {isDetached, reattach} from './access.js';
import type {CycleContext} from './context.js';
import {importFields, pickFields, theirsFields} from './mapping.js';
import {mergeFields} from './merge.js';

/** R18: a Task created within this window before a create was recorded as sent may be that create. */
const INTENT_MATCH_SLACK_MS = 5 * 60_000;

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

function inScope(row: TaskRow): boolean {
	// R1: reminder-like Tasks only; archived ones are not imported (and are not deletions either, R15).
	return row.TaskSubtype === 'Task' && !row.IsRecurrence && !row.IsArchived && !row.IsDeleted;
}

/**
 * R36: Salesforce stamps whole seconds, so a row re-read at the same SystemModstamp as the base may still
 * carry a later write of that same second (another user's edit committed after our read). Only a row
 * whose stamp AND content equal what was applied is "already applied"; anything else goes through the
 * merge, which is idempotent (the base moves to the row's values, so a second read changes nothing).
 */
function alreadyApplied(row: TaskRow, reminder: Reminder, ctx: CycleContext): boolean {
	const base = reminder.base;
	if (!base || base.systemModstamp === '') return false;
	const rowStamp = parseSalesforceDateTime(row.SystemModstamp);
	const baseStamp = parseSalesforceDateTime(base.systemModstamp);
	if (rowStamp !== baseStamp) return rowStamp < baseStamp;
	if (row.LastModifiedDate !== base.lastModifiedDate) return false;
	if ((row.Status ?? '') !== base.sfStatus || (row.Priority ?? '') !== base.sfPriority) return false;
	const theirs = theirsFields(row, ctx.picklists);
	return SYNCED_FIELDS.every(field => theirs[field] === undefined || theirs[field] === base[field]);
}

function matchesIntent(row: TaskRow, entry: OutboxEntry): boolean {
	const sent = entry.createSent;
	if (!sent) return false;
	const created = parseSalesforceDateTime(row.CreatedDate);
	const notBefore = sent.cursor ? parseSalesforceDateTime(sent.cursor) : Number.NEGATIVE_INFINITY;
	// A Task created exactly at the cursor existed when the pull before the create ran (unless Salesforce's
	// whole-second stamps merely round it there). A live one may still be the create; a deleted one is taken
	// to be an older Task — typically one this same push just deleted, whose reminder is already gone —
	// because linking it would delete the reminder (R17), while sending again at worst re-creates a Task.
	const afterCursor = created > notBefore || (created === notBefore && !row.IsDeleted);
	return (
		(row.Subject ?? '') === sent.subject &&
		(row.ActivityDate ?? null) === sent.fields.dueDate &&
		created >= sent.at - INTENT_MATCH_SLACK_MS &&
		afterCursor
	);
}

/**
 * The index of the create in doubt this Task most likely is, or -1. Two reminders with the same name and
 * due date can both be in doubt; the one whose other sent values (details, priority, status) the Task also
 * has is taken, so neither reminder ends up with the other's Task and, through the merge, its values.
 */
function closestIntent(row: TaskRow, inDoubt: readonly OutboxEntry[], theirs: Partial<ReminderFields>): number {
	let best = -1;
	let bestScore = -1;
	for (const [index, entry] of inDoubt.entries()) {
		if (!matchesIntent(row, entry) || !entry.createSent) continue;
		const sent = entry.createSent.fields;
		const score = SYNCED_FIELDS.filter(field => theirs[field] !== undefined && theirs[field] === sent[field]).length;
		if (score > bestScore) {
			best = index;
			bestScore = score;
		}
	}

	return best;
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
	const offset = ctx.offsetMs();

	await db.transaction('rw', [db.reminders, db.outbox, db.checkpoints, db.conflicts], async () => {
		const linked = await db.reminders
			.where('[partition+taskId]')
			.anyOf(rows.map(row => [partitionId, row.Id]))
			.toArray();
		const byTask = new Map(linked.map(reminder => [reminder.taskId, reminder]));
		const entries = new Map(
			(await db.outbox.bulkGet(linked.map(r => r.id))).flatMap(e => (e ? [[e.reminderId, e] as const] : [])),
		);
		// R18: creates in doubt; loaded only when there are any (normally none).
		const inDoubt = (await db.outbox.where('partition').equals(partitionId).toArray()).filter(
			e => e.createSent !== undefined,
		);
		const putReminders = new Map<string, Reminder>();
		const putEntries = new Map<string, OutboxEntry>();
		const deleteReminders = new Set<string>();
		const deleteEntries = new Set<string>();
		const conflicts: ConflictRow[] = [];

		for (const row of rows) {
			let reminder = putReminders.get(byTask.get(row.Id)?.id ?? '') ?? byTask.get(row.Id);
			let entry = reminder ? (putEntries.get(reminder.id) ?? entries.get(reminder.id)) : undefined;
			let linkedNow = false;
			if (!reminder) {
				const intentIndex = closestIntent(row, inDoubt, theirsFields(row, ctx.picklists));
				const intent = inDoubt[intentIndex];
				if (intent?.createSent) {
					inDoubt.splice(intentIndex, 1);
					const candidate = await db.reminders.get(intent.reminderId);
					if (candidate && !candidate.taskId) {
						// R18: this Task is the create that was in doubt. Link it as if the create had been acked.
						const sentFields = intent.createSent.fields;
						reminder = {
							...candidate,
							taskId: row.Id,
							base: {...sentFields, lastModifiedDate: '', systemModstamp: '', sfStatus: '', sfPriority: ''},
						};
						const pending = SYNCED_FIELDS.filter(f => candidate[f] !== sentFields[f]);
						entry = createAcknowledged(intent, pending);
						if (!entry) deleteEntries.add(intent.reminderId);
						linkedNow = true;
						ctx.stats.notes.push('Linked a Task whose create had been interrupted (no duplicate created).');
					}
				}
			}

			if (row.IsDeleted) {
				if (reminder) {
					// R14/R16: a deletion in Salesforce deletes the reminder, even against local edits.
					deleteReminders.add(reminder.id);
					deleteEntries.add(reminder.id);
					putReminders.delete(reminder.id);
					putEntries.delete(reminder.id);
					ctx.stats.deleted++;
				}

				continue;
			}

			if (!reminder) {
				if (!inScope(row) || row.OwnerId !== ctx.identity.userId) continue;
				if (parseSalesforceDateTime(row.LastModifiedDate) < options.importFloor) continue;
				const fields = importFields(row, ctx.picklists);
				const imported: Reminder = {
					...fields,
					id: crypto.randomUUID(),
					partition: partitionId,
					taskId: row.Id,
					createdAt: now,
					updatedAt: now,
					editedAt: {},
					origin: 'salesforce',
					localOnly: false,
					syncState: 'synced',
					base: {
						...fields,
						lastModifiedDate: row.LastModifiedDate,
						systemModstamp: row.SystemModstamp,
						sfStatus: row.Status ?? '',
						sfPriority: row.Priority ?? '',
					},
				};
				putReminders.set(imported.id, imported);
				byTask.set(row.Id, imported);
				ctx.stats.pulled++;
				continue;
			}

			byTask.set(row.Id, reminder);
			let localChanged: readonly SyncedField[] = entry?.fields ?? [];
			let reattached = false;
			if (isDetached(reminder) && reminder.deletedAt === undefined) {
				// R37: the Task is the rep's again (the pull only reads the rep's Tasks): link the reminder back.
				const back = reattach(reminder);
				reminder = back.reminder;
				localChanged = [...new Set([...localChanged, ...back.localChanged])];
				reattached = true;
				ctx.stats.notes.push('R37: a Task that was no longer yours is yours again; its reminder syncs again.');
			}

			const base = reminder.base;
			if (!reattached && alreadyApplied(row, reminder, ctx)) {
				// Already applied (the pull re-reads its last second on purpose, R36). Keep any linking done above.
				if (linkedNow) {
					if (entry) putEntries.set(reminder.id, entry);
					putReminders.set(reminder.id, reminder);
				}

				continue;
			}

			const baseFields: ReminderFields = base ?? importFields(row, ctx.picklists);
			const stamp = {
				lastModifiedDate: row.LastModifiedDate,
				systemModstamp: row.SystemModstamp,
				sfStatus: row.Status ?? '',
				sfPriority: row.Priority ?? '',
			};
			if (reminder.deletedAt !== undefined) {
				// R16: an edit against a local deletion — the deletion wins; the tombstone stays until pushed.
				putReminders.set(reminder.id, {...reminder, base: {...pickFields(baseFields), ...stamp}});
				if (entry) putEntries.set(reminder.id, entry);
				continue;
			}

			const editedAt = Object.fromEntries(Object.entries(reminder.editedAt).map(([field, at]) => [field, at + offset]));
			const merged = mergeFields({
				base: baseFields,
				yours: reminder,
				theirs: theirsFields(row, ctx.picklists),
				localChanged,
				localEditedAt: editedAt,
				remoteModifiedAt: parseSalesforceDateTime(row.LastModifiedDate),
				sentInDoubt: entry?.updateSent?.fields,
			});
			const changedLocally = Object.keys(merged.apply).length > 0;
			if (changedLocally) ctx.stats.pulled++;
			const next: Reminder = {
				...reminder,
				...merged.apply,
				base: {...merged.base, ...stamp},
				updatedAt: changedLocally ? now : reminder.updatedAt,
			};
			for (const conflict of merged.conflicts) {
				conflicts.push({partition: partitionId, reminderId: reminder.id, taskId: row.Id, ...conflict, at: now});
			}

			ctx.stats.conflicts += merged.conflicts.length;
			if (merged.conflicts.some(c => c.winner === 'salesforce')) next.lastConflictAt = now;
			// This row shows whether an update in doubt was committed: the merge above has taken it into account.
			const nextEntry = rowApplied(entry, {reminderId: reminder.id, partition: partitionId}, merged.pending, now);
			if (nextEntry) {
				putEntries.set(reminder.id, nextEntry);
				if (next.syncState !== 'error') next.syncState = 'pending';
			} else {
				if (entry) deleteEntries.add(reminder.id);
				putEntries.delete(reminder.id);
				next.syncState =
					next.lastConflictAt === now ? 'conflict' : next.syncState === 'conflict' ? 'conflict' : 'synced';
				delete next.error;
			}

			putReminders.set(reminder.id, next);
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
