/**
 * R32 with the optional `notifications` permission, against the local org over HTTP: while Tickler may not
 * notify, a time it writes asks Salesforce to alert (IsReminderSet=true), so the rep gets exactly one alert;
 * once granted, the next write of a time follows the setting again.
 */
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {dueAlerts} from '@/background/alerts/due-alerts.js';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import {effectiveWhoAlerts} from '@/shared/who-alerts.js';
import {setOptionalPermission} from '../fakes/browser.js';
import {startHarness, type Harness} from './harness.js';

let h: Harness;
beforeEach(async () => {
	h = await startHarness();
	setOptionalPermission('notifications', false);
});
afterEach(async () => {
	setOptionalPermission('notifications', true);
	await h.close();
});

// The harness's org starts at 2026-03-05T09:00Z.
const AT = '2026-03-05T15:00:00.000Z';
const LATER = '2026-03-05T16:30:00.000Z';

const task = (subject: string) => h.repTaskNamed(subject);

describe('R32: without the notifications permission, Salesforce alerts', () => {
	test("R32: setting 'tickler' but no permission: the Task is written with IsReminderSet=true, and Tickler would stay silent for it", async () => {
		await h.enable();
		await addReminder(h.db, {name: 'no permission', reminderAt: AT}, {now: h.clock.now()});
		await h.sync();
		expect(task('no permission')['ReminderDateTime']).toBe(Date.parse(AT));
		expect(task('no permission')['IsReminderSet']).toBe(true);
		const reminder = await h.reminderNamed('no permission');
		expect(reminder.salesforceAlertsAt).toBe(AT);
		// Granted later: Salesforce still alerts for this time, so Tickler stays silent — one alert, not two.
		setOptionalPermission('notifications', true);
		expect(dueAlerts([reminder], Date.parse(AT) + 1000, effectiveWhoAlerts('tickler', true))).toEqual([]);
	});

	test('R32: once granted, the next time written follows the setting again (IsReminderSet=false with Tickler)', async () => {
		await h.enable();
		const r = await addReminder(h.db, {name: 'granted later', reminderAt: AT}, {now: h.clock.now()});
		await h.sync();
		expect(task('granted later')['IsReminderSet']).toBe(true);
		setOptionalPermission('notifications', true);
		await editReminder(h.db, r.id, {reminderAt: LATER}, {now: h.clock.now()});
		await h.sync();
		expect(task('granted later')['ReminderDateTime']).toBe(Date.parse(LATER));
		expect(task('granted later')['IsReminderSet']).toBe(false);
		const reminder = await h.reminderNamed('granted later');
		expect(dueAlerts([reminder], Date.parse(LATER) + 1000, 'tickler').map(a => a.reminder.id)).toEqual([r.id]);
	});
});
