/**
 * R31/R32 in the worker with `notifications` an optional permission: without it nothing is shown, nothing is
 * recorded as shown and nothing throws; once granted the listeners come and what is Tickler's is shown.
 */
import {beforeEach, describe, expect, test, vi} from 'vitest';
import {addReminder} from '@/shared/store/local-edits.js';
import browser from 'webextension-polyfill';
import {resetFakeBrowser, setOptionalPermission} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {checkReminders, REMINDER_ALARM} from './alert-alarm.js';
import {snoozeReminder} from './notification-actions.js';
import {notificationListeners} from './notification-listeners.js';
import {reminderNotificationId} from './notification-content.js';

const dbs = openTestWorkerDbs('reminder-without-permission');
const {db} = dbs;
/** Made once, as service-worker.ts makes them. */
const notifications = notificationListeners(dbs);

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
});

async function dueReminder(): ReturnType<typeof addReminder> {
	const now = Date.now();
	return addReminder(db, {name: 'Call Ann', reminderAt: new Date(now + 60_000).toISOString()}, {now});
}

describe('R31: without the notifications permission', () => {
	test('R31: a due reminder is not shown and not marked notified; nothing throws; the alarm is still kept', async () => {
		setOptionalPermission('notifications', false);
		const r = await dueReminder();
		await expect(checkReminders(db, Date.parse(r.reminderAt ?? '') + 1000)).resolves.toBeUndefined();
		expect((await db.reminders.get(r.id))?.alert?.notifiedFor).toBeUndefined();
		expect(browser.notifications).toBeUndefined();
		// Snooze from the popup clears "its notification": no API, no throw.
		await expect(snoozeReminder(dbs, r.id, '1-hour')).resolves.toBeUndefined();
		expect(await browser.alarms.get(REMINDER_ALARM)).toBeDefined();
	});

	test('R31: no listeners while absent; granting registers them once and shows what came due meanwhile', async () => {
		setOptionalPermission('notifications', false);
		notifications.listen();
		const now = Date.now();
		// A time the rep set that is already over (it alerts at once, R31) while Tickler may not notify.
		const r = await addReminder(db, {name: 'Call Ann', reminderAt: new Date(now - 60_000).toISOString()}, {now});
		await checkReminders(db);
		expect((await db.reminders.get(r.id))?.alert?.notifiedFor).toBeUndefined();
		setOptionalPermission('notifications', true);
		notifications.onPermissionsAdded({permissions: ['notifications']});
		notifications.onPermissionsAdded({permissions: ['notifications']});
		notifications.listen();
		await vi.waitFor(async () => {
			expect(Object.keys(await browser.notifications.getAll())).toEqual([reminderNotificationId(r.id)]);
		});
		expect((await db.reminders.get(r.id))?.alert?.notifiedFor).toBe(r.reminderAt);
		// Each listener exactly once: a dispatch reaches one listener per event (the fake returns their results).
		const api = browser.notifications as unknown as Record<
			'onClicked' | 'onButtonClicked',
			{dispatch(...args: unknown[]): unknown[]}
		>;
		expect(api.onButtonClicked.dispatch('not-ours', 0)).toHaveLength(1);
		expect(api.onClicked.dispatch('not-ours')).toHaveLength(1);
	});

	test('R31: another permission being granted registers nothing', () => {
		setOptionalPermission('notifications', false);
		notifications.onPermissionsAdded({origins: ['https://example.com/*']});
		setOptionalPermission('notifications', true);
		const api = browser.notifications as unknown as Record<'onClicked', {dispatch(...args: unknown[]): unknown[]}>;
		expect(api.onClicked.dispatch('not-ours')).toHaveLength(0);
	});
});
