/**
 * A reminder row's buttons (R22): "Send to Salesforce" for a local-only reminder where offered (R44, R5),
 * open its Task, snooze (R50), edit, delete. A plain function rather than a component, like reminder-summary.tsx.
 */
import type {Ref} from 'preact';
import {taskUrl} from '@/shared/salesforce-hosts.js';
import type {Reminder} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import {SnoozeMenu} from './snooze-menu.js';

type Actions = {
	instanceHost: string | undefined;
	editButton: Ref<HTMLButtonElement>;
	onEdit: () => void;
	/** With the button pressed, so focus can move on from it before the row goes. */
	onDelete: (button: HTMLButtonElement) => void;
	onSend: ((reminder: Reminder) => void) | undefined;
	/** R50: Snooze by a preset, where the list offers it (an open reminder); with the preset pressed (R48: focus). */
	onSnooze: ((reminder: Reminder, to: SnoozeTo, from: Element) => void) | undefined;
};

/** The reminder's Task in Salesforce, once it has one and the org is known. */
export function taskLink(reminder: Reminder, instanceHost: string | undefined): string | undefined {
	return reminder.taskId !== undefined && instanceHost !== undefined
		? taskUrl(instanceHost, reminder.taskId)
		: undefined;
}

export function rowActions(
	reminder: Reminder,
	{instanceHost, editButton, onEdit, onDelete, onSend, onSnooze}: Actions,
) {
	const link = taskLink(reminder, instanceHost);
	return (
		<div class="reminder-actions">
			{onSend && reminder.localOnly && reminder.taskId === undefined ? (
				<button type="button" class="send" onClick={() => onSend(reminder)}>
					{t('rowSend')}
				</button>
			) : null}
			{link ? (
				<a
					href={link}
					target="_blank"
					rel="noopener noreferrer"
					aria-label={t('rowOpenNamed', {name: reminder.name})}
					title={t('rowOpen')}
				>
					↗
				</a>
			) : null}
			{onSnooze && reminder.status === 'open' ? <SnoozeMenu reminder={reminder} onSnooze={onSnooze} /> : null}
			<button
				type="button"
				ref={editButton}
				aria-label={t('rowEditNamed', {name: reminder.name})}
				title={t('rowEdit')}
				onClick={onEdit}
			>
				✎
			</button>
			<button
				type="button"
				aria-label={t('rowDeleteNamed', {name: reminder.name})}
				title={t('rowDelete')}
				onClick={event => onDelete(event.currentTarget)}
			>
				×
			</button>
		</div>
	);
}
