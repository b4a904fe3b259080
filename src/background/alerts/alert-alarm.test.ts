/**
 * R31 in the worker, with the fake browser: the reminder alarm, the notification (once per computer, across
 * worker restarts), missed ones as one summary, and Complete / Snooze / click from the notification.
 */
import {beforeEach, describe, expect, test, vi} from 'vitest';
import {addReminder, completeReminder, deleteReminder} from '@/shared/store/local-edits.js';
import browser from 'webextension-polyfill';
import {openTabs, resetFakeBrowser} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {checkReminders, onReminderAlarm, REMINDER_ALARM} from './alert-alarm.js';
import {
	onNotificationButton,
	onNotificationClicked,
	onNotificationClosed,
	snoozeReminder,
} from './notification-actions.js';
import {reminderNotificationId, SUMMARY_NOTIFICATION_ID, undoNotificationId} from './notification-content.js';
import {saveNotificationSnooze} from './notification-snooze.js';

const dbs = openTestWorkerDbs('reminder-alarm');
const {db} = dbs;

const HOUR = 3_600_000;

async function shown() {
	return (await browser.notifications.getAll()) as Record<
		string,
		{title: string; message: string; buttons?: unknown[]; requireInteraction?: boolean}
	>;
}

/** A reminder whose time is `inMs` from now, set by the rep a little before. */
async function reminderIn(name: string, inMs: number) {
	const now = Date.now();
	return addReminder(db, {name, dueDate: '2026-03-05', reminderAt: new Date(now + inMs).toISOString()}, {now});
}

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
});

describe('R31: the reminder alarm', () => {
	test('R31: a future time sets the alarm for it and shows nothing yet; no time, no alarm', async () => {
		const r = await reminderIn('Call Ann', 2 * 60_000);
		await checkReminders(db);
		expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(Date.parse(r.reminderAt ?? ''));
		expect(await shown()).toEqual({});
		await completeReminder(db, r.id);
		await checkReminders(db);
		expect(await browser.alarms.get(REMINDER_ALARM)).toBeUndefined();
	});

	test('R31: at the time, the alarm shows one notification with the name, due date, Complete and Snooze; once, even after a worker restart', async () => {
		const r = await reminderIn('Call Ann', 2 * 60_000);
		const at = Date.parse(r.reminderAt ?? '');
		await checkReminders(db, at + 1000);
		const notification = (await shown())[reminderNotificationId(r.id)];
		expect(notification?.title).toBe('Call Ann');
		expect(notification?.message).toContain('Due Thursday, March 5');
		expect(notification?.buttons).toEqual([{title: 'Complete'}, {title: 'Snooze: 1 hour'}]);
		// R50: it stays until the rep acts (Chrome would otherwise take it away after some seconds).
		expect(notification?.requireInteraction).toBe(true);
		expect((await db.reminders.get(r.id))?.alert?.notifiedFor).toBe(r.reminderAt);
		// The rep dismisses it; the worker is stopped and started again and checks (browser start, next alarm).
		await browser.notifications.clear(reminderNotificationId(r.id));
		await checkReminders(db, at + 60_000);
		await onReminderAlarm(db, {name: REMINDER_ALARM});
		expect(await shown()).toEqual({});
	});

	test('R31: two checks at once (the alarm and the end of a sync cycle) show the alert once', async () => {
		const r = await reminderIn('Call Ann', 60_000);
		const create = vi.spyOn(browser.notifications, 'create');
		const at = Date.parse(r.reminderAt ?? '') + 1000;
		await Promise.all([checkReminders(db, at), checkReminders(db, at), onReminderAlarm(db, {name: REMINDER_ALARM})]);
		expect(create).toHaveBeenCalledTimes(1);
		create.mockRestore();
	});

	test('R31: reminders missed while the browser was closed come once at start, as one summary marked late', async () => {
		const a = await reminderIn('Call Ann', 60_000);
		const b = await reminderIn('Email Bo', 2 * 60_000);
		await checkReminders(db, Date.now() + 3 * HOUR);
		const all = await shown();
		expect(Object.keys(all)).toEqual([SUMMARY_NOTIFICATION_ID]);
		expect(all[SUMMARY_NOTIFICATION_ID]?.title).toBe('2 reminders');
		expect(all[SUMMARY_NOTIFICATION_ID]?.message).toMatch(/Call Ann[\s\S]*Email Bo/);
		for (const id of [a.id, b.id]) expect((await db.reminders.get(id))?.alert?.notifiedFor).toBeDefined();
		await browser.notifications.clear(SUMMARY_NOTIFICATION_ID);
		await checkReminders(db, Date.now() + 3 * HOUR);
		expect(await shown()).toEqual({});
	});

	test('R31: completed and deleted reminders never alert', async () => {
		const done = await reminderIn('done', 60_000);
		const gone = await reminderIn('gone', 60_000);
		await completeReminder(db, done.id);
		await deleteReminder(db, gone.id);
		await checkReminders(db, Date.now() + HOUR);
		expect(await shown()).toEqual({});
	});
});

