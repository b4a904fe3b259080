/**
 * R31 end to end in Chromium: a reminder set two minutes ahead in the popup shows one notification at its
 * time, and Complete from the notification completes the Task in the (local) org.
 *
 * The clock is moved, not waited for: the worker's own clock (`Date.now`, which every reminder decision
 * reads) is put three minutes ahead, and Chrome is asked to fire the reminder alarm now. So the path is the
 * real one — chrome.alarms wakes the listener registered in src/background/service-worker.ts, which reads the store,
 * records the alert and calls chrome.notifications.create — only the time it believes it is differs.
 * Complete is clicked the way Chrome delivers a click: the event chrome.notifications.onButtonClicked is
 * dispatched to the listeners the worker registered (the extension bindings' `dispatch`), with button 0.
 *
 * `notifications` is an optional permission (R32): the first test runs with it granted
 * (notifications-granted-build.ts says how and why), the last without it, where Salesforce alerts instead.
 */
import type {Page, Worker} from 'playwright-core';
import {rm} from 'node:fs/promises';
import {afterEach, expect, test} from 'vitest';
import {buildWithNotificationsGranted} from './notifications-granted-build.js';
import {enableSyncInSettings, localDate, type SyncScenario, startScenario, syncNow} from './sync-fixture.js';

let scenario: SyncScenario;
let grantedBuild: string | undefined;

afterEach(async () => {
	await scenario.close();
	if (grantedBuild !== undefined) await rm(grantedBuild, {recursive: true, force: true});
	grantedBuild = undefined;
});

