/**
 * Add or edit a reminder (R22). Validation is the store's (InvalidReminderError): its message is shown
 * inline beside the field it is about, and the field is marked invalid for assistive technology
 * (field-errors.tsx). The reminder time's fields are reminder-time-fieldset.tsx.
 */
import {useEffect, useId, useRef, useState} from 'preact/hooks';
import type {ReminderFields, ReminderPriority} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';
import {type FieldErrors, useFieldErrors} from './field-errors.js';
import {useNotifyPermission} from './notify-permission.js';
import {reminderAtFromFields, reminderTimeFields} from './reminder-time-input.js';
import {ReminderTimeFieldset} from './reminder-time-fieldset.js';

export type ReminderFormValues = Pick<ReminderFields, 'name' | 'priority' | 'dueDate' | 'details' | 'reminderAt'>;

type Props = {
	initial: ReminderFormValues;
	submitLabel: string;
	/** Accessible name of the form, e.g. "Add a reminder" or "Edit Call Ana". */
	label: string;
	onSubmit: (values: ReminderFormValues) => Promise<void>;
	onCancel: () => void;
};

type DueAndPriorityProps = {
	id: string;
	dueDate: string;
	onDueDate: (value: string) => void;
	priority: ReminderPriority;
	onPriority: (value: ReminderPriority) => void;
	invalid: FieldErrors['invalid'];
};

function DueAndPriority({id, dueDate, onDueDate, priority, onPriority, invalid}: DueAndPriorityProps) {
	return (
		<div class="form-row">
			<span>
				<label for={`${id}-due`}>{t('formDueDate')}</label>
				<input
					id={`${id}-due`}
					type="date"
					value={dueDate}
					onInput={event => onDueDate(event.currentTarget.value)}
					{...invalid('dueDate')}
				/>
			</span>
			<span>
				<label for={`${id}-priority`}>{t('formPriority')}</label>
				<select
					id={`${id}-priority`}
					value={priority}
					onChange={event => onPriority(event.currentTarget.value === 'high' ? 'high' : 'normal')}
					{...invalid('priority')}
				>
					<option value="normal">{t('priorityNormal')}</option>
					<option value="high">{t('priorityHigh')}</option>
				</select>
			</span>
		</div>
	);
}

function FormActions({submitLabel, busy, onCancel}: {submitLabel: string; busy: boolean; onCancel: () => void}) {
	return (
		<div class="form-actions">
			<button type="submit" class="primary" disabled={busy}>
				{submitLabel}
			</button>
			<button type="button" onClick={onCancel}>
				{t('formCancel')}
			</button>
		</div>
	);
}

export function ReminderForm({initial, submitLabel, label, onSubmit, onCancel}: Props) {
	const id = useId();
	const [name, setName] = useState(initial.name);
	const [dueDate, setDueDate] = useState(initial.dueDate ?? '');
	const [priority, setPriority] = useState<ReminderPriority>(initial.priority);
	const [details, setDetails] = useState(initial.details);
	// R31: the reminder time, as a date and a time on the rep's clock.
	const [remind, setRemind] = useState(() => reminderTimeFields(initial.reminderAt));
	const [busy, setBusy] = useState(false);
	const nameRef = useRef<HTMLInputElement>(null);
	const formRef = useRef<HTMLFormElement>(null);
	const {mayNotify, askToNotify} = useNotifyPermission();
	const errors = useFieldErrors(id, formRef);
	const {invalid, messageFor} = errors;
	useEffect(() => {
		nameRef.current?.focus();
	}, []);

	async function submit(event: Event) {
		event.preventDefault();
		setBusy(true);
		try {
			const reminderAt = reminderAtFromFields(remind);
			// R32: saving a time while Tickler may not notify asks for the permission, inside this user gesture.
			if (reminderAt !== null) askToNotify();
			await onSubmit({name, priority, dueDate: dueDate === '' ? null : dueDate, details, reminderAt});
			errors.clear();
		} catch (caught) {
			errors.fail(caught);
		} finally {
			setBusy(false);
		}
	}

	return (
		<form
			ref={formRef}
			class="reminder-form"
			aria-label={label}
			onSubmit={event => void submit(event)}
			onKeyDown={event => event.key === 'Escape' && onCancel()}
		>
			<label for={`${id}-name`}>{t('formName')}</label>
			<input
				id={`${id}-name`}
				ref={nameRef}
				value={name}
				onInput={event => setName(event.currentTarget.value)}
				autoComplete="off"
				{...invalid('name')}
			/>
			{messageFor('name')}
			<DueAndPriority
				id={id}
				dueDate={dueDate}
				onDueDate={setDueDate}
				priority={priority}
				onPriority={setPriority}
				invalid={invalid}
			/>
			{messageFor('dueDate')}
			{messageFor('priority')}
			<ReminderTimeFieldset id={id} remind={remind} onChange={setRemind} invalid={invalid} mayNotify={mayNotify} />
			{messageFor('reminderAt')}
			<label for={`${id}-details`}>{t('formDetails')}</label>
			<textarea
				id={`${id}-details`}
				rows={2}
				value={details}
				onInput={event => setDetails(event.currentTarget.value)}
				{...invalid('details')}
			/>
			{messageFor('details')}
			{messageFor('form')}
			<FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
		</form>
	);
}
