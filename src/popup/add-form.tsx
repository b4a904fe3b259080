/**
 * The popup's add form (R22): empty, or filled with what "Remind me about this" proposed (R51) — its name, the
 * address in the details, and the record it is about (R33), said above the form and saved with the reminder.
 */
import {t} from '@/shared/i18n/t.js';
import type {MenuDraft} from '@/shared/menu-draft.js';
import {ReminderForm} from './reminder-form.js';
import {addReminder} from './writes.js';

export type AddFormProps = {
	draftId: string;
	today: string;
	/** What to fill the form with; the record it names is what the reminder is about. */
	menuDraft: Pick<MenuDraft, 'name' | 'details' | 'about'> | undefined;
	onDone: () => void;
	onAdded: () => void;
};

/** The add form; filled, and about a record, when "Remind me about this" opened the popup (R51). */
export function AddForm({draftId, today, menuDraft, onDone, onAdded}: AddFormProps) {
	const about = menuDraft?.about;
	return (
		<>
			{about ? <p class="menu-draft-about">{t('menuDraftAbout', {name: about.recordName})}</p> : null}
			<ReminderForm
				label={t('popupAddFormLabel')}
				submitLabel={t('popupAdd')}
				initial={{
					name: menuDraft?.name ?? '',
					priority: 'normal',
					dueDate: today,
					details: menuDraft?.details ?? '',
					reminderAt: null,
				}}
				onCancel={onDone}
				onSubmit={async values => {
					await addReminder(draftId, about ? {...values, [about.field]: about.recordId} : values);
					onAdded();
					onDone();
				}}
			/>
		</>
	);
}
