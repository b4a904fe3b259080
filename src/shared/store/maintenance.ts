/**
 * Housekeeping writes. Tombstones (R14) normally go when the engine pushes the deletion; a reminder that
 * never needs a push (local-only, or never sent) keeps its tombstone for a day so undoDelete works, then
 * it is purged here.
 */
import type {TicklerDb} from './open-db.js';

export const TOMBSTONE_GRACE_MS = 24 * 60 * 60 * 1000;

/** Deletes tombstones older than the grace period that have nothing left to push. Returns how many. */
export async function purgeTombstones(db: TicklerDb, now: number): Promise<number> {
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const old = await db.reminders
			.where('deletedAt')
			.below(now - TOMBSTONE_GRACE_MS)
			.toArray();
		if (old.length === 0) return 0;
		const entries = await db.outbox.bulkGet(old.map(r => r.id));
		const purgeable = old.filter((_, i) => entries[i] === undefined).map(r => r.id);
		await db.reminders.bulkDelete(purgeable);
		return purgeable.length;
	});
}
