/**
 * R31: shows and clears Tickler's reminder notifications (`notifications` permission). Content comes from
 * notification-content.ts; this file only talks to the browser. Firefox has no notification buttons (MDN
 * `notifications.NotificationOptions`), so there a click opens the reminder and the popup offers the rest.
 * The permission is optional: without it the API is absent and these do nothing (alert-alarm.ts does not record
 * alerts it could not show).
 */
import browser, {type Notifications} from 'webextension-polyfill';
import {browserFamily} from '@/background/platform.js';
import {notificationsApi} from '@/shared/notifications-permission.js';
import type {DueAlert} from './due-alerts.js';
import {readNotificationSnooze} from './notification-snooze.js';
import {type NotificationContent, notificationsFor, reminderNotificationId} from './notification-content.js';

/** Chrome shows notification buttons; Firefox has none (a click is all there is). */
export function notificationButtonsShown(): boolean {
	return browserFamily() === 'chrome';
}

export async function showAlerts(alerts: readonly DueAlert[]): Promise<void> {
	const snooze = await readNotificationSnooze();
	await showNotifications(notificationsFor(alerts, {withButtons: notificationButtonsShown(), snooze}));
}

/** Shows notifications of ours (reminders, the summary, R60's Undo offers); nothing without the permission. */
export async function showNotifications(contents: readonly NotificationContent[]): Promise<void> {
	const api = notificationsApi();
	if (!api) return;
	for (const content of contents) {
		const options: Notifications.CreateNotificationOptions & {
			buttons?: Array<{title: string}>;
			requireInteraction?: boolean;
		} = {
			type: 'basic',
			iconUrl: browser.runtime.getURL('icons/icon-128.png'),
			title: content.title,
			// Salesforce text (the name, the related records) goes in as plain text: the chrome.notifications
			// reference (developer.chrome.com/docs/extensions/reference/api/notifications) types title, message
			// and contextMessage as plain strings, with no markup, so nothing is escaped or interpreted.
			// (Firefox shows only title and message, MDN NotificationOptions; contextMessage is dropped there.)
			message: content.message,
			...(content.contextMessage === undefined ? {} : {contextMessage: content.contextMessage}),
			...(content.buttons.length === 0 ? {} : {buttons: content.buttons.map(title => ({title}))}),
			// Chrome only: Firefox's notifications have no `requireInteraction` (MDN NotificationOptions) and the
			// desktop decides how long they stay there.
			...(content.staysUntilActedOn && notificationButtonsShown() ? {requireInteraction: true} : {}),
		};
		await api.create(content.id, options);
	}
}

/** Takes a reminder's own notification off the screen (after Complete or Snooze: nothing is left to pile up). */
export async function clearReminderNotification(reminderId: string): Promise<void> {
	await notificationsApi()?.clear(reminderNotificationId(reminderId));
}

/** Takes a notification of ours off the screen by its id (the summary after it was clicked). */
export async function clearNotification(notificationId: string): Promise<void> {
	await notificationsApi()?.clear(notificationId);
}
