/**
 * R31: what the rep does from a reminder notification — Complete, Snooze, or a click that opens the Task in
 * Salesforce (for a reminder without a Task, the record it is about, else the All reminders page, as for the
 * summary). Each action is the rep's own edit, written through the store like the popup's (so Complete
 * and Snooze sync, R31), and then takes the notification away, so nothing is left to pile up.
 * R60: Complete and Snooze are held for an Undo offer like the popup's (held-edits.ts): the reminder's
 * notification gives way to one saying what was done, with Undo; the change reaches Salesforce once it passes.
 */
import browser from 'webextension-polyfill';
import type {WorkerDbs} from '@/background/worker-db.js';
import {afterLocalChange} from '@/background/runner/after-local-change.js';
import {pushHeldDeletesWhenReady} from '@/background/runner/held-delete-push.js';
import {editHeldForUndo, undoEdit} from '@/shared/store/held-edits.js';
import {DELETE_HOLD_MS} from '@/shared/store/outbox.js';
import {activePartition, UndoNotPossibleError} from '@/shared/store/local-edits.js';
import {recordUrl, taskUrl} from '@/shared/salesforce-hosts.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {Reminder} from '@/shared/store/schema.js';
import {type SnoozePreset, snoozePatch} from '@/shared/snooze.js';
import {markAlertSeen, markAllAlertsSeen} from './alert-store.js';
import {
	NOTIFICATION_BUTTONS,
	reminderIdOf,
	SUMMARY_NOTIFICATION_ID,
	undoNotificationId,
	undoOfferFor,
	undoReminderIdOf,
} from './notification-content.js';
import {
	clearNotification,
	clearReminderNotification,
	notificationButtonsShown,
	showNotifications,
} from './show-notifications.js';
import {readNotificationSnooze} from './notification-snooze.js';
import {TEST_NOTIFICATION_ID} from './test-notification.js';

/** The All reminders page, where a reminder without a Task (or several at once) can be looked at. */
const ALL_REMINDERS_PAGE = 'src/popup/all/index.html';

/**
 * After a change the rep made from a notification: its notification gives way to the Undo offer (R60); the
 * held change is sent once the offer passes (R57's timer); then as after every edit (R13, R22, R31).
 */
async function afterEdit(dbs: WorkerDbs, edited: Reminder): Promise<void> {
	await clearReminderNotification(edited.id);
	const snoozedUntil = edited.heldEdit?.before.reminderAt === undefined ? undefined : edited.reminderAt;
	const done = typeof snoozedUntil === 'string' ? {snoozedUntil} : {};
	await showNotifications([undoOfferFor(edited, done, {withButtons: notificationButtonsShown()})]);
	// The offer goes when it has passed, while this worker is awake (a timer well inside its life, as R57's);
	// one left behind by a stopped worker only clears itself when clicked (undoFromNotification).
	setTimeout(() => {
		clearNotification(undoNotificationId(edited.id)).catch(() => undefined);
	}, DELETE_HOLD_MS);
	pushHeldDeletesWhenReady(dbs).catch((error: unknown) => {
		reportError(error); // the alarm sends it instead
	});
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
	await afterEdit(dbs, await editHeldForUndo(db, reminderId, {status: 'complete'}, {now}));
}

/**
 * R31/R50: Snooze moves the reminder time (so it syncs) and alerts again then, once — by the rep's default, as
 * the popup's preset of the same name does ("tomorrow morning" and "next week" move an earlier due date too).
 */
export async function snoozeReminder(
	dbs: WorkerDbs,
	reminderId: string,
	preset: SnoozePreset,
	now: number = Date.now(),
): Promise<void> {
	const {db} = dbs;
	const reminder = await actionable(db, reminderId);
	if (!reminder) return clearReminderNotification(reminderId);
	await afterEdit(dbs, await editHeldForUndo(db, reminderId, snoozePatch(preset, now, reminder.dueDate), {now}));
}

/** chrome.notifications.onButtonClicked: the buttons are NOTIFICATION_BUTTONS, in order. */
export async function onNotificationButton(dbs: WorkerDbs, notificationId: string, buttonIndex: number): Promise<void> {
	const undone = undoReminderIdOf(notificationId);
	if (undone !== undefined) return undoFromNotification(dbs, undone);
	const reminderId = reminderIdOf(notificationId);
	if (reminderId === undefined) return;
	const button = NOTIFICATION_BUTTONS[buttonIndex];
	if (button === 'complete') await completeFromNotification(dbs, reminderId);
	if (button === 'snooze') await snoozeReminder(dbs, reminderId, await readNotificationSnooze());
}

/**
 * R60: Undo from the offer (its button, or a click where there are no buttons): the held Complete or Snooze is
 * taken back (the reminder alerts again as before). After the offer has passed the change stays, and the offer
 * simply goes; a reminder of another account is not touched (R2).
 */
export async function undoFromNotification(dbs: WorkerDbs, reminderId: string): Promise<void> {
	await clearNotification(undoNotificationId(reminderId));
	if (!(await actionable(dbs.db, reminderId))) return;
	try {
		await undoEdit(dbs.db, reminderId);
	} catch (error) {
		if (error instanceof UndoNotPossibleError) return;
		throw error;
	}

	await afterLocalChange(dbs);
}

/**
 * chrome.notifications.onClicked: the Task in Salesforce; for a reminder without a Task yet (not pushed, or
 * local only) the record it is about (R33: the person first, as the notification names them); else, and for
 * the summary, the All reminders page.
 */
export async function onNotificationClicked(dbs: WorkerDbs, notificationId: string): Promise<void> {
	// R50: settings' test notification names no reminder: a click only takes it away.
	if (notificationId === TEST_NOTIFICATION_ID) return clearNotification(notificationId);
	const undone = undoReminderIdOf(notificationId);
	if (undone !== undefined) return undoFromNotification(dbs, undone);
	const {db} = dbs;
	const reminderId = reminderIdOf(notificationId);
	await seen(db, notificationId);
	const reminder = reminderId === undefined ? undefined : await db.reminders.get(reminderId);
	const partition = reminder === undefined ? undefined : await db.partitions.get(reminder.partition);
	await browser.tabs.create({url: clickTarget(reminder, partition?.instanceHost)});
	await clearNotification(notificationId);
}

/** R50: the rep clicked or closed a reminder's notification (or the summary): the popup stops calling it alerted. */
async function seen(db: TicklerDb, notificationId: string): Promise<void> {
	const reminderId = reminderIdOf(notificationId);
	if (reminderId !== undefined) await markAlertSeen(db, reminderId);
	if (notificationId === SUMMARY_NOTIFICATION_ID) await markAllAlertsSeen(db);
}

/**
 * chrome.notifications.onClosed: closed by the rep (not taken away by Tickler after Complete or Snooze, nor by
 * the system — a notification the system hid was never seen, so the popup keeps showing it as alerted, R50).
 */
export async function onNotificationClosed(dbs: WorkerDbs, notificationId: string, byUser: boolean): Promise<void> {
	if (byUser) await seen(dbs.db, notificationId);
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
