/**
 * R58: "Salesforce's later edit replaced yours: Details." with the rep's own lost values and the choice —
 * "Keep mine" (sent to Salesforce as a new edit) or "Keep Salesforce's" (dropped). One component for the
 * popup's rows, All reminders and Settings; the worker makes the change (keepMine / keepTheirs).
 */
import {useState} from 'preact/hooks';
import {OVERRULED_COPY, overruledFieldNames} from '@/shared/copy.js';
import {callBackground} from '@/shared/messages.js';
import type {Overruled, Reminder, ReminderFields, SyncedField} from '@/shared/store/schema.js';

function overruledFields(overruled: Overruled): SyncedField[] {
	return Object.keys(overruled.mine) as SyncedField[];
}

/** A value of the rep's as they wrote it; a reminder time on their clock. */
function shown(field: SyncedField, value: ReminderFields[SyncedField] | undefined): string {
	if (typeof value !== 'string' || value === '') return OVERRULED_COPY.empty;
	return field === 'reminderAt' ? new Date(value).toLocaleString() : value;
}

export function OverruledChoice({reminder, onChanged}: {reminder: Reminder; onChanged?: () => void}) {
	const [error, setError] = useState<string | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const {overruled} = reminder;
	if (!overruled) return null;
	async function choose(method: 'keepMine' | 'keepTheirs') {
		setBusy(true);
		setError(undefined);
		try {
			await callBackground(method, {id: reminder.id});
			onChanged?.();
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		} finally {
			setBusy(false);
		}
	}

	return (
		<div
			class="overruled"
			role="group"
			aria-label={`${reminder.name}: ${OVERRULED_COPY.replaced(overruledFieldNames(overruled))}`}
		>
			<p>{OVERRULED_COPY.replaced(overruledFieldNames(overruled))}</p>
			<ul>
				{overruledFields(overruled).map(field => (
					<li key={field}>
						{OVERRULED_COPY.fields[field]} — {OVERRULED_COPY.yours}: “{shown(field, overruled.mine[field])}”
					</li>
				))}
			</ul>
			<button type="button" disabled={busy} onClick={() => void choose('keepMine')}>
				{OVERRULED_COPY.keepMine}
			</button>{' '}
			<button type="button" disabled={busy} onClick={() => void choose('keepTheirs')}>
				{OVERRULED_COPY.keepTheirs}
			</button>
			{error ? (
				<p class="form-error" role="alert">
					{error}
				</p>
			) : null}
		</div>
	);
}
