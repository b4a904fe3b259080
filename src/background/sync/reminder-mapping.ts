/**
 * R32: the reminder time ↔ the Task's `ReminderDateTime` and `IsReminderSet` (docs/salesforce-facts.md §13.3).
 * Pure. The design (docs/rules.md R32, docs/sync-protocol.md "Reminder times"):
 *
 * - The reminder time (`reminderAt`) is `ReminderDateTime`, whatever `IsReminderSet` says. Salesforce sets
 *   `IsReminderSet` to false once its own reminder has fired and keeps `ReminderDateTime` (§13.3): that is
 *   "fired", never "removed", so the time stays. Only a cleared `ReminderDateTime` removes the time.
 * - `IsReminderSet` says whether *Salesforce* alerts. Tickler sends it per the "who alerts" setting: false
 *   when Tickler alerts alone (the default), true when Salesforce alerts (alone or with Tickler).
 * - Whatever the setting, Tickler remembers per reminder the time Salesforce alerts for (`IsReminderSet`
 *   seen true with that time, or sent true by Tickler) and whether it fired. Tickler stays silent for that
 *   time unless the setting is 'both' — so a reminder set in Salesforce itself with its reminder on still
 *   alerts once, and Salesforce clearing `IsReminderSet` after firing never makes Tickler alert "late".
 */
import type {TaskRow, TaskWrite} from '@/background/salesforce/salesforce-port.js';
import {parseSalesforceDateTime} from '@/background/salesforce/soql.js';
import type {Reminder, WhoAlerts} from '@/shared/store/schema.js';

/** `ReminderDateTime` as a reminder time (ISO UTC), null when cleared, undefined when unreadable (ignored). */
export function reminderAtFromSalesforce(value: unknown): string | null | undefined {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') return undefined;
	const ms = parseSalesforceDateTime(value);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** What a create or an update carries for a reminder time, per who alerts. */
export function reminderWrite(
	reminderAt: string | null | undefined,
	whoAlerts: WhoAlerts,
): Pick<TaskWrite, 'ReminderDateTime' | 'IsReminderSet'> {
	if (reminderAt === null || reminderAt === undefined) return {ReminderDateTime: null, IsReminderSet: false};
	return {ReminderDateTime: reminderAt, IsReminderSet: whoAlerts !== 'tickler'};
}

/** What Tickler knows about Salesforce's own alert for a reminder. */
export type SalesforceAlertState = Pick<Reminder, 'salesforceAlertsAt' | 'firedInSalesforce'>;

/**
 * R32, Salesforce → local: the Salesforce-alert state after reading a row. `IsReminderSet` true → Salesforce
 * alerts for this time; false with the very time Salesforce was known to alert for → it fired (kept);
 * anything else → Salesforce does not alert for the current time.
 */
export function salesforceAlertFromRow(row: TaskRow, previous: SalesforceAlertState): SalesforceAlertState {
	const at = reminderAtFromSalesforce(row.ReminderDateTime);
	if (typeof at !== 'string') return {};
	if (row.IsReminderSet) return {salesforceAlertsAt: at};
	if (previous.salesforceAlertsAt === at) return {salesforceAlertsAt: at, firedInSalesforce: true};
	return {};
}

/** R32, local → Salesforce: the Salesforce-alert state once Salesforce accepted a write carrying a reminder time. */
export function salesforceAlertAfterWrite(write: TaskWrite, previous: SalesforceAlertState): SalesforceAlertState {
	if (!('IsReminderSet' in write)) return previous;
	return write.IsReminderSet && typeof write.ReminderDateTime === 'string'
		? {salesforceAlertsAt: write.ReminderDateTime}
		: {};
}

/** Replaces a reminder's Salesforce-alert state (the two optional keys) with `state`. */
export function withSalesforceAlert(reminder: Reminder, state: SalesforceAlertState): Reminder {
	const next: Reminder = {...reminder};
	delete next.salesforceAlertsAt;
	delete next.firedInSalesforce;
	if (state.salesforceAlertsAt !== undefined) next.salesforceAlertsAt = state.salesforceAlertsAt;
	if (state.firedInSalesforce) next.firedInSalesforce = true;
	return next;
}
