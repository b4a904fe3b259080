/**
 * What a reminder's row says (R22): its name and priority, overdue, due date, reminder time, sync state,
 * related records (R33), and why the last tick failed. A plain function rather than a component, so a row
 * renders exactly the elements it did in one piece (the popup's first paint, engineering guide §1).
 */
import type {Reminder} from '@/shared/store/schema.js';
import {formatReminderMoment, formatShortDate} from '@/shared/i18n/format.js';
import {t} from '@/shared/i18n/t.js';
import {RelatedLinks} from './related-links.js';
import {SyncState} from './sync-state.js';

/**
 * Issue 20, words that are true: High is said; Normal is the quiet default and says nothing; a Task Salesforce
 * keeps at Low says Low — read-only, Tickler neither syncs it nor changes it (R9).
 */
function priorityWords(reminder: Reminder) {
	if (reminder.priority === 'high') return <span>{t('rowHighPriority')}</span>;
	const low = reminder.base?.sfPriority === 'Low' && reminder.syncState !== 'pending';
	return low ? <span title={t('rowLowPriorityTitle')}>{t('rowLowPriority')}</span> : null;
}

/**
 * R50: Tickler alerted for the reminder's current time and the rep is not known to have seen it (they neither
 * clicked nor closed the notification — the system may have hidden it): the row says so until they act.
 */
export function alertedUnseen(reminder: Reminder): boolean {
	const notifiedFor = reminder.alert?.notifiedFor;
	return (
		reminder.status === 'open' &&
		notifiedFor !== undefined &&
		notifiedFor === reminder.reminderAt &&
		reminder.alert?.seenFor !== notifiedFor
	);
}

function reminderTime(reminder: Reminder) {
	if (typeof reminder.reminderAt !== 'string') return null;
	const time = formatReminderMoment(Date.parse(reminder.reminderAt));
	return alertedUnseen(reminder) ? (
		<strong class="alerted-tag">{t('rowAlerted', {time})}</strong>
	) : (
		<span class="reminder-time">{t('rowReminder', {time})}</span>
	);
}

export function reminderSummary(
	reminder: Reminder,
	{overdue, instanceHost, error}: {overdue: boolean; instanceHost: string | undefined; error: string | undefined},
) {
	return (
		<div class="reminder-body">
			<div class="reminder-name">
				{reminder.priority === 'high' ? <span class="priority-high">{t('priorityHigh')}</span> : null}{' '}
				{/* Salesforce text is rendered as text, never as HTML (R27). */}
				<span class="name">{reminder.name}</span>
			</div>
			<div class="reminder-meta">
				{overdue ? <strong class="overdue-tag">{t('rowOverdue')}</strong> : null}
				<span>
					{reminder.dueDate === null ? t('rowNoDueDate') : t('rowDue', {date: formatShortDate(reminder.dueDate)})}
				</span>
				{reminderTime(reminder)}
				{priorityWords(reminder)}
				<SyncState reminder={reminder} />
			</div>
			<RelatedLinks reminder={reminder} instanceHost={instanceHost} />
			{error ? (
				<p class="form-error" role="alert">
					{error}
				</p>
			) : null}
		</div>
	);
}
