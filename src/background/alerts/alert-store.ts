/**
 * R31: what the reminder alarm reads and writes in the store. Reads use the `reminderAt` index (Dexie v3), so
 * a check costs the reminders with a time in the lookback window or later, not every reminder.
 */
import type {TicklerDb} from '@/shared/store/open-db.js';
import {DEFAULT_WHO_ALERTS} from '@/shared/store/reminder-time.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {Reminder, WhoAlerts} from '@/shared/store/schema.js';
import {type DueAlert, MISSED_LOOKBACK_MS} from './due-alerts.js';

export type AlarmFacts = {reminders: Reminder[]; whoAlerts: WhoAlerts};

/** The active partition's reminders with a time from the lookback window on (the popup shows that partition, R2). */
export async function readAlarmFacts(db: TicklerDb, now: number): Promise<AlarmFacts> {
	const partition = await activePartition(db);
	const from = new Date(now - MISSED_LOOKBACK_MS).toISOString();
	const reminders = await db.reminders
		.where('reminderAt')
		.aboveOrEqual(from)
		.filter(reminder => reminder.partition === partition)
		.toArray();
	const whoAlerts = (await db.partitions.get(partition))?.whoAlerts ?? DEFAULT_WHO_ALERTS;
	return {reminders, whoAlerts};
}

/**
 * R50: the rep saw the alert for the reminder's current time (clicked its notification, or closed it): the
 * popup stops showing it as alerted. Only this computer's own record changes; nothing syncs.
 */
export async function markAlertSeen(db: TicklerDb, reminderId: string): Promise<void> {
	await db.transaction('rw', db.reminders, async () => {
		const current = await db.reminders.get(reminderId);
		const notifiedFor = current?.alert?.notifiedFor;
		if (!current?.alert || notifiedFor === undefined || current.alert.seenFor === notifiedFor) return;
		await db.reminders.put({...current, alert: {...current.alert, seenFor: notifiedFor}});
	});
}

/** R50: the summary of several alerts was clicked or closed by the rep: every alert not yet seen is. */
export async function markAllAlertsSeen(db: TicklerDb, now: number = Date.now()): Promise<void> {
	const {reminders} = await readAlarmFacts(db, now);
	const unseen = reminders.filter(
		reminder => reminder.alert?.notifiedFor !== undefined && reminder.alert.seenFor !== reminder.alert.notifiedFor,
	);
	for (const reminder of unseen) await markAlertSeen(db, reminder.id);
}

/**
 * R31, once per computer: records each alert as given, in one transaction, before anything is shown; returns
 * the ones this call recorded — an alert another check recorded meanwhile, or whose reminder changed time,
 * completed or went since it was read, is left out, so two overlapping checks never show one alert twice.
 */
export async function recordAlerts(db: TicklerDb, alerts: readonly DueAlert[], now: number): Promise<DueAlert[]> {
	return db.transaction('rw', db.reminders, async () => {
		const recorded: DueAlert[] = [];
		for (const alert of alerts) {
			const current = await db.reminders.get(alert.reminder.id);
			if (!current || current.deletedAt !== undefined || current.status !== 'open') continue;
			if (current.reminderAt !== alert.reminderAt || current.alert?.notifiedFor === alert.reminderAt) continue;
			await db.reminders.put({
				...current,
				alert: {knownAt: current.alert?.knownAt ?? now, notifiedFor: alert.reminderAt},
			});
			recorded.push({...alert, reminder: current});
		}

		return recorded;
	});
}
