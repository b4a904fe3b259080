/**
 * R50: how long a reminder notification's Snooze button snoozes — the rep's default, chosen in settings (one of
 * the popup's presets), kept on this computer like the toolbar choice (a notification is this computer's too).
 * One hour until the rep chooses.
 */
import browser from 'webextension-polyfill';
import {isSnoozePreset, type SnoozePreset} from '@/shared/snooze.js';

const NOTIFICATION_SNOOZE_KEY = 'tickler:notificationSnooze';
export const DEFAULT_NOTIFICATION_SNOOZE: SnoozePreset = '1-hour';

export async function readNotificationSnooze(): Promise<SnoozePreset> {
	const stored: unknown = (await browser.storage.local.get(NOTIFICATION_SNOOZE_KEY))[NOTIFICATION_SNOOZE_KEY];
	// A value an older or newer Tickler wrote that this one does not know: the default, not an error.
	return isSnoozePreset(stored) ? stored : DEFAULT_NOTIFICATION_SNOOZE;
}

export async function saveNotificationSnooze(preset: SnoozePreset): Promise<SnoozePreset> {
	await browser.storage.local.set({[NOTIFICATION_SNOOZE_KEY]: preset});
	return preset;
}
