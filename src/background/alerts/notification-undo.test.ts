/**
 * R60 from a notification: Complete and Snooze are held for an Undo offer like the popup's — the offer is a
 * notification of its own, whose button (or click, where there are no buttons) takes the change back; until
 * it passes nothing reaches Salesforce.
 */
import {beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {addReminder} from '@/shared/store/local-edits.js';
import {DELETE_HOLD_MS, isReadyToPush} from '@/shared/store/outbox.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {checkReminders} from './alert-alarm.js';
import {
	completeFromNotification,
	onNotificationButton,
	onNotificationClicked,
	snoozeReminder,
} from './notification-actions.js';
import {reminderNotificationId, undoNotificationId, undoOfferFor} from './notification-content.js';

const dbs = openTestWorkerDbs('notification-undo');
const {db} = dbs;

async function shown() {
	return (await browser.notifications.getAll()) as Record<
		string,
		{title: string; message: string; buttons?: unknown[]}
	>;
}

/** A linked reminder in step with its Task, whose notification is on screen. */
async function alerted() {
	const now = Date.now();
	const r = await addReminder(
		db,
		{name: 'Call Ann', dueDate: '2026-03-05', reminderAt: new Date(now + 60_000).toISOString()},
		{now},
	);
	await db.reminders.update(r.id, {localOnly: false, syncState: 'synced', taskId: '00T000000000001AAA'});
	await db.outbox.clear();
	await checkReminders(db, now + 61_000);
	return (await db.reminders.get(r.id))!;
}

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
});

test('R60: Complete from a notification says so with Undo, and is held from Salesforce while the offer lasts', async () => {
	const r = await alerted();
	const before = Date.now();
	await onNotificationButton(dbs, reminderNotificationId(r.id), 0);
	const offer = (await shown())[undoNotificationId(r.id)];
	expect(offer).toMatchObject({title: 'Call Ann', message: 'Completed.', buttons: [{title: 'Undo'}]});
	const entry = await db.outbox.get(r.id);
	expect(entry?.fields).toEqual(['status']);
	expect(entry && isReadyToPush(entry, before + DELETE_HOLD_MS - 1000)).toBe(false);
	// Undo (its only button): open again, nothing to send, in step with its Task as before.
	await onNotificationButton(dbs, undoNotificationId(r.id), 0);
	expect(await db.reminders.get(r.id)).toMatchObject({status: 'open', syncState: 'synced'});
	expect(await db.outbox.get(r.id)).toBeUndefined();
	expect(await shown()).toEqual({});
});

test('R60: Snooze from a notification says until when; a click on the offer (no buttons, Firefox) undoes it', async () => {
	const r = await alerted();
	await snoozeReminder(dbs, r.id, '1-hour');
	const offer = (await shown())[undoNotificationId(r.id)];
	expect(offer?.message).toMatch(/^Snoozed until \d{1,2}:\d{2}/);
	await onNotificationClicked(dbs, undoNotificationId(r.id));
	const restored = await db.reminders.get(r.id);
	expect(restored?.reminderAt).toBe(r.reminderAt);
	// Its alert record too: the alert already shown is not shown again.
	expect(restored?.alert).toEqual(r.alert);
	expect(await db.outbox.get(r.id)).toBeUndefined();
	expect(await browser.tabs.query({})).toEqual([]);
});

test('R60: an offer clicked after it passed changes nothing and goes; without buttons it says to click', async () => {
	const r = await alerted();
	await completeFromNotification(dbs, r.id, Date.now() - DELETE_HOLD_MS - 1000);
	await onNotificationButton(dbs, undoNotificationId(r.id), 0);
	expect((await db.reminders.get(r.id))?.status).toBe('complete');
	expect(await shown()).toEqual({});
	expect(undoOfferFor(r, {}, {withButtons: false})).toMatchObject({message: 'Completed. Click to undo.', buttons: []});
});

test('R60: the offer leaves the screen by itself once it has passed', async () => {
	vi.useFakeTimers({toFake: ['setTimeout']});
	try {
		const r = await alerted();
		await completeFromNotification(dbs, r.id);
		expect(Object.keys(await shown())).toEqual([undoNotificationId(r.id)]);
		await vi.advanceTimersByTimeAsync(DELETE_HOLD_MS);
		expect(await shown()).toEqual({});
	} finally {
		vi.useRealTimers();
	}
});
