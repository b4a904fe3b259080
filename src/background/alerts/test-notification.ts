/**
 * R50: settings' "Send a test notification". The browser accepting a notification is all an extension can
 * know: whether the operating system then shows it (Focus Assist, Do Not Disturb, macOS's per-app switch, a
 * full-screen window) is out of its sight — so the settings page says, for the rep's system, where to look when
 * nothing appeared. Without the optional permission nothing can be shown, and the answer says so.
 */
import browser from 'webextension-polyfill';
import {t} from '@/shared/i18n/t.js';
import {notificationsApi} from '@/shared/notifications-permission.js';
import type {TestNotificationResult} from '@/shared/messages.js';

export const TEST_NOTIFICATION_ID = 'tickler-test';

/** The rep's operating system as the settings page's advice needs it (runtime.getPlatformInfo). */
async function systemOf(): Promise<TestNotificationResult['system']> {
	const {os} = await browser.runtime.getPlatformInfo();
	return os === 'win' || os === 'mac' || os === 'linux' || os === 'cros' ? os : 'other';
}

export async function sendTestNotification(): Promise<TestNotificationResult> {
	const system = await systemOf();
	const api = notificationsApi();
	if (!api) return {sent: false, system};
	await api.create(TEST_NOTIFICATION_ID, {
		type: 'basic',
		iconUrl: browser.runtime.getURL('icons/icon-128.png'),
		title: t('testNotificationTitle'),
		message: t('testNotificationMessage'),
	});
	return {sent: true, system};
}
