/** One reminder in the command center (R22): complete with one click, edit, delete, open its Task. */
import {useEffect, useRef, useState} from 'preact/hooks';
import {taskUrl} from '@/shared/salesforce-hosts.js';
import type {Reminder} from '@/shared/store/schema.js';
import {formatDueDate, formatReminderTime} from './dates.js';
import {RelatedLinks} from './related-links.js';
import {ReminderForm} from './reminder-form.js';
import {SyncState} from './sync-state.js';
import {editReminder} from './writes.js';

/**
 * The row is about to leave the list: keep keyboard users in place by focusing the next row's checkbox
 * (or the previous one, or "Add reminder") instead of letting focus fall back to the page (R22).
 */
function moveFocusFrom(control: HTMLElement): void {
	const row = control.closest('li');
	const boxes = [...document.querySelectorAll<HTMLInputElement>('.reminder input.complete')];
	const own = boxes.findIndex(box => box.closest('li') === row);
	const target = boxes[own + 1] ?? boxes[own - 1] ?? document.querySelector<HTMLButtonElement>('.header button');
	target?.focus();
}

type Props = {
	reminder: Reminder;
	overdue: boolean;
	instanceHost: string | undefined;
	onDelete: (reminder: Reminder) => void;
	onChanged: () => void;
	/** R44: the All reminders page offers "Send to Salesforce" on a local-only reminder (R5: only on purpose). */
	onSend?: ((reminder: Reminder) => void) | undefined;
};

export function ReminderRow({reminder, overdue, instanceHost, onDelete, onChanged, onSend}: Props) {
	const [editing, setEditing] = useState(false);
	const editButton = useRef<HTMLButtonElement>(null);
	const wasEditing = useRef(false);
	useEffect(() => {
		// Back to the row's Edit button when the form closes (keyboard use, R22).
		if (wasEditing.current && !editing) editButton.current?.focus();
		wasEditing.current = editing;
	}, [editing]);
	const [error, setError] = useState<string | undefined>(undefined);
	const link =
		reminder.taskId !== undefined && instanceHost !== undefined ? taskUrl(instanceHost, reminder.taskId) : undefined;

	/**
	 * Ticked while the worker makes the change; unticked again if it could not (the row stays, with why).
	 * A completed reminder (the All reminders page, R44) shows ticked, and unticking reopens it.
	 */
	const done = reminder.status === 'complete';
	const [completing, setCompleting] = useState(false);
	async function complete() {
		setCompleting(true);
		setError(undefined);
		try {
			await editReminder(reminder.id, {status: done ? 'open' : 'complete'});
			onChanged();
		} catch (caught) {
			setCompleting(false);
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	}

	if (editing) {
		return (
			<li class="reminder editing">
				<ReminderForm
					label={`Edit ${reminder.name}`}
					submitLabel="Save"
					initial={reminder}
					onCancel={() => setEditing(false)}
					onSubmit={async values => {
						await editReminder(reminder.id, values);
						onChanged();
						setEditing(false);
					}}
				/>
			</li>
		);
	}

	return (
		<li class={`reminder${overdue ? ' overdue' : ''}`}>
			<input
				type="checkbox"
				class="complete"
				checked={done !== completing}
				disabled={completing}
				aria-label={`${done ? 'Reopen' : 'Complete'} ${reminder.name}`}
				onChange={event => {
					moveFocusFrom(event.currentTarget);
					void complete();
				}}
			/>
			<div class="reminder-body">
				<div class="reminder-name">
					{reminder.priority === 'high' ? <span class="priority-high">High</span> : null}{' '}
					{/* Salesforce text is rendered as text, never as HTML (R27). */}
					<span class="name">{reminder.name}</span>
				</div>
				<div class="reminder-meta">
					{overdue ? <strong class="overdue-tag">Overdue</strong> : null}
					<span>{reminder.dueDate === null ? 'No due date' : `Due ${formatDueDate(reminder.dueDate)}`}</span>
					{typeof reminder.reminderAt === 'string' ? (
						<span class="reminder-time">Reminder {formatReminderTime(reminder.reminderAt)}</span>
					) : null}
					<span>{reminder.priority === 'high' ? 'High priority' : 'Normal priority'}</span>
					<SyncState reminder={reminder} />
				</div>
				<RelatedLinks reminder={reminder} instanceHost={instanceHost} />
				{error ? (
					<p class="form-error" role="alert">
						{error}
					</p>
				) : null}
			</div>
			<div class="reminder-actions">
				{onSend && reminder.localOnly && reminder.taskId === undefined ? (
					<button type="button" class="send" onClick={() => onSend(reminder)}>
						Send to Salesforce
					</button>
				) : null}
				{link ? (
					<a
						href={link}
						target="_blank"
						rel="noopener noreferrer"
						aria-label={`Open ${reminder.name} in Salesforce`}
						title="Open in Salesforce"
					>
						↗
					</a>
				) : null}
				<button
					type="button"
					ref={editButton}
					aria-label={`Edit ${reminder.name}`}
					title="Edit"
					onClick={() => setEditing(true)}
				>
					✎
				</button>
				<button
					type="button"
					aria-label={`Delete ${reminder.name}`}
					title="Delete"
					onClick={event => {
						moveFocusFrom(event.currentTarget);
						onDelete(reminder);
					}}
				>
					×
				</button>
			</div>
		</li>
	);
}