describe('R31: from the notification', () => {
	test('R31/R60: Complete (button 0) completes the reminder; its notification gives way to the Undo offer', async () => {
		const r = await reminderIn('Call Ann', 60_000);
		await checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000);
		await onNotificationButton(dbs, reminderNotificationId(r.id), 0);
		expect((await db.reminders.get(r.id))?.status).toBe('complete');
		expect(Object.keys(await shown())).toEqual([undoNotificationId(r.id)]);
	});

	test('R31/R60: Snooze (button 1, one hour by default) moves the time, leaves only its Undo offer, and alerts once again then', async () => {
		const r = await reminderIn('Call Ann', 60_000);
		await checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000);
		await onNotificationButton(dbs, reminderNotificationId(r.id), 1);
		const snoozed = await db.reminders.get(r.id);
		const until = Date.parse(snoozed?.reminderAt ?? '');
		expect(until).toBeGreaterThanOrEqual(Date.now() + HOUR - 1000);
		expect(snoozed?.editedAt.reminderAt).toBeDefined();
		expect(Object.keys(await shown())).toEqual([undoNotificationId(r.id)]);
		await browser.notifications.clear(undoNotificationId(r.id));
		expect((await browser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(until);
		await checkReminders(db, until + 1000);
		expect(Object.keys(await shown())).toEqual([reminderNotificationId(r.id)]);
	});

	test('R2/R31: after a switch to another Salesforce user, Complete and Snooze from an old notification are refused and it goes away', async () => {
		const r = await reminderIn('Call Ann', 60_000);
		await checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000);
		const before = await db.reminders.get(r.id);
		const outboxBefore = await db.outbox.toArray();
		// The rep signs in as someone else and turns sync on for them: another partition is the active one.
		await db.meta.put({key: 'activePartition', value: '00D000000000009AAA:005000000000009AAA'});
		await onNotificationButton(dbs, reminderNotificationId(r.id), 0);
		expect(await db.reminders.get(r.id)).toEqual(before);
		await checkReminders(db, Date.parse(r.reminderAt ?? '') + 2000);
		await browser.notifications.create(reminderNotificationId(r.id), {type: 'basic', title: 'Call Ann', message: ''});
		await onNotificationButton(dbs, reminderNotificationId(r.id), 1);
		expect(await db.reminders.get(r.id)).toEqual(before);
		expect(await db.outbox.toArray()).toEqual(outboxBefore);
		expect(await shown()).toEqual({});
	});

	test('R31: tomorrow morning from the popup moves the time to 9:00 on the next day', async () => {
		const r = await reminderIn('Call Ann', 60_000);
		await snoozeReminder(dbs, r.id, 'tomorrow-morning');
		const until = new Date((await db.reminders.get(r.id))?.reminderAt ?? '');
		expect(until.getHours()).toBe(9);
		expect(until.getTime()).toBeGreaterThan(Date.now());
	});

	test('R31/R33: a click opens the Task in Salesforce; without one, the related record, else the All reminders page', async () => {
		const local = await reminderIn('local', 60_000);
		await onNotificationClicked(dbs, reminderNotificationId(local.id));
		expect(openTabs().at(-1)?.url).toMatch(/src\/popup\/all\/index\.html$/);
		const partition = '00D000000000001AAA:005000000000001AAA';
		await db.partitions.put({
			id: partition,
			orgId: '00D000000000001AAA',
			userId: '005000000000001AAA',
			instanceHost: 'acme.my.salesforce.com',
			username: 'rep@acme.com',
			displayName: 'Rita Rep',
			enabled: false,
			everEnabled: true,
			subjectTemplate: '{{activity_subject}}',
			clockOffsetMs: 0,
			status: {phase: 'off', budget: 'normal'},
		});
		// R33: no Task yet, but about a record: that record (the person before the account, as the text says).
		await db.reminders.update(local.id, {
			partition,
			whatId: '001000000000001AAA',
			what: {name: 'Acme Corp', type: 'Account'},
		});
		await onNotificationClicked(dbs, reminderNotificationId(local.id));
		expect(openTabs().at(-1)?.url).toBe('https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view');
		await db.reminders.update(local.id, {whoId: '003000000000001AAA', who: {name: 'Ana Ruiz', type: 'Contact'}});
		await onNotificationClicked(dbs, reminderNotificationId(local.id));
		expect(openTabs().at(-1)?.url).toBe('https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view');
		await db.reminders.update(local.id, {taskId: '00T000000000001AAA'});
		await onNotificationClicked(dbs, reminderNotificationId(local.id));
		expect(openTabs().at(-1)?.url).toBe('https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view');
	});
});

