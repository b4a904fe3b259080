/**
 * R31: what a reminder notification says and offers. Pure, so it is tested without a browser. One reminder
 * due: its own notification (name, due date, time, the related record when known; Complete and Snooze 1
 * hour). Several at once — typically missed while the browser was closed — one summary listing them.
 *
 * Notification ids are stable per reminder (`tickler-reminder:<id>`), so an alert for a reminder replaces the
 * one already on screen instead of piling up; the summary has one id too.
 */
import {
	alertSnoozeButton,
	alertSnoozedUntil,
	SNOOZE_COPY,
	alertSummaryMore,
	alertSummaryTitle,
	REMINDER_ALERT_COPY,
	reminderAlertMessage,
} from '@/shared/copy.js';
import {formatClockTime, formatDueDay} from '@/shared/i18n/format.js';
import type {SnoozePreset} from '@/shared/snooze.js';
import type {DueAlert} from './due-alerts.js';

export const REMINDER_NOTIFICATION_PREFIX = 'tickler-reminder:';
export const SUMMARY_NOTIFICATION_ID = 'tickler-reminders:summary';
/** R60: the Undo offer after a Complete or Snooze from a notification, one per reminder. */
export const UNDO_NOTIFICATION_PREFIX = 'tickler-undo:';
/** How many names the summary lists before "and N more". */
export const SUMMARY_NAMES = 5;

/**
 * The buttons of a single reminder's notification, in order (Chrome shows at most two). R50: Snooze snoozes by
 * the rep's default (notification-snooze.ts), and its title says by how much.
 */
export const NOTIFICATION_BUTTONS = ['complete', 'snooze'] as const;

export type NotificationContent = {
	id: string;
	title: string;
	message: string;
	/** The related records' names (Who · What), when the reminder has any. */
	contextMessage?: string;
	/** Button titles; empty where the browser has none (Firefox). */
	buttons: string[];
	/**
	 * R50: stays on screen until the rep acts (Chrome's `requireInteraction`; without it Chrome on Linux takes a
	 * notification away after about 8 s) — the reminders and the summary, not the passing Undo offer.
	 */
	staysUntilActedOn?: true;
};

export function reminderNotificationId(reminderId: string): string {
	return `${REMINDER_NOTIFICATION_PREFIX}${reminderId}`;
}

/** The reminder id in a notification id of ours, or undefined (the summary, or not ours). */
export function reminderIdOf(notificationId: string): string | undefined {
	return notificationId.startsWith(REMINDER_NOTIFICATION_PREFIX)
		? notificationId.slice(REMINDER_NOTIFICATION_PREFIX.length)
		: undefined;
}

export function undoNotificationId(reminderId: string): string {
	return `${UNDO_NOTIFICATION_PREFIX}${reminderId}`;
}

/** The reminder id in an Undo offer's notification id, or undefined. */
export function undoReminderIdOf(notificationId: string): string | undefined {
	return notificationId.startsWith(UNDO_NOTIFICATION_PREFIX)
		? notificationId.slice(UNDO_NOTIFICATION_PREFIX.length)
		: undefined;
}

/**
 * R60: "Completed." or "Snoozed until 10:00." under the reminder's name, with Undo — a button where the browser
 * has them, else the click (Firefox). The change is held from Salesforce while the offer lasts (held-edits.ts).
 */
export function undoOfferFor(
	reminder: {id: string; name: string},
	done: {snoozedUntil?: string},
	options: {withButtons: boolean; timeZone?: string},
): NotificationContent {
	const line =
		done.snoozedUntil === undefined
			? REMINDER_ALERT_COPY.completed
			: alertSnoozedUntil(formatClockTime(Date.parse(done.snoozedUntil), options.timeZone));
	return {
		id: undoNotificationId(reminder.id),
		title: reminder.name,
		message: options.withButtons ? line : `${line} ${REMINDER_ALERT_COPY.clickToUndo}`,
		buttons: options.withButtons ? [REMINDER_ALERT_COPY.undo] : [],
	};
}

/** The name of the record a reminder is about, for the notification's third line (undefined for none). */
export type RelatedName = (alert: DueAlert) => string | undefined;

/**
 * R31/R33: the reminder's related records as the last pulled Task said — the person (Who) then the record
 * (What), e.g. "Ana Ruiz · Acme Corp". Salesforce text, passed on as is: chrome.notifications takes
 * plain strings and interprets no HTML (show-notifications.ts), so nothing needs escaping here.
 */
export const relatedNamesOf: RelatedName = ({reminder}) => {
	const names = [reminder.who?.name, reminder.what?.name].filter(
		(name): name is string => name !== undefined && name.trim() !== '',
	);
	return names.length === 0 ? undefined : names.join(' · ');
};

export function notificationsFor(
	alerts: readonly DueAlert[],
	options: {
		withButtons: boolean;
		/** R50: the Snooze button's default; one hour when not given. */
		snooze?: SnoozePreset;
		timeZone?: string;
		relatedName?: RelatedName;
		now?: number;
	},
): NotificationContent[] {
	const relatedName = options.relatedName ?? relatedNamesOf;
	if (alerts.length === 0) return [];
	// R46: the rep's words and clock: "tomorrow" / "domani", "4:00 PM" / "16:00".
	const time = (alert: DueAlert) => formatClockTime(Date.parse(alert.reminderAt), options.timeZone);
	const dueDay = (dueDate: string | null) =>
		dueDate === null ? null : formatDueDay(dueDate, new Date(options.now ?? Date.now()));
	if (alerts.length === 1) {
		const [alert] = alerts as [DueAlert];
		const related = relatedName(alert);
		return [
			{
				id: reminderNotificationId(alert.reminder.id),
				title: alert.reminder.name,
				message: reminderAlertMessage(dueDay(alert.reminder.dueDate), alert.late, time(alert)),
				...(related === undefined ? {} : {contextMessage: related}),
				buttons: options.withButtons
					? [REMINDER_ALERT_COPY.complete, alertSnoozeButton(SNOOZE_COPY[options.snooze ?? '1-hour'])]
					: [],
				staysUntilActedOn: true,
			},
		];
	}

	const listed = alerts.slice(0, SUMMARY_NAMES).map(alert => `${time(alert)} ${alert.reminder.name}`);
	const more = alerts.length - listed.length;
	const late = alerts.some(alert => alert.late);
	return [
		{
			id: SUMMARY_NOTIFICATION_ID,
			title: alertSummaryTitle(alerts.length),
			message: [...listed, ...(more > 0 ? [alertSummaryMore(more)] : [])].join('\n'),
			...(late ? {contextMessage: REMINDER_ALERT_COPY.late} : {}),
			buttons: [],
			staysUntilActedOn: true,
		},
	];
}
