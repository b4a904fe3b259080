/**
 * The full add form (R22) as the popup and All reminders open it: from "Add reminder", from quick add's
 * "More options…" filled with what the line said (R47), or from "Remind me about this" filled with what the
 * rep pointed at and about its record (R51). A draft keeps its id across retries of its submit, so a retry
 * never adds twice.
 */
import {useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import type {MenuDraftAbout} from '@/shared/menu-draft.js';
import {QuickAdd} from './quick-add/quick-add.js';
import {ReminderForm, type ReminderFormValues} from './reminder-form.js';
import {addReminder} from './writes.js';

export type Draft = {id: string; initial: ReminderFormValues; about?: MenuDraftAbout | undefined};

/** A new draft, empty and due `today` unless given what to start from (and what it is about). */
export function newDraft(today: string, initial?: Partial<ReminderFormValues>, about?: MenuDraftAbout): Draft {
	return {
		id: crypto.randomUUID(),
		initial: {name: '', priority: 'normal', dueDate: today, details: '', reminderAt: null, ...initial},
		...(about === undefined ? {} : {about}),
	};
}

/** `onAdded` after the reminder is saved (a read again); `onClose` after it is saved or cancelled. */
type Props = {draft: Draft; onAdded: () => void; onClose: () => void};

export function AddForm({draft, onAdded, onClose}: Props) {
	const {about} = draft;
	return (
		<>
			{about ? <p class="menu-draft-about">{t('menuDraftAbout', {name: about.recordName})}</p> : null}
			<ReminderForm
				label={t('popupAddFormLabel')}
				submitLabel={t('popupAdd')}
				initial={draft.initial}
				onCancel={onClose}
				onSubmit={async values => {
					await addReminder(draft.id, about ? {...values, [about.field]: about.recordId} : values);
					onAdded();
					onClose();
				}}
			/>
		</>
	);
}

/** Quick add with the full form below it when "More options…" opens it, as All reminders shows them. */
export function AddArea({today, onAdded}: {today: string; onAdded: () => void}) {
	const [draft, setDraft] = useState<Draft | undefined>(undefined);
	return (
		<>
			<QuickAdd onAdded={onAdded} onMoreOptions={values => setDraft(newDraft(today, values))} />
			{draft === undefined ? null : (
				<AddForm key={draft.id} draft={draft} onAdded={onAdded} onClose={() => setDraft(undefined)} />
			)}
		</>
	);
}
