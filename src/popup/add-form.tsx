/**
 * The full add form (R22) as the popup and All reminders open it: from "Add reminder", or from quick add's
 * "More options…" filled with what the line said (R47). A draft keeps its id across retries of its submit,
 * so a retry never adds twice.
 */
import {useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {QuickAdd} from './quick-add/quick-add.js';
import {ReminderForm, type ReminderFormValues} from './reminder-form.js';
import {addReminder} from './writes.js';

export type Draft = {id: string; initial: ReminderFormValues};

/** A new draft, empty and due `today` unless given what to start from. */
export function newDraft(today: string, initial?: ReminderFormValues): Draft {
	return {
		id: crypto.randomUUID(),
		initial: initial ?? {name: '', priority: 'normal', dueDate: today, details: '', reminderAt: null},
	};
}

type Props = {draft: Draft; onAdded: () => void; onCancel: () => void};

export function AddForm({draft, onAdded, onCancel}: Props) {
	return (
		<ReminderForm
			label={t('popupAddFormLabel')}
			submitLabel={t('popupAdd')}
			initial={draft.initial}
			onCancel={onCancel}
			onSubmit={async values => {
				await addReminder(draft.id, values);
				onAdded();
			}}
		/>
	);
}

/** Quick add with the full form below it when "More options…" opens it, as All reminders shows them. */
export function AddArea({today, onAdded}: {today: string; onAdded: () => void}) {
	const [draft, setDraft] = useState<Draft | undefined>(undefined);
	return (
		<>
			<QuickAdd onAdded={onAdded} onMoreOptions={values => setDraft(newDraft(today, values))} />
			{draft === undefined ? null : (
				<AddForm
					key={draft.id}
					draft={draft}
					onCancel={() => setDraft(undefined)}
					onAdded={() => {
						onAdded();
						setDraft(undefined);
					}}
				/>
			)}
		</>
	);
}
