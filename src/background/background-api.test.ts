import {beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import {addReminder} from '@/shared/store/local-edits.js';
import {localDateString} from '@/shared/local-date.js';
import {resetFakeBrowser, toolbarBadge} from '../../test/fakes/browser.js';
import {DELETE_HOLD_MS} from '@/shared/store/outbox.js';
import {openTestWorkerDbs} from '../../test/fakes/test-db.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {readWorkerState} from './runner/worker-state.js';
import {createBackgroundApi} from './background-api.js';
import type {OwnPage} from './messaging/caller.js';

// The worker's databases, fresh, passed in as service-worker.ts passes the real ones.
const dbs = openTestWorkerDbs('api');
const {db} = dbs;
const backgroundApi = createBackgroundApi(dbs);
/** The popup and settings page: what the router tells a handler about them. */
const OWN_PAGE: OwnPage = {kind: 'own-page'};

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all([...db.tables, ...dbs.credentials.tables].map(table => table.clear()));
});

test('R7: with sync off, a nudge queues nothing — but the toolbar count still follows the local change (R22)', async () => {
	await addReminder(db, {name: 'Call Ana', dueDate: localDateString(new Date())});
	expect(await backgroundApi.requestSync({reason: 'local-change'}, OWN_PAGE)).toEqual({queued: false});
	expect(toolbarBadge().text).toBe('1');
});

test('R13: opening the popup is remembered in storage.session (the minute cadence for a while)', async () => {
	const before = Date.now();
	await backgroundApi.requestSync({reason: 'popup-opened'}, OWN_PAGE);
	expect((await readWorkerState()).popupOpenedAt).toBeGreaterThanOrEqual(before);
});

test('getSyncStatus: off, with counts, when no partition is enabled', async () => {
	expect(await backgroundApi.getSyncStatus(undefined, OWN_PAGE)).toEqual({
		phase: 'off',
		pendingCount: 0,
		errorCount: 0,
	});
});

test('R2: the popup’s writes reach only reminders of the active partition', async () => {
	const other = await addReminder(
		db,
		{name: 'Another org’s', dueDate: null},
		{partition: '00D000000000002AAA:005000000000002AAA'},
	);
	const mine = await addReminder(db, {name: 'Mine', dueDate: null});
	await expect(backgroundApi.editReminder({id: other.id, patch: {name: 'x'}}, OWN_PAGE)).rejects.toThrow(
		'no longer exists',
	);
	await expect(backgroundApi.deleteReminder({id: other.id}, OWN_PAGE)).rejects.toThrow('no longer exists');
	expect(await db.reminders.get(other.id)).toMatchObject({name: 'Another org’s'});
	expect(await backgroundApi.editReminder({id: mine.id, patch: {name: 'Mine, renamed'}}, OWN_PAGE)).toEqual({
		id: mine.id,
	});
	expect((await db.reminders.get(mine.id))?.name).toBe('Mine, renamed');
});

test('R13/R18: an add makes the reminder, updates the toolbar count, and sent again with its id adds nothing', async () => {
	const id = crypto.randomUUID();
	const reminder = {name: 'Call Ana', dueDate: localDateString(new Date())};
	expect(await backgroundApi.addReminder({id, reminder}, OWN_PAGE)).toEqual({id});
	expect(await backgroundApi.addReminder({id, reminder}, OWN_PAGE)).toEqual({id});
	expect(await db.reminders.count()).toBe(1);
	expect(toolbarBadge().text).toBe('1');
});

test('R43: a delete the popup makes is held for its Undo offer, and Undo within it restores the reminder', async () => {
	const mine = await addReminder(db, {name: 'Mine', dueDate: null});
	// A reminder linked to its Task (sync is off here, so no cycle starts; the outbox decides alone).
	await db.reminders.update(mine.id, {localOnly: false, syncState: 'synced', taskId: '00T000000000001AAA'});
	const before = Date.now();
	await backgroundApi.deleteReminder({id: mine.id}, OWN_PAGE);
	expect((await db.outbox.get(mine.id))?.notBefore).toBeGreaterThanOrEqual(before + DELETE_HOLD_MS);
	expect(await backgroundApi.undoDelete({id: mine.id}, OWN_PAGE)).toEqual({id: mine.id});
	expect(await db.reminders.get(mine.id)).toMatchObject({taskId: '00T000000000001AAA', syncState: 'synced'});
	expect(await db.outbox.get(mine.id)).toBeUndefined();
});

