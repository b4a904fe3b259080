/** R50: settings' test notification, in the worker with the fake browser. */
import {beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import {openTabs, resetFakeBrowser, setOptionalPermission, setPlatformOs} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {alertHandlers} from './alert-handlers.js';
import {onNotificationClicked} from './notification-actions.js';
import {sendTestNotification, TEST_NOTIFICATION_ID} from './test-notification.js';

beforeEach(resetFakeBrowser);

test('R50: the test notification is shown in the rep’s words, and the answer names the rep’s system for the advice', async () => {
	setPlatformOs('mac');
	expect(await sendTestNotification()).toEqual({sent: true, system: 'mac'});
	const shown = (await browser.notifications.getAll()) as Record<string, {title: string; message: string}>;
	expect(shown[TEST_NOTIFICATION_ID]).toMatchObject({
		title: 'Tickler test notification',
		message: 'Your reminders will appear like this.',
	});
	setPlatformOs('android');
	expect((await sendTestNotification()).system).toBe('other');
});

test('R50: without the notifications permission nothing can be shown, and the answer says so', async () => {
	setOptionalPermission('notifications', false);
	expect(await sendTestNotification()).toEqual({sent: false, system: 'linux'});
});

test('R50: the Snooze button’s default is one hour until the rep chooses; the choice is kept on this computer', async () => {
	const handlers = alertHandlers();
	expect(await handlers.getNotificationSnooze(undefined, {kind: 'own-page'} as never)).toEqual({preset: '1-hour'});
	await handlers.saveNotificationSnooze({preset: '10-minutes'}, {kind: 'own-page'} as never);
	expect(await handlers.getNotificationSnooze(undefined, {kind: 'own-page'} as never)).toEqual({preset: '10-minutes'});
	// A value this Tickler does not know (written by another version) reads as the default.
	await browser.storage.local.set({'tickler:notificationSnooze': 'forever'});
	expect(await handlers.getNotificationSnooze(undefined, {kind: 'own-page'} as never)).toEqual({preset: '1-hour'});
});

test('R50: a click on the test notification only takes it away: it opens nothing', async () => {
	await sendTestNotification();
	const tabsBefore = openTabs().length;
	await onNotificationClicked(openTestWorkerDbs('test-notification-click'), TEST_NOTIFICATION_ID);
	expect(await browser.notifications.getAll()).toEqual({});
	expect(openTabs()).toHaveLength(tabsBefore);
});
