/**
 * R31: the notification listeners, with `notifications` an optional permission. While it is not granted the
 * API object is absent, so the listeners are registered at every worker start when it is granted (service-worker.ts,
 * synchronously, before any await) and at once when the rep grants it (`permissions.onAdded`), when what is
 * due is also checked — a reminder of Tickler's own that came due meanwhile is shown then, marked late.
 */
import type {Permissions} from 'webextension-polyfill';
import {notificationsApi} from '@/shared/notifications-permission.js';
import {onNotificationButton, onNotificationClicked} from './notification-actions.js';
import {checkReminders} from './alert-alarm.js';

function onButtonClicked(notificationId: string, buttonIndex: number): void {
	void onNotificationButton(notificationId, buttonIndex);
}

function onClicked(notificationId: string): void {
	void onNotificationClicked(notificationId);
}

/** Registers the listeners when the permission is granted; never twice (a grant, a withdrawal, a grant). */
export function listenToNotifications(): void {
	const api = notificationsApi();
	if (!api) return;
	if (!api.onButtonClicked.hasListener(onButtonClicked)) api.onButtonClicked.addListener(onButtonClicked);
	if (!api.onClicked.hasListener(onClicked)) api.onClicked.addListener(onClicked);
}

export function onPermissionsAdded(added: Permissions.Permissions): void {
	if (!added.permissions?.includes('notifications')) return;
	listenToNotifications();
	void checkReminders();
}
