/** Test helper (kept out of the shipping tree): a fresh database on a new fake-indexeddb factory (engineering guide §5). */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {openTicklerDb, type TicklerDb} from '@/shared/store/open-db.js';
import {addReminder, deleteReminder} from '@/shared/store/local-edits.js';
import {openCredentialsDb} from '@/background/oauth/token-store.js';
import type {WorkerDbs} from '@/background/worker-db.js';

export function openTestDb(name = 'tickler-test'): TicklerDb {
	return openTicklerDb({name, indexedDB: new IDBFactory(), IDBKeyRange});
}

/** The worker's two databases (src/background/worker-db.ts), fresh, as service-worker.ts would pass them down. */
export function openTestWorkerDbs(name = 'tickler-test'): WorkerDbs {
	return {db: openTestDb(name), credentials: openCredentialsDb({indexedDB: new IDBFactory(), IDBKeyRange})};
}

/** Days for seedDueMix: the reminders it adds are overdue, due today, tomorrow, later, undated, done, deleted. */
export const MIX_DAYS = {today: '2026-03-05', tomorrow: '2026-03-06'} as const;

/**
 * One reminder of each kind the due queries must tell apart (R22), in the active partition: `late`
 * (overdue), `now` (today), `next` (tomorrow), `later`, `none` (no due date), `done` (completed today) and
 * `gone` (deleted, a tombstone).
 */
export async function seedDueMix(db: TicklerDb): Promise<void> {
	await addReminder(db, {name: 'late', dueDate: '2026-03-01'});
	await addReminder(db, {name: 'now', dueDate: '2026-03-05'});
	await addReminder(db, {name: 'next', dueDate: '2026-03-06'});
	await addReminder(db, {name: 'later', dueDate: '2026-03-07'});
	await addReminder(db, {name: 'none', dueDate: null});
	await addReminder(db, {name: 'done', dueDate: '2026-03-05', status: 'complete'});
	const gone = await addReminder(db, {name: 'gone', dueDate: '2026-03-05'});
	await deleteReminder(db, gone.id);
}
