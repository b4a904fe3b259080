/**
 * R31: the reminder alarm. One `chrome.alarms` alarm, always set for the next reminder time of the active
 * partition (bounded: one alarm, whatever the number of reminders), so Chrome wakes the worker for it even
 * when it was stopped. Each check — at that alarm, when the browser starts (missed ones, marked late), after
 * every sync cycle and every change the rep makes — shows what is due and sets the alarm again.
 */
import browser from 'webextension-polyfill';
import {notificationsGranted} from '@/shared/notifications-permission.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {dueAlerts, nextAlarmAt} from './due-alerts.js';
import {showAlerts} from './show-notifications.js';
import {readAlarmFacts, recordAlerts} from './alert-store.js';

export const REMINDER_ALARM = 'reminder-due';

/**
 * Shows every alert due now (once per computer) and sets the alarm for the next reminder time. Without the
 * (optional) notifications permission nothing is shown and nothing recorded as shown: Salesforce alerts for
 * what Tickler wrote meanwhile (effectiveWhoAlerts), and what is still Tickler's comes once it is granted.
 */
export async function checkReminders(db: TicklerDb, now: number = Date.now()): Promise<void> {
	const facts = await readAlarmFacts(db, now);
	const granted = await notificationsGranted();
	const due = granted ? dueAlerts(facts.reminders, now, facts.whoAlerts) : [];
	if (due.length > 0) await showAlerts(await recordAlerts(db, due, now));
	const next = nextAlarmAt(facts.reminders, now);
	if (next === undefined) await browser.alarms.clear(REMINDER_ALARM);
	else await browser.alarms.create(REMINDER_ALARM, {when: next});
}

export async function onReminderAlarm(db: TicklerDb, alarm: {name: string}): Promise<void> {
	if (alarm.name === REMINDER_ALARM) await checkReminders(db);
}