test('R50: the Snooze button snoozes by the rep’s default: tomorrow morning moves the time to 9:00 and an earlier due date to that day', async () => {
	await saveNotificationSnooze('tomorrow-morning');
	const r = await reminderIn('Call Ann', 60_000);
	await checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000);
	expect((await shown())[reminderNotificationId(r.id)]?.buttons).toEqual([
		{title: 'Complete'},
		{title: 'Snooze: Tomorrow morning'},
	]);
	await onNotificationButton(dbs, reminderNotificationId(r.id), 1);
	const snoozed = await db.reminders.get(r.id);
	const at = new Date(snoozed?.reminderAt ?? '');
	const tomorrow = new Date(Date.now() + 24 * HOUR);
	expect([at.getDate(), at.getHours(), at.getMinutes()]).toEqual([tomorrow.getDate(), 9, 0]);
	// Due 2026-03-05, long before tomorrow: the reminder leaves Today, as the popup's preset does.
	const day = (d: Date) =>
		`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	expect(snoozed?.dueDate).toBe(day(tomorrow));
});

test('R50: an alert stays “not seen” until the rep clicks or closes its notification; one the system took away stays unseen', async () => {
	const r = await reminderIn('Call Ann', 60_000);
	await checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000);
	const alerted = async () => (await db.reminders.get(r.id))?.alert;
	expect(await alerted()).toMatchObject({notifiedFor: r.reminderAt});
	expect((await alerted())?.seenFor).toBeUndefined();
	await onNotificationClosed(dbs, reminderNotificationId(r.id), false); // taken away, not by the rep
	expect((await alerted())?.seenFor).toBeUndefined();
	await onNotificationClosed(dbs, reminderNotificationId(r.id), true);
	expect((await alerted())?.seenFor).toBe(r.reminderAt);

	// Several at once: the summary clicked is every one of them seen.
	const [a, b] = [await reminderIn('Call Bo', 60_000), await reminderIn('Call Cy', 60_000)];
	await checkReminders(db, Date.parse(b.reminderAt ?? '') + 1000);
	expect(Object.keys(await shown())).toContain(SUMMARY_NOTIFICATION_ID);
	await onNotificationClicked(dbs, SUMMARY_NOTIFICATION_ID);
	for (const id of [a.id, b.id]) {
		const alert = (await db.reminders.get(id))?.alert;
		expect(alert?.seenFor).toBe(alert?.notifiedFor);
	}
});
