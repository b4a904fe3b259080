/** R50: the background's answers about notifications — the Snooze button's default, and the test notification. */
import type {BackgroundHandlers} from '../messaging/message-rules.js';
import {readNotificationSnooze, saveNotificationSnooze} from './notification-snooze.js';
import {sendTestNotification} from './test-notification.js';

export function alertHandlers(): Pick<
	BackgroundHandlers,
	'getNotificationSnooze' | 'saveNotificationSnooze' | 'sendTestNotification'
> {
	return {
		async getNotificationSnooze() {
			return {preset: await readNotificationSnooze()};
		},
		async saveNotificationSnooze({preset}) {
			return {preset: await saveNotificationSnooze(preset)};
		},
		async sendTestNotification() {
			return sendTestNotification();
		},
	};
}
