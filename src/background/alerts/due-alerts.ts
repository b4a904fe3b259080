/**
 * R31/R32: which reminders alert now, when the next alarm is due, and where a snooze moves a time. Pure: the
 * worker's alarm handler (alert-alarm.ts) reads the store and the clock and asks here.
 *
 * - Tickler alerts for an open, not deleted reminder whose time has come, once per computer: the reminder's
 *   `alert.notifiedFor` records the time it alerted for (written before the notification is shown, so a
 *   worker stopped in between loses that one alert rather than repeating it).
 * - Who alerts (R32): Tickler stays silent for a time Salesforce alerts for (or already fired) unless the
 *   setting is 'both' — so whatever the setting, a reminder gets exactly one alert by default.
 * - Missed while the browser was closed: a time that passed is still due at the next check, marked late,
 *   for up to MISSED_LOOKBACK_MS. A time that was already long past when this computer learned it (an old
 *   Task imported, a past time synced in) is not a missed alert and never fires.
 */
import {reminderAtMs} from '@/shared/store/reminder-time.js';
import type {Reminder, WhoAlerts} from '@/shared/store/schema.js';

/** Missed alerts older than this are not raised any more (a browser closed for a week). */
export const MISSED_LOOKBACK_MS = 7 * 24 * 3_600_000;
/** A time learned at most this long after it passed still alerts (a poll every 10–15 minutes brings it late). */
export const LEARNED_GRACE_MS = 15 * 60_000;
/** An alert shown more than this after its time is marked late (chrome.alarms may fire up to a minute late). */
export const LATE_AFTER_MS = 2 * 60_000;

export type DueAlert = {reminder: Reminder; reminderAt: string; late: boolean};

/** R32: whether Tickler (not only Salesforce) alerts for this reminder's current time. */
export function ticklerAlertsFor(reminder: Reminder, whoAlerts: WhoAlerts): boolean {
	if (whoAlerts === 'both') return true;
	return reminder.salesforceAlertsAt === undefined || reminder.salesforceAlertsAt !== reminder.reminderAt;
}

/** The alert this reminder owes now, if any. */
export function dueAlert(reminder: Reminder, now: number, whoAlerts: WhoAlerts): DueAlert | undefined {
	const at = reminderAtMs(reminder.reminderAt);
	if (at === undefined || typeof reminder.reminderAt !== 'string') return undefined;
	if (reminder.status !== 'open' || reminder.deletedAt !== undefined) return undefined;
	if (at > now || at < now - MISSED_LOOKBACK_MS) return undefined;
	if (reminder.alert?.notifiedFor === reminder.reminderAt) return undefined;
	// No alert record: a row from before R31 cannot have a time; treat it as learned now (never "missed").
	const knownAt = reminder.alert?.knownAt ?? now;
	if (at < knownAt - LEARNED_GRACE_MS) return undefined;
	if (!ticklerAlertsFor(reminder, whoAlerts)) return undefined;
	return {reminder, reminderAt: reminder.reminderAt, late: now - at > LATE_AFTER_MS};
}

/** Every alert owed now, earliest first. */
export function dueAlerts(reminders: readonly Reminder[], now: number, whoAlerts: WhoAlerts): DueAlert[] {
	return reminders
		.map(reminder => dueAlert(reminder, now, whoAlerts))
		.filter((alert): alert is DueAlert => alert !== undefined)
		.sort((a, b) => a.reminderAt.localeCompare(b.reminderAt));
}

/**
 * When the alarm should next fire: the earliest time after `now` of an open, not deleted reminder, or
 * undefined for none. Deliberately not filtered by who alerts or by this computer's record: the setting can
 * change without the worker hearing of it, and a wake-up that finds nothing to show costs nothing.
 */
export function nextAlarmAt(reminders: readonly Reminder[], now: number): number | undefined {
	let next: number | undefined;
	for (const reminder of reminders) {
		const at = reminderAtMs(reminder.reminderAt);
		if (at === undefined || at <= now || reminder.status !== 'open' || reminder.deletedAt !== undefined) continue;
		if (next === undefined || at < next) next = at;
	}

	return next;
}
