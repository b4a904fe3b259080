/**
 * R31/R32: the `notifications` permission is optional (manifest `optional_permissions`). A required one
 * triggers a permission warning (developer.chrome.com, `chrome.notifications` reference), and "when a new
 * permission that triggers a warning is added, the extension will be disabled until the user accepts the new
 * permission" (developer.chrome.com, "Permission warning guidelines") — Tickler 0.1.0 users updating to 0.2.0
 * would have found sync silently stopped. So Tickler asks for it the first time the rep saves
 * a reminder time in the popup (or allows it in settings), and until it is granted Salesforce alerts instead.
 *
 * Without the permission the `notifications` API object is absent (`chrome.notifications` is undefined), so
 * every use goes through `notificationsApi()`.
 */
import browser, {type Notifications, type Permissions} from 'webextension-polyfill';

export const NOTIFICATIONS_PERMISSION: Permissions.Permissions = {permissions: ['notifications']};

/** Whether Tickler may show notifications now. */
export async function notificationsGranted(): Promise<boolean> {
	return browser.permissions.contains(NOTIFICATIONS_PERMISSION);
}

/**
 * Asks the rep for the permission. Browsers accept the request only during a user gesture, so call it
 * synchronously in a click or submit handler, before any await. Resolves true when granted (at once when it
 * already was), false when refused; never throws (a refusal or an unsupported request means Salesforce alerts).
 */
export function requestNotifications(): Promise<boolean> {
	try {
		return browser.permissions.request(NOTIFICATIONS_PERMISSION).catch(() => false);
	} catch {
		return Promise.resolve(false);
	}
}

/** Calls back with the new state whenever the permission is granted or withdrawn (another page may ask); returns the unsubscribe. */
export function watchNotificationsPermission(onChange: (granted: boolean) => void): () => void {
	const listener = () => void notificationsGranted().then(onChange, () => onChange(false));
	browser.permissions.onAdded.addListener(listener);
	browser.permissions.onRemoved.addListener(listener);
	return () => {
		browser.permissions.onAdded.removeListener(listener);
		browser.permissions.onRemoved.removeListener(listener);
	};
}

/** The notifications API, or undefined while the permission is not granted. */
export function notificationsApi(): Notifications.Static | undefined {
	return (browser as {notifications?: Notifications.Static}).notifications;
}
