/**
 * Add or edit a reminder (R22). Validation is the store's (InvalidReminderError): its message is shown
 * inline beside the field it is about, and the field is marked invalid for assistive technology.
 */
import {useEffect, useId, useRef, useState} from 'preact/hooks';
import {NOTIFICATIONS_PERMISSION_COPY, REMINDER_ALERT_COPY} from '@/shared/copy.js';
import {notificationsGranted, requestNotifications} from '@/shared/notifications-permission.js';
import {SNOOZE_CHOICES, snoozedUntil} from '@/shared/snooze.js';
import type {ReminderFields, ReminderPriority} from '@/shared/store/schema.js';
import {reminderAtFromFields, reminderTimeFields} from './reminder-time-input.js';

export type ReminderFormValues = Pick<ReminderFields, 'name' | 'priority' | 'dueDate' | 'details' | 'reminderAt'>;

type Props = {
	initial: ReminderFormValues;
	submitLabel: string;
	/** Accessible name of the form, e.g. "Add a reminder" or "Edit Call Ana". */
	label: string;
	onSubmit: (values: ReminderFormValues) => Promise<void>;
	onCancel: () => void;
};

type FieldError = {field: string; message: string};

/** The id suffix of each field's control, so a message can sit beside its field and focus can go there. */
const FIELD_IDS: Record<string, string> = {
	name: 'name',
	dueDate: 'due',
	priority: 'priority',
	details: 'details',
	reminderAt: 'remind-date',
};

function toFieldError(error: unknown): FieldError {
	const field = (error as {field?: unknown}).field;
	const message = error instanceof Error ? error.message : String(error);
	return {field: typeof field === 'string' ? field : 'form', message};
}

export function ReminderForm({initial, submitLabel, label, onSubmit, onCancel}: Props) {
	const id = useId();
	const [name, setName] = useState(initial.name);
	const [dueDate, setDueDate] = useState(initial.dueDate ?? '');
	const [priority, setPriority] = useState<ReminderPriority>(initial.priority);
	const [details, setDetails] = useState(initial.details);
	// R31: the reminder time, as a date and a time on the rep's clock.
	const [remind, setRemind] = useState(() => reminderTimeFields(initial.reminderAt));
	const [error, setError] = useState<FieldError | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	// R32: whether Tickler may show notifications (an optional permission); undefined until known.
	const [mayNotify, setMayNotify] = useState<boolean | undefined>(undefined);
	const nameRef = useRef<HTMLInputElement>(null);
	const formRef = useRef<HTMLFormElement>(null);

	useEffect(() => {
		nameRef.current?.focus();
		void notificationsGranted().then(setMayNotify, () => setMayNotify(false));
	}, []);
	useEffect(() => {
		// The rep's attention goes where the problem is: the field the message is about (R11, R22).
		const fieldId = error === undefined ? undefined : FIELD_IDS[error.field];
		if (fieldId !== undefined) formRef.current?.querySelector<HTMLElement>(`[id="${id}-${fieldId}"]`)?.focus();
	}, [error]);

	/**
	 * R32: saving a time while Tickler may not notify asks for the permission. The browser accepts the request
	 * only inside the user gesture, so it is made here, synchronously, before any await. The save does not wait
	 * for the answer (a popup may close while the browser asks): until it is granted Salesforce alerts instead.
	 */
	function askToNotify() {
		if (mayNotify === true) return;
		void requestNotifications().then(setMayNotify);
	}

	async function submit(event: Event) {
		event.preventDefault();
		setBusy(true);
		try {
			const reminderAt = reminderAtFromFields(remind);
			if (reminderAt !== null) askToNotify();
			await onSubmit({name, priority, dueDate: dueDate === '' ? null : dueDate, details, reminderAt});
			setError(undefined);
		} catch (caught) {
			setError(toFieldError(caught));
		} finally {
			setBusy(false);
		}
	}

	const errorId = `${id}-error`;
	const invalid = (field: string) =>
		error?.field === field ? {'aria-invalid': true, 'aria-describedby': errorId} : {};
	/** The message, shown right by the field it is about; one not about a field goes above the buttons. */
	const messageFor = (field: string) =>
		error !== undefined && (error.field === field || (field === 'form' && FIELD_IDS[error.field] === undefined)) ? (
			<p id={errorId} class="form-error" role="alert">
				{error.message}
			</p>
		) : null;

	return (
		<form
			ref={formRef}
			class="reminder-form"
			aria-label={label}
			onSubmit={event => void submit(event)}
			onKeyDown={event => event.key === 'Escape' && onCancel()}
		>
			<label for={`${id}-name`}>Name</label>
			<input
				id={`${id}-name`}
				ref={nameRef}
				value={name}
				onInput={event => setName(event.currentTarget.value)}
				autoComplete="off"
				{...invalid('name')}
			/>
			{messageFor('name')}
			<div class="form-row">
				<span>
					<label for={`${id}-due`}>Due date</label>
					<input
						id={`${id}-due`}
						type="date"
						value={dueDate}
						onInput={event => setDueDate(event.currentTarget.value)}
						{...invalid('dueDate')}
					/>
				</span>
				<span>
					<label for={`${id}-priority`}>Priority</label>
					<select
						id={`${id}-priority`}
						value={priority}
						onChange={event => setPriority(event.currentTarget.value === 'high' ? 'high' : 'normal')}
						{...invalid('priority')}
					>
						<option value="normal">Normal</option>
						<option value="high">High</option>
					</select>
				</span>
			</div>
			{messageFor('dueDate')}
			{messageFor('priority')}
			<fieldset class="form-row remind">
				<legend>Remind me (optional)</legend>
				<span>
					<label for={`${id}-remind-date`}>Reminder date</label>
					<input
						id={`${id}-remind-date`}
						type="date"
						value={remind.date}
						onInput={event => setRemind({...remind, date: event.currentTarget.value})}
						{...invalid('reminderAt')}
					/>
				</span>
				<span>
					<label for={`${id}-remind-time`}>Reminder time</label>
					<input
						id={`${id}-remind-time`}
						type="time"
						value={remind.time}
						onInput={event => setRemind({...remind, time: event.currentTarget.value})}
						{...invalid('reminderAt')}
					/>
				</span>
				<span class="snooze-choices" role="group" aria-label="Set the reminder time to">
					{SNOOZE_CHOICES.map(choice => (
						<button
							key={choice}
							type="button"
							class="link"
							onClick={() => setRemind(reminderTimeFields(snoozedUntil(choice, Date.now())))}
						>
							{REMINDER_ALERT_COPY.snooze[choice]}
						</button>
					))}
					{remind.date === '' && remind.time === '' ? null : (
						<button type="button" class="link" onClick={() => setRemind({date: '', time: ''})}>
							No reminder
						</button>
					)}
				</span>
			</fieldset>
			{mayNotify === false && (remind.date !== '' || remind.time !== '') ? (
				<p class="form-note">{NOTIFICATIONS_PERMISSION_COPY.formLine}</p>
			) : null}
			{messageFor('reminderAt')}
			<label for={`${id}-details`}>Details</label>
			<textarea
				id={`${id}-details`}
				rows={2}
				value={details}
				onInput={event => setDetails(event.currentTarget.value)}
				{...invalid('details')}
			/>
			{messageFor('details')}
			{messageFor('form')}
			<div class="form-actions">
				<button type="submit" class="primary" disabled={busy}>
					{submitLabel}
				</button>
				<button type="button" onClick={onCancel}>
					Cancel
				</button>
			</div>
		</form>
	);
}