test('R60: a Complete the popup makes is held for its Undo offer, and Undo within it leaves the reminder open and synced', async () => {
	const mine = await addReminder(db, {name: 'Mine', dueDate: null});
	await db.reminders.update(mine.id, {localOnly: false, syncState: 'synced', taskId: '00T000000000001AAA'});
	const before = Date.now();
	await backgroundApi.completeReminder({id: mine.id}, OWN_PAGE);
	expect(await db.reminders.get(mine.id)).toMatchObject({status: 'complete'});
	expect((await db.outbox.get(mine.id))?.notBefore).toBeGreaterThanOrEqual(before + DELETE_HOLD_MS);
	expect(await backgroundApi.undoEdit({id: mine.id}, OWN_PAGE)).toEqual({id: mine.id});
	expect(await db.reminders.get(mine.id)).toMatchObject({status: 'open', syncState: 'synced'});
	expect(await db.outbox.get(mine.id)).toBeUndefined();
});

test('R60, issue 22: Snooze "tomorrow morning" from the popup moves the time and today\'s due date, held for Undo like a Complete', async () => {
	const today = localDateString(new Date());
	const mine = await addReminder(db, {name: 'Mine', dueDate: today});
	await db.reminders.update(mine.id, {localOnly: false, syncState: 'synced', taskId: '00T000000000001AAA'});
	const before = Date.now();
	expect(await backgroundApi.snoozeReminder({id: mine.id, preset: 'tomorrow-morning'}, OWN_PAGE)).toEqual({
		id: mine.id,
	});
	const snoozed = await db.reminders.get(mine.id);
	const at = new Date(snoozed?.reminderAt ?? 0);
	expect([at.getHours(), at.getMinutes()]).toEqual([9, 0]);
	expect(snoozed?.dueDate).toBe(localDateString(at));
	expect(snoozed?.dueDate).not.toBe(today);
	expect((await db.outbox.get(mine.id))?.notBefore).toBeGreaterThanOrEqual(before + DELETE_HOLD_MS);
	expect((await browser.alarms.get('reminder-due'))?.scheduledTime).toBe(at.getTime());
	await backgroundApi.undoEdit({id: mine.id}, OWN_PAGE);
	expect(await db.reminders.get(mine.id)).toMatchObject({dueDate: today, syncState: 'synced'});
	expect((await db.reminders.get(mine.id))?.reminderAt ?? null).toBeNull();
	expect(await db.outbox.get(mine.id)).toBeUndefined();
});

test('R44/R5: sending local-only reminders is refused with sync off, in words that say what to do', async () => {
	const mine = await addReminder(db, {name: 'Mine', dueDate: null});
	await expect(backgroundApi.sendLocalOnly({ids: [mine.id]}, OWN_PAGE)).rejects.toThrow('Turn sync on');
	expect(await db.reminders.get(mine.id)).toMatchObject({localOnly: true});
});

test('R31: a reminder time set, moved or removed through the worker arms, moves or clears the reminder alarm', async () => {
	const id = crypto.randomUUID();
	const at = new Date(Date.now() + 3_600_000);
	at.setSeconds(0, 0);
	await backgroundApi.addReminder({id, reminder: {name: 'Call Ann', reminderAt: at.toISOString()}}, OWN_PAGE);
	expect((await browser.alarms.get('reminder-due'))?.scheduledTime).toBe(at.getTime());
	const later = new Date(at.getTime() + 3_600_000);
	await backgroundApi.editReminder({id, patch: {reminderAt: later.toISOString()}}, OWN_PAGE);
	expect((await browser.alarms.get('reminder-due'))?.scheduledTime).toBe(later.getTime());
	await backgroundApi.editReminder({id, patch: {reminderAt: null}}, OWN_PAGE);
	expect(await browser.alarms.get('reminder-due')).toBeUndefined();
});

test('R10: the settings page’s Subject template is written through the worker; the store refuses one too long', async () => {
	await db.partitions.put(partitionFixture({subjectTemplate: '{{activity_subject}}'}));
	expect(
		await backgroundApi.saveSubjectTemplate(
			{partition: TEST_PARTITION_ID, template: 'Tickler: {{activity_subject}}'},
			OWN_PAGE,
		),
	).toEqual({subjectTemplate: 'Tickler: {{activity_subject}}'});
	expect((await db.partitions.get(TEST_PARTITION_ID))?.subjectTemplate).toBe('Tickler: {{activity_subject}}');
	await expect(
		backgroundApi.saveSubjectTemplate({partition: TEST_PARTITION_ID, template: 'x'.repeat(1001)}, OWN_PAGE),
	).rejects.toThrow('The subject template is too long.');
	expect((await db.partitions.get(TEST_PARTITION_ID))?.subjectTemplate).toBe('Tickler: {{activity_subject}}');
});
