/**
 * The reminder form's validation messages (R22): the store's InvalidReminderError names the field it is
 * about, so its message sits right by that field, the field is marked invalid for assistive technology,
 * and focus goes there (R11). A message about no field goes above the buttons.
 */
import {useEffect, useState} from 'preact/hooks';

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

/** `formId` prefixes the fields' ids (`${formId}-name`, …); `form` is where they are looked up. */
export function useFieldErrors(formId: string, form: {current: HTMLFormElement | null}) {
	const [error, setError] = useState<FieldError | undefined>(undefined);
	useEffect(() => {
		// The rep's attention goes where the problem is: the field the message is about (R11, R22).
		const fieldId = error === undefined ? undefined : FIELD_IDS[error.field];
		if (fieldId !== undefined) form.current?.querySelector<HTMLElement>(`[id="${formId}-${fieldId}"]`)?.focus();
	}, [error]);

	const errorId = `${formId}-error`;
	return {
		fail: (caught: unknown) => setError(toFieldError(caught)),
		clear: () => setError(undefined),
		/** The attributes that mark `field`'s control invalid while the message is about it. */
		invalid: (field: string) => (error?.field === field ? {'aria-invalid': true, 'aria-describedby': errorId} : {}),
		/** The message, shown right by the field it is about; one not about a field goes above the buttons. */
		messageFor: (field: string) =>
			error !== undefined && (error.field === field || (field === 'form' && FIELD_IDS[error.field] === undefined)) ? (
				<p id={errorId} class="form-error" role="alert">
					{error.message}
				</p>
			) : null,
	};
}

export type FieldErrors = ReturnType<typeof useFieldErrors>;
