/** R31/R32 against the local org over HTTP: reminder times round-trip; Salesforce firing its own reminder. */
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {dueAlerts} from '@/background/alerts/due-alerts.js';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import {fireReminder} from '../org/records/reminder-fire.js';
import {startHarness, type Harness} from './harness.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
});
afterEach(async () => {
	await h.close();
});

// The harness's org starts at 2026-03-05T09:00Z.
const AT = '2026-03-05T15:00:00.000Z';
const LATER = '2026-03-05T16:30:00.000Z';

const task = (subject: string) => h.repTaskNamed(subject);

/** ReminderDateTime as the API returns it, in ISO UTC. */
function reminderDateTime(subject: string): string | null {
	const value = task(subject)['ReminderDateTime'];
	return typeof value === 'number' ? new Date(value).toISOString() : null;
}

describe('R32: reminder times round-trip', () => {
	test('R32: a time set in Tickler reaches the Task (IsReminderSet false by default); changed and removed likewise', async () => {
		await h.enable();
		const r = await addReminder(h.db, {name: 'call Ann', reminderAt: AT}, {now: h.clock.now()});
		await h.sync();
		expect(reminderDateTime('call Ann')).toBe(AT);
		expect(task('call Ann')['IsReminderSet']).toBe(false);
		await editReminder(h.db, r.id, {reminderAt: LATER}, {now: h.clock.now()});
		await h.sync();
		expect(reminderDateTime('call Ann')).toBe(LATER);
		await editReminder(h.db, r.id, {reminderAt: null}, {now: h.clock.now()});
		await h.sync();
		expect(reminderDateTime('call Ann')).toBeNull();
		expect((await h.reminderNamed('call Ann')).syncState).toBe('synced');
	});

	test("R32: with 'salesforce' alerting, Tickler sets IsReminderSet and stays silent for that time", async () => {
		await h.enable();
		await h.db.partitions.update(h.partition, {whoAlerts: 'salesforce'});
		await addReminder(h.db, {name: 'by salesforce', reminderAt: AT}, {now: h.clock.now()});
		await h.sync();
		expect(task('by salesforce')['IsReminderSet']).toBe(true);
		const reminder = await h.reminderNamed('by salesforce');
		expect(reminder.salesforceAlertsAt).toBe(AT);
		expect(dueAlerts([reminder], Date.parse(AT) + 1000, 'salesforce')).toEqual([]);
	});

	test('R32: a time set in Salesforce reaches the reminder; with its reminder on, Salesforce alerts and Tickler does not', async () => {
		const t = h.org.createTask(h.repId, {Subject: 'from sf'});
		await h.enable();
		await h.sync();
		expect((await h.reminderNamed('from sf')).reminderAt ?? null).toBeNull();
		h.org.updateTask(h.repId, t.Id, {ReminderDateTime: AT, IsReminderSet: true});
		await h.sync();
		const reminder = await h.reminderNamed('from sf');
		expect(reminder.reminderAt).toBe(AT);
		expect(dueAlerts([reminder], Date.parse(AT) + 1000, 'tickler')).toEqual([]);
		// Cleared in Salesforce: the time goes.
		h.org.updateTask(h.repId, t.Id, {ReminderDateTime: null, IsReminderSet: false});
		await h.sync();
		expect((await h.reminderNamed('from sf')).reminderAt).toBeNull();
	});
});

describe('R32: Salesforce fires its own reminder', () => {
	test('R32: IsReminderSet → false keeps the time, is recorded as fired, and Tickler never alerts for it afterwards', async () => {
		await h.enable();
		await h.db.partitions.update(h.partition, {whoAlerts: 'salesforce'});
		await addReminder(h.db, {name: 'fires', reminderAt: AT}, {now: h.clock.now()});
		await h.sync();
		const before = task('fires');
		h.org.clock.set(new Date(Date.parse(AT) + 5000));
		h.signIn(); // six hours on: the first session timed out
		fireReminder(h.org, before.Id);
		expect(task('fires')['IsReminderSet']).toBe(false);
		expect(task('fires').SystemModstamp).toBeGreaterThan(before.SystemModstamp);
		const result = await h.sync();
		expect(result.outcome).toBe('ok');
		const after = await h.reminderNamed('fires');
		expect(after.reminderAt).toBe(AT);
		expect(after.firedInSalesforce).toBe(true);
		expect(after.syncState).toBe('synced');
		// Switching to Tickler alerting later does not make the fired time come back as a missed alert.
		expect(dueAlerts([after], h.clock.now(), 'tickler')).toEqual([]);
		// Nothing was pushed back: the Task still has the time and IsReminderSet false.
		expect(reminderDateTime('fires')).toBe(AT);
		expect(task('fires')['IsReminderSet']).toBe(false);
	});

	test('R32: the control API fires a reminder as Salesforce would, and refuses a Task with none set', async () => {
		const t = h.org.createTask(h.repId, {Subject: 'ctl', ReminderDateTime: AT, IsReminderSet: true});
		const res = await fetch(`${h.local.url}/__org__/tasks/${t.Id}/fire-reminder`, {method: 'POST'});
		expect(res.status).toBe(200);
		expect(((await res.json()) as {IsReminderSet: boolean}).IsReminderSet).toBe(false);
		const again = await fetch(`${h.local.url}/__org__/tasks/${t.Id}/fire-reminder`, {method: 'POST'});
		expect(again.status).toBe(400);
	});
});
