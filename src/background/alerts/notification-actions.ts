/**
 * R31: what the rep does from a reminder notification — Complete, Snooze, or a click that opens the Task in
 * Salesforce (for a reminder without a Task, the record it is about, else the All reminders page, as for the
 * summary). Each action is the rep's own edit, written through local-edits.ts like the popup's (so Complete
 * and Snooze sync, R31), and then takes the notification away, so nothing is left to pile up.
 */
import browser from 'webextension-polyfill';
import type {WorkerDbs} from '@/background/worker-db.js';
import {afterLocalChange} from '@/background/runner/after-local-change.js';
import {activePartition, completeReminder, editReminder} from '@/shared/store/local-edits.js';
import {recordUrl, taskUrl} from '@/shared/salesforce-hosts.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {Reminder} from '@/shared/store/schema.js';
import {type SnoozeChoice, snoozedUntil} from '@/shared/snooze.js';
import {NOTIFICATION_BUTTONS, reminderIdOf} from './notification-content.js';
import {clearNotification, clearReminderNotification} from './show-notifications.js';

/** The All reminders page, where a reminder without a Task (or several at once) can be looked at. */
const ALL_REMINDERS_PAGE = 'src/popup/all/index.html';

/** After a change the rep made from a notification: its notification goes; then as after every edit (R13, R22, R31). */
async function afterEdit(dbs: WorkerDbs, reminderId: string): Promise<void> {
	await clearReminderNotification(reminderId);
	await afterLocalChange(dbs);
}

/**
 * The reminder a notification's button may act on: it still exists, is not deleted, and belongs to the
 * account the rep uses now (R2). A notification shown before the rep switched Salesforce user or org names
 * a reminder of the other account: Complete or Snooze from it would edit that account's reminder (and its
 * Task), so it is refused like the popup refuses a write to another partition.
 */
async function actionable(db: TicklerDb, reminderId: string): Promise<Reminder | undefined> {
	const reminder = await db.reminders.get(reminderId);
	if (!reminder || reminder.deletedAt !== undefined) return undefined;
	return reminder.partition === (await activePartition(db)) ? reminder : undefined;
}

/** R31: Complete from the notification completes the reminder, and through sync the Task. */
export async function completeFromNotification(
	dbs: WorkerDbs,
	reminderId: string,
	now: number = Date.now(),
): Promise<void> {
	const {db} = dbs;
	const reminder = await actionable(db, reminderId);
	if (!reminder) return clearReminderNotification(reminderId);
	await completeReminder(db, reminderId, {now});
	await afterEdit(dbs, reminderId);
}

/** R31: Snooze moves the reminder time (so it syncs) and alerts again then, once. */
export async function snoozeReminder(
	dbs: WorkerDbs,
	reminderId: string,
	choice: SnoozeChoice,
	now: number = Date.now(),
): Promise<void> {
	const {db} = dbs;
	const reminder = await actionable(db, reminderId);
	if (!reminder) return clearReminderNotification(reminderId);
	await editReminder(db, reminderId, {reminderAt: snoozedUntil(choice, now)}, {now});
	await afterEdit(dbs, reminderId);
}

/** chrome.notifications.onButtonClicked: the buttons are NOTIFICATION_BUTTONS, in order. */
export async function onNotificationButton(dbs: WorkerDbs, notificationId: string, buttonIndex: number): Promise<void> {
	const reminderId = reminderIdOf(notificationId);
	if (reminderId === undefined) return;
	const button = NOTIFICATION_BUTTONS[buttonIndex];
	if (button === 'complete') await completeFromNotification(dbs, reminderId);
	if (button === 'snooze-1-hour') await snoozeReminder(dbs, reminderId, '1-hour');
}

/**
 * chrome.notifications.onClicked: the Task in Salesforce; for a reminder without a Task yet (not pushed, or
 * local only) the record it is about (R33: the person first, as the notification names them); else, and for
 * the summary, the All reminders page.
 */
export async function onNotificationClicked(db: TicklerDb, notificationId: string): Promise<void> {
	const reminderId = reminderIdOf(notificationId);
	const reminder = reminderId === undefined ? undefined : await db.reminders.get(reminderId);
	const partition = reminder === undefined ? undefined : await db.partitions.get(reminder.partition);
	await browser.tabs.create({url: clickTarget(reminder, partition?.instanceHost)});
	await clearNotification(notificationId);
}

function clickTarget(reminder: Reminder | undefined, instanceHost: string | undefined): string {
	const allReminders = browser.runtime.getURL(ALL_REMINDERS_PAGE);
	if (reminder === undefined || instanceHost === undefined) return allReminders;
	if (reminder.taskId !== undefined) return taskUrl(instanceHost, reminder.taskId) ?? allReminders;
	const related = reminder.whoId
		? recordUrl(instanceHost, reminder.whoId, reminder.who?.type)
		: reminder.whatId
			? recordUrl(instanceHost, reminder.whatId, reminder.what?.type)
			: undefined;
	return related ?? allReminders;
}
