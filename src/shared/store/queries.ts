/**
 * Reads for the UI (popup, options, badge). Read-only; safe from any context that can open the DB.
 * "Today" and "tomorrow" are the rep's local calendar dates, passed in as YYYY-MM-DD strings (R11).
 */
import {Dexie} from 'dexie';
import type {TicklerDb} from './open-db.js';
import {isHeldForUndo, isReadyToPush, readyAt} from './outbox.js';
import type {ConflictRow, Partition, Reminder, SyncHistoryRow} from './schema.js';

/** Count for the toolbar icon (R22): open reminders due today (overdue ones included). */
export async function dueTodayCount(db: TicklerDb, partition: string, today: string): Promise<number> {
	const rows = await db.reminders
		.where('[partition+status+dueDate]')
		.between([partition, 'open', Dexie.minKey], [partition, 'open', today], true, true)
		.toArray();
	return rows.filter(row => row.deletedAt === undefined).length;
}

/** Every visible reminder of a partition (no tombstones). */
export async function listReminders(db: TicklerDb, partition: string): Promise<Reminder[]> {
	// toArray() then filter: a Dexie filter walks a cursor, which is far slower than getAll on big tables.
	const rows = await db.reminders.where('partition').equals(partition).toArray();
	return rows.filter(row => row.deletedAt === undefined);
}

/**
 * How many visible reminders a partition holds, without reading them: one index count, less its tombstones.
 * Disconnect's confirmation shows it and reads it again at each change while open (disconnect-stakes.ts);
 * reading every row would cost a busy rep's 20,000 each time. Tombstones are few (maintenance.ts purges them),
 * so reading those is cheap.
 */
export async function countReminders(db: TicklerDb, partition: string): Promise<number> {
	const [all, tombstones] = await Promise.all([
		db.reminders.where('partition').equals(partition).count(),
		db.reminders.where('deletedAt').aboveOrEqual(-Infinity).toArray(),
	]);
	return all - tombstones.filter(row => row.partition === partition).length;
}

/** The names of the given reminders, by id (for the few rows a page lists by reminder id). */
export async function reminderNames(db: TicklerDb, ids: readonly string[]): Promise<Map<string, string>> {
	const rows = await db.reminders.bulkGet([...new Set(ids)]);
	return new Map(rows.flatMap(row => (row ? [[row.id, row.name] as const] : [])));
}

/** Local changes waiting to be pushed (parked ones are counted as errors instead). */
export async function pendingCount(db: TicklerDb, partition: string): Promise<number> {
	return db.outbox.where('[partition+parked]').equals([partition, 0]).count();
}

/**
 * Outbox entries the next cycle would push now (not parked, not waiting out a per-record retry). Feed this,
 * not pendingCount, to nextSyncDelay's pendingLocalChanges, so a record in backoff does not make the
 * scheduler poll every few seconds (R19, R21).
 */
export async function readyToPushCount(db: TicklerDb, partition: string, now: number): Promise<number> {
	const entries = await db.outbox.where('[partition+parked]').equals([partition, 0]).toArray();
	return entries.filter(entry => isReadyToPush(entry, now)).length;
}

/**
 * R43: the earliest time a delete now held back by its Undo offer becomes ready, or undefined. The schedule
 * sets an alarm for it, so the delete reaches Salesforce when the offer has passed even with the popup
 * closed and the worker stopped.
 */
export async function heldDeleteReadyAt(db: TicklerDb, partition: string, now: number): Promise<number | undefined> {
	const entries = await db.outbox.where('[partition+parked]').equals([partition, 0]).toArray();
	// R60: a held Complete or Snooze waits for its offer the same way.
	const held = entries.filter(entry => isHeldForUndo(entry) && !isReadyToPush(entry, now)).map(readyAt);
	return held.length === 0 ? undefined : Math.min(...held);
}

export async function remindersInError(db: TicklerDb, partition: string): Promise<Reminder[]> {
	return db.reminders.where('[partition+syncState]').equals([partition, 'error']).toArray();
}

/** R58: reminders whose edit lost a conflict, the rep's values waiting for their choice; latest first. */
export async function overruledReminders(db: TicklerDb, partition: string): Promise<Reminder[]> {
	const rows = await db.reminders
		.where('[partition+overruled.at]')
		.between([partition, Dexie.minKey], [partition, Dexie.maxKey])
		.reverse()
		.toArray();
	return rows.filter(reminder => reminder.deletedAt === undefined);
}

/**
 * R59: what Disconnect would lose of the rep's own words in a partition — reminders that exist only on this
 * computer (R5) and reminders with a change not in Salesforce yet (queued, refused, or overruled and waiting
 * for the rep's choice, R58).
 */
export async function unsentWork(db: TicklerDb, partition: string): Promise<{localOnly: string[]; unsent: number}> {
	const [reminders, entries] = await Promise.all([
		db.reminders.where('partition').equals(partition).toArray(),
		db.outbox.where('partition').equals(partition).primaryKeys(),
	]);
	const queued = new Set(entries);
	const live = reminders.filter(reminder => reminder.deletedAt === undefined);
	return {
		localOnly: live.filter(reminder => reminder.localOnly).map(reminder => reminder.id),
		unsent: live.filter(reminder => !reminder.localOnly && (queued.has(reminder.id) || reminder.overruled)).length,
	};
}

/** Most recent first. */
export async function syncHistory(db: TicklerDb, partition: string, limit = 50): Promise<SyncHistoryRow[]> {
	return db.syncHistory
		.where('[partition+startedAt]')
		.between([partition, Dexie.minKey], [partition, Dexie.maxKey])
		.reverse()
		.limit(limit)
		.toArray();
}

/** Most recent first (R16: the rep can see what was overwritten). */
export async function conflicts(db: TicklerDb, partition: string, limit = 100): Promise<ConflictRow[]> {
	return db.conflicts
		.where('[partition+at]')
		.between([partition, Dexie.minKey], [partition, Dexie.maxKey])
		.reverse()
		.limit(limit)
		.toArray();
}

export async function getPartition(db: TicklerDb, id: string): Promise<Partition | undefined> {
	return db.partitions.get(id);
}

export async function listPartitions(db: TicklerDb): Promise<Partition[]> {
	return db.partitions.toArray();
}

export type TicklerExport = {
	format: 'tickler-export';
	version: 1;
	exportedAt: string;
	partitions: Partition[];
	reminders: Reminder[];
	outbox: unknown[];
	syncHistory: SyncHistoryRow[];
	conflicts: ConflictRow[];
};

/** Everything local, as JSON-ready data (tombstones included, so nothing is hidden). */
export async function exportAll(db: TicklerDb, now: number = Date.now()): Promise<TicklerExport> {
	return db.transaction('r', [db.partitions, db.reminders, db.outbox, db.syncHistory, db.conflicts], async () => ({
		format: 'tickler-export' as const,
		version: 1 as const,
		exportedAt: new Date(now).toISOString(),
		partitions: await db.partitions.toArray(),
		reminders: await db.reminders.toArray(),
		outbox: await db.outbox.toArray(),
		syncHistory: await db.syncHistory.toArray(),
		conflicts: await db.conflicts.toArray(),
	}));
}
