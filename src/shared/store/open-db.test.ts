import {Dexie} from 'dexie';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {expect, test} from 'vitest';
import {openTicklerDb, SCHEMA_V1} from './open-db.js';
import {addReminder, deleteReminder} from './local-edits.js';
import {purgeTombstones, TOMBSTONE_GRACE_MS} from './maintenance.js';
import {aReminder} from '../../../test/fakes/reminder-builder.js';
import {LOCAL_PARTITION} from './schema.js';
import {overruledReminders} from './queries.js';

test('R58: schemas only grow: a v1 database upgrades to the current version with its data intact and the new indexes usable', async () => {
	const indexedDB = new IDBFactory();
	const v1 = new Dexie('tickler-upgrade', {indexedDB, IDBKeyRange});
	v1.version(1).stores(SCHEMA_V1);
	const row = aReminder({
		partition: LOCAL_PARTITION,
		name: 'kept',
		priority: 'high',
		dueDate: '2026-03-05',
		localOnly: true,
		syncState: 'local-only',
		deletedAt: 5,
	});
	await v1.table('reminders').put(row);
	v1.close();
	const db = openTicklerDb({name: 'tickler-upgrade', indexedDB, IDBKeyRange});
	expect(await db.reminders.get('r1')).toEqual(row);
	expect(db.verno).toBe(5);
	expect((await db.reminders.where('deletedAt').below(10).toArray()).map(r => r.id)).toEqual(['r1']);
	// R31 (version 3): a row without a reminder time is not in the reminderAt index; one with a time is.
	expect(await db.reminders.where('reminderAt').above('').count()).toBe(0);
	await db.reminders.update('r1', {reminderAt: '2026-03-05T15:00:00.000Z'});
	expect(
		(await db.reminders.where('reminderAt').belowOrEqual('2026-03-05T15:00:00.000Z').toArray()).map(r => r.id),
	).toEqual(['r1']);
	// R58 (version 4): only a reminder whose edit lost a conflict is in [partition+overruled.at].
	expect(await overruledReminders(db, LOCAL_PARTITION)).toEqual([]);
	const overruled = {at: 7, mine: {details: 'ask about budget'}, theirs: {details: 'new description'}};
	await db.reminders.update('r1', reminder => {
		delete reminder.deletedAt;
		reminder.overruled = overruled;
	});
	expect((await overruledReminders(db, LOCAL_PARTITION)).map(r => r.overruled)).toEqual([overruled]);
	expect(await overruledReminders(db, 'another:partition')).toEqual([]);
	// Issue 24 (version 5): a reminder is in [partition+whoId] / [partition+whatId] once it is about someone.
	expect(await db.reminders.where('[partition+whoId]').equals([LOCAL_PARTITION, '003000000000001AAA']).count()).toBe(0);
	await db.reminders.update('r1', {whoId: '003000000000001AAA'});
	expect(await db.reminders.where('[partition+whoId]').equals([LOCAL_PARTITION, '003000000000001AAA']).count()).toBe(1);
	db.close();
});

test('tombstones that need no push are purged after a day; undo works until then; queued deletions stay', async () => {
	const db = openTicklerDb({name: 'purge', indexedDB: new IDBFactory(), IDBKeyRange});
	const localOnly = await addReminder(db, {name: 'local'}, {now: 0});
	await deleteReminder(db, localOnly.id, {now: 1000});
	const queued = await addReminder(db, {name: 'queued'}, {now: 0});
	await db.reminders.update(queued.id, {localOnly: false});
	await deleteReminder(db, queued.id, {now: 1000});
	expect(await purgeTombstones(db, 1000 + TOMBSTONE_GRACE_MS - 1)).toBe(0);
	expect(await purgeTombstones(db, 1000 + TOMBSTONE_GRACE_MS + 1)).toBe(1);
	expect(await db.reminders.get(localOnly.id)).toBeUndefined();
	expect((await db.reminders.get(queued.id))?.deletedAt).toBe(1000);
	db.close();
});
