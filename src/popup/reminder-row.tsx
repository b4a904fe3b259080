/** One reminder in the command center (R22): complete with one click, edit, delete, open its Task. */
import {useState} from 'preact/hooks';
import type {Reminder} from '@/shared/store/schema.js';
import type {SnoozePreset} from '@/shared/snooze.js';
import {OverruledChoice} from '@/shared/ui/overruled-choice.js';
import {useFocusReturn} from './focus-return.js';
import {RefusalActions} from './refusal-actions.js';
import {ReminderForm} from './reminder-form.js';
import {reminderSummary} from './reminder-summary.js';
import {rowActions} from './row-actions.js';
import {editReminder} from './writes.js';
import {t} from '@/shared/i18n/t.js';

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

/**
 * Ticked while the worker makes the change; unticked again if it could not (the row stays, with why).
 * A completed reminder (the All reminders page, R44) shows ticked, and unticking reopens it.
 */
function useCompleteToggle(reminder: Reminder, onChanged: () => void, onComplete: Props['onComplete']) {
	const [error, setError] = useState<string | undefined>(undefined);
	const [completing, setCompleting] = useState(false);
	const done = reminder.status === 'complete';
	async function toggle() {
		setCompleting(true);
		setError(undefined);
		try {
			// R60: a Complete offers Undo where the list offers it (held from Salesforce until the offer passes).
			if (!done && onComplete) await onComplete(reminder);
			else await editReminder(reminder.id, {status: done ? 'open' : 'complete'});
			onChanged();
		} catch (caught) {
			setCompleting(false);
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	}

	return {done, completing, error, toggle};
}

type Props = {
	reminder: Reminder;
	overdue: boolean;
	instanceHost: string | undefined;
	onDelete: (reminder: Reminder) => void;
	/** R60: Complete with an Undo offer (undo-toast.tsx useUndoOffer); rejects when the Complete failed. */
	onComplete?: ((reminder: Reminder) => Promise<void>) | undefined;
	onChanged: () => void;
	/** R44: the All reminders page offers "Send to Salesforce" on a local-only reminder (R5: only on purpose). */
	onSend?: ((reminder: Reminder) => void) | undefined;
	/** R50: Snooze by a preset with an Undo offer (undo-toast.tsx useUndoOffer). */
	onSnooze?: ((reminder: Reminder, preset: SnoozePreset) => void) | undefined;
};

export function ReminderRow(props: Props) {
	const {reminder, overdue, instanceHost, onDelete, onComplete, onChanged, onSend, onSnooze} = props;
	const [editing, setEditing] = useState(false);
	// Back to the row's Edit button when the form closes.
	const editButton = useFocusReturn(editing);
	const {done, completing, error, toggle} = useCompleteToggle(reminder, onChanged, onComplete);

	if (editing) {
		return (
			<li class="reminder editing">
				<ReminderForm
					label={t('formEditLabel', {name: reminder.name})}
					submitLabel={t('formSave')}
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
				aria-label={done ? t('rowReopen', {name: reminder.name}) : t('rowComplete', {name: reminder.name})}
				onChange={event => {
					moveFocusFrom(event.currentTarget);
					void toggle();
				}}
			/>
			{reminderSummary(reminder, {overdue, instanceHost, error})}
			{/* R58: the rep's values Salesforce overruled, and their choice. */}
			<OverruledChoice reminder={reminder} onChanged={onChanged} />
			<RefusalActions reminder={reminder} instanceHost={instanceHost} onChanged={onChanged} />
			{rowActions(reminder, {
				instanceHost,
				editButton,
				onEdit: () => setEditing(true),
				onDelete: button => {
					moveFocusFrom(button);
					onDelete(reminder);
				},
				onSend,
				onSnooze,
			})}
		</li>
	);
}
