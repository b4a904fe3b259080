/**
 * Add or edit a reminder (R22). Validation is the store's (InvalidReminderError): its message is shown
 * inline beside the field it is about, and the field is marked invalid for assistive technology.
 */
import {useEffect, useId, useRef, useState} from 'preact/hooks';
import type {ReminderFields, ReminderPriority} from '@/shared/store/schema.js';

export type ReminderFormValues = Pick<ReminderFields, 'name' | 'priority' | 'dueDate' | 'details'>;

type Props = {
	initial: ReminderFormValues;
	submitLabel: string;
	/** Accessible name of the form, e.g. "Add a reminder" or "Edit Call Ana". */
	label: string;
	onSubmit: (values: ReminderFormValues) => Promise<void>;
	onCancel: () => void;
};

type FieldError = {field: string; message: string};

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
	const [error, setError] = useState<FieldError | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const nameRef = useRef<HTMLInputElement>(null);

	useEffect(() => {
		nameRef.current?.focus();
	}, []);

	async function submit(event: Event) {
		event.preventDefault();
		setBusy(true);
		try {
			await onSubmit({name, priority, dueDate: dueDate === '' ? null : dueDate, details});
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

	return (
		<form
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
			<label for={`${id}-details`}>Details</label>
			<textarea
				id={`${id}-details`}
				rows={2}
				value={details}
				onInput={event => setDetails(event.currentTarget.value)}
				{...invalid('details')}
			/>
			{error ? (
				<p id={errorId} class="form-error" role="alert">
					{error.message}
				</p>
			) : null}
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
