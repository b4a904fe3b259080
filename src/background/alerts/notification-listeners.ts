/**
 * R31: the notification listeners, with `notifications` an optional permission. While it is not granted the
 * API object is absent, so the listeners are registered at every worker start when it is granted
 * (service-worker.ts, synchronously, before any await) and at once when the rep grants it
 * (`permissions.onAdded`), when what is due is also checked — a reminder of Tickler's own that came due
 * meanwhile is shown then, marked late.
 */
import type {Permissions} from 'webextension-polyfill';
import {notificationsApi} from '@/shared/notifications-permission.js';
import type {WorkerDbs} from '../worker-db.js';
import {onNotificationButton, onNotificationClicked, onNotificationClosed} from './notification-actions.js';
import {checkReminders} from './alert-alarm.js';

export type NotificationListeners = {
	/** Registers the listeners when the permission is granted; never twice (a grant, a withdrawal, a grant). */
	listen: () => void;
	onPermissionsAdded: (added: Permissions.Permissions) => void;
};

/**
 * The listeners on the worker's databases. Made once, where the databases are opened (service-worker.ts):
 * the same functions each time, so registering again finds them already there.
 */
export function notificationListeners(dbs: WorkerDbs): NotificationListeners {
	const onButtonClicked = (notificationId: string, buttonIndex: number): void => {
		void onNotificationButton(dbs, notificationId, buttonIndex);
	};

	const onClicked = (notificationId: string): void => {
		void onNotificationClicked(dbs, notificationId);
	};

	const onClosed = (notificationId: string, byUser: boolean): void => {
		void onNotificationClosed(dbs, notificationId, byUser);
	};

	const listen = (): void => {
		const api = notificationsApi();
		if (!api) return;
		if (!api.onButtonClicked.hasListener(onButtonClicked)) api.onButtonClicked.addListener(onButtonClicked);
		if (!api.onClicked.hasListener(onClicked)) api.onClicked.addListener(onClicked);
		if (!api.onClosed.hasListener(onClosed)) api.onClosed.addListener(onClosed);
	};

	return {
		listen,
		onPermissionsAdded(added) {
			if (!added.permissions?.includes('notifications')) return;
			listen();
			void checkReminders(dbs.db);
		},
	};
}
