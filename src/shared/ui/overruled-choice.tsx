/**
 * R58: "Salesforce's later edit replaced yours: Details." with the rep's own lost values and the choice —
 * "Keep mine" (sent to Salesforce as a new edit) or "Keep Salesforce's" (dropped). One component for the
 * popup's rows, All reminders and Settings; the worker makes the change (keepMine / keepTheirs).
 */
import {useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {OVERRULED_COPY, OVERRULED_FIELD_COPY, overruledFieldNames, overruledReplaced} from '@/shared/copy.js';
import {fieldValueText} from './field-value.js';
import {callBackground} from '@/shared/messages.js';
import type {Overruled} from '@/shared/store/kept-values.js';
import type {Reminder, SyncedField} from '@/shared/store/schema.js';

function overruledFields(overruled: Overruled): SyncedField[] {
	return Object.keys(overruled.mine) as SyncedField[];
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
			aria-label={`${reminder.name}: ${overruledReplaced(overruledFieldNames(overruled))}`}
		>
			<p>{overruledReplaced(overruledFieldNames(overruled))}</p>
			<ul>
				{overruledFields(overruled).map(field => (
					<li key={field}>
						{t('overruledYourValue', {
							field: OVERRULED_FIELD_COPY[field],
							yours: OVERRULED_COPY.yours,
							value: fieldValueText(field, overruled.mine[field]),
						})}
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
