/** One reminder in the command center (R22): complete with one click, edit, delete, open its Task. */
import {useState} from 'preact/hooks';
import type {Reminder} from '@/shared/store/schema.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import {OverruledChoice} from '@/shared/ui/overruled-choice.js';
import {useFocusReturn} from './focus-return.js';
import {RefusalActions} from './refusal-actions.js';
import {ReminderForm} from './reminder-form.js';
import {reminderSummary} from './reminder-summary.js';
import {rowActions, taskLink} from './row-actions.js';
import {isTyping, rowAction} from './row-keys.js';
import {moveFocusFrom} from './roving-rows.js';
import {editReminder} from './writes.js';
import {t} from '@/shared/i18n/t.js';

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

type RowKeys = {
	reminder: Reminder;
	link: string | undefined;
	done: boolean;
	completing: boolean;
	toggle: () => Promise<void>;
	onEdit: () => void;
	onDelete: (reminder: Reminder) => void;
	canSnooze: boolean;
};

/**
 * R48: a single key acts on the focused row, as its controls would: C or X completes, S opens Snooze's presets
 * (focus in them), E edits, Delete or D deletes (with Undo), O opens its Task. Completing and deleting move focus
 * to the next row first, as the checkbox and × do.
 */
function rowKeyHandler({reminder, link, done, completing, toggle, onEdit, onDelete, canSnooze}: RowKeys) {
	return (event: KeyboardEvent) => {
		const action = event.defaultPrevented || isTyping(event.target) ? undefined : rowAction(event);
		if (action === undefined) return;
		const row = event.currentTarget as HTMLElement;
		event.preventDefault();
		if (action === 'complete' && !done && !completing) {
			moveFocusFrom(row);
			void toggle();
		} else if (action === 'snooze' && canSnooze) {
			row.querySelector<HTMLButtonElement>('.snooze > button')?.click();
		} else if (action === 'edit') {
			onEdit();
		} else if (action === 'delete') {
			moveFocusFrom(row);
			onDelete(reminder);
		} else if (action === 'open' && link !== undefined) {
			window.open(link, '_blank', 'noopener,noreferrer');
		}
	};
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
	onSnooze?: ((reminder: Reminder, to: SnoozeTo) => void) | undefined;
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

	const canSnooze = onSnooze !== undefined && reminder.status === 'open';
	const snoozeAndMove = (target: Reminder, to: SnoozeTo, from: Element) => {
		// R48: the snoozed row may move (to Tomorrow) or stay; either way focus goes on to the next reminder.
		moveFocusFrom(from);
		onSnooze?.(target, to);
	};
	const onKeyDown = rowKeyHandler({
		reminder,
		link: taskLink(reminder, instanceHost),
		done,
		completing,
		toggle,
		onEdit: () => setEditing(true),
		onDelete,
		canSnooze,
	});

	return (
		<li class={`reminder${overdue ? ' overdue' : ''}`} onKeyDown={onKeyDown}>
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
				onSnooze: canSnooze ? snoozeAndMove : undefined,
			})}
		</li>
	);
}