/** Adds a reminder due today with a reminder time minutes ahead (to the minute the form takes), from the popup. */
async function addReminderWithTime(popup: Page, name: string, minutesAhead = 2): Promise<Date> {
	const at = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 60_000) * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	await popup.getByRole('button', {name: 'Add reminder'}).click();
	await popup.getByLabel('Name').fill(name);
	await popup.getByLabel('Due date').fill(localDate());
	await popup
		.getByLabel('Reminder date', {exact: true})
		.fill(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`);
	await popup.getByLabel('Reminder time', {exact: true}).fill(`${pad(at.getHours())}:${pad(at.getMinutes())}`);
	await popup.getByRole('button', {name: 'Add', exact: true}).click();
	await expect.poll(async () => popup.getByText(name, {exact: true}).count()).toBe(1);
	return at;
}

async function currentWorker(): Promise<Worker> {
	return scenario.session.context.serviceWorkers()[0] ?? scenario.session.context.waitForEvent('serviceworker');
}

/** The notifications the extension has on screen, by id (chrome.notifications.getAll, in the worker). */
async function notifications(): Promise<Record<string, unknown>> {
	return (await currentWorker()).evaluate(async () => chrome.notifications.getAll());
}

type StoredReminder = {id: string; name: string; alert?: {notifiedFor?: string}};

/** A reminder as stored in IndexedDB, read from an extension page. */
async function storedReminder(page: Page, name: string): Promise<StoredReminder> {
	const all = await page.evaluate(
		async () =>
			new Promise<StoredReminder[]>((resolve, reject) => {
				const open = indexedDB.open('tickler');
				open.onerror = () => reject(new Error('cannot open the store'));
				open.onsuccess = () => {
					const request = open.result.transaction('reminders').objectStore('reminders').getAll();
					request.onsuccess = () => {
						resolve(request.result as StoredReminder[]);
						open.result.close();
					};
				};
			}),
	);
	const found = all.find(reminder => reminder.name === name);
	if (!found) throw new Error(`no reminder ${name}`);
	return found;
}

test('R31: a reminder two minutes ahead shows one notification at its time; Complete from it completes the Task in the org', async () => {
	grantedBuild = await buildWithNotificationsGranted();
	scenario = await startScenario({seed: 'none', extensionDir: grantedBuild});
	await enableSyncInSettings(scenario);
	const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
	const at = await addReminderWithTime(popup, 'Call Ann back');
	await syncNow(popup);
	const repId = scenario.org.users.rep.id;
	const task = () => scenario.org.listTasks({ownerId: repId}).find(t => t.Subject === 'Call Ann back');
	// R32 default: Salesforce has the time, with its own reminder off (Tickler alerts).
	await expect.poll(() => task()?.['ReminderDateTime']).toBe(at.getTime());
	expect(task()?.['IsReminderSet']).toBe(false);

	// The worker armed the reminder alarm for that time, and nothing is shown before it.
	await expect
		.poll(
			async () =>
				(await (await currentWorker()).evaluate(async () => chrome.alarms.get('reminder-due')))?.scheduledTime,
		)
		.toBe(at.getTime());
	expect(await notifications()).toEqual({});

	// Move the worker's clock past the reminder time, and let Chrome fire the alarm now.
	await (
		await currentWorker()
	).evaluate(async skipMs => {
		const realNow = Date.now.bind(Date);
		Date.now = () => realNow() + skipMs;
		await chrome.alarms.create('reminder-due', {when: realNow()});
	}, 3 * 60_000);
	await expect.poll(async () => Object.keys(await notifications()), {timeout: 15_000}).toHaveLength(1);
	// Chrome's getAll lists the ids on screen (its values are `true`, not the content: the content is
	// unit-tested in notification-content.test.ts). The id names the reminder; the store recorded the alert.
	await expect
		.poll(async () => (await storedReminder(popup, 'Call Ann back')).alert?.notifiedFor)
		.toBe(at.toISOString());
	const stored = await storedReminder(popup, 'Call Ann back');
	const id = `tickler-reminder:${stored.id}`;
	expect(await notifications()).toEqual({[id]: true});
	// R50: until the rep clicks or closes it (the system may be hiding it), the popup's row says it alerted.
	await expect
		.poll(async () => popup.locator('.alerted-tag').allTextContents(), {timeout: 10_000})
		.toEqual([expect.stringMatching(/^Alerted .* not seen yet$/)]);

	// Complete, as Chrome delivers a click on the notification's first button.
	await (
		await currentWorker()
	).evaluate(async notificationId => {
		const event = chrome.notifications.onButtonClicked as unknown as {dispatch(id: string, index: number): void};
		event.dispatch(notificationId, 0);
	}, id);
	await expect
		.poll(() => scenario.org.listTasks({ownerId: repId}).find(t => t.Subject === 'Call Ann back')?.Status, {
			timeout: 20_000,
		})
		.toBe('Completed');
	// Nothing is left on screen, and the next alarm shows nothing for a completed reminder.
	await expect.poll(async () => notifications()).toEqual({});
	await (
		await currentWorker()
	).evaluate(async () => chrome.alarms.create('reminder-due', {when: Date.now() - 3 * 60_000}));
	await expect
		.poll(async () => (await currentWorker()).evaluate(async () => chrome.alarms.get('reminder-due')))
		.toBeUndefined();
	expect(await notifications()).toEqual({});
	expect(errors).toEqual([]);
});

test('R32: without the notifications permission, a reminder time is sent with IsReminderSet=true (Salesforce alerts) and Tickler shows nothing', async () => {
	scenario = await startScenario({seed: 'none'});
	await enableSyncInSettings(scenario);
	const {page: popup, errors} = await scenario.session.openExtensionPage('src/popup/index.html');
	expect(await popup.evaluate(async () => chrome.permissions.contains({permissions: ['notifications']}))).toBe(false);
	// The Add click also opens Chrome's permission prompt, which stays unanswered here (no one accepts it).
	const at = await addReminderWithTime(popup, 'Call Bo back');
	const later = await addReminderWithTime(popup, 'Later one', 12);
	await syncNow(popup);
	const repId = scenario.org.users.rep.id;
	const task = () => scenario.org.listTasks({ownerId: repId}).find(t => t.Subject === 'Call Bo back');
	await expect.poll(() => task()?.['ReminderDateTime']).toBe(at.getTime());
	expect(task()?.['IsReminderSet']).toBe(true);
	// The worker never touches the absent API: at the time nothing is shown, nothing recorded, nothing thrown.
	const worker = await currentWorker();
	expect(await worker.evaluate(() => typeof chrome.notifications)).toBe('undefined');
	await worker.evaluate(async skipMs => {
		const realNow = Date.now.bind(Date);
		Date.now = () => realNow() + skipMs;
		await chrome.alarms.create('reminder-due', {when: realNow()});
	}, 3 * 60_000);
	// The check ran to its end (it set the alarm for the next time) without showing or recording anything.
	await expect
		.poll(
			async () =>
				(await (await currentWorker()).evaluate(async () => chrome.alarms.get('reminder-due')))?.scheduledTime,
			{timeout: 15_000},
		)
		.toBe(later.getTime());
	expect((await storedReminder(popup, 'Call Bo back')).alert?.notifiedFor).toBeUndefined();
	expect(errors).toEqual([]);
});
