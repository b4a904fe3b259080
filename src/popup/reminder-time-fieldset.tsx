/**
 * R31: the reminder form's "Remind me (optional)" fields — a date and a time on the rep's clock — with the
 * snooze presets that fill them, "No reminder" to clear them, and (R32) the line saying Salesforce alerts
 * while Tickler may not show notifications.
 */
import {NOTIFICATIONS_PERMISSION_COPY, SNOOZE_COPY} from '@/shared/copy.js';
import {t} from '@/shared/i18n/t.js';
import {SNOOZE_CHOICES, snoozedUntil} from '@/shared/snooze.js';
import type {FieldErrors} from './field-errors.js';
import {type ReminderTimeFields, reminderTimeFields} from './reminder-time-input.js';

type Props = {
	/** The form's id prefix (`${id}-remind-date`, `${id}-remind-time`). */
	id: string;
	remind: ReminderTimeFields;
	onChange: (remind: ReminderTimeFields) => void;
	invalid: FieldErrors['invalid'];
	mayNotify: boolean | undefined;
};

function SnoozeChoices({remind, onChange}: Pick<Props, 'remind' | 'onChange'>) {
	return (
		<span class="snooze-choices" role="group" aria-label={t('formSnoozeGroup')}>
			{SNOOZE_CHOICES.map(choice => (
				<button
					key={choice}
					type="button"
					class="link"
					onClick={() => onChange(reminderTimeFields(snoozedUntil(choice, Date.now())))}
				>
					{SNOOZE_COPY[choice]}
				</button>
			))}
			{remind.date === '' && remind.time === '' ? null : (
				<button type="button" class="link" onClick={() => onChange({date: '', time: ''})}>
					{t('formNoReminder')}
				</button>
			)}
		</span>
	);
}

export function ReminderTimeFieldset({id, remind, onChange, invalid, mayNotify}: Props) {
	return (
		<>
			<fieldset class="form-row remind">
				<legend>{t('formRemindLegend')}</legend>
				<span>
					<label for={`${id}-remind-date`}>{t('formRemindDate')}</label>
					<input
						id={`${id}-remind-date`}
						type="date"
						value={remind.date}
						onInput={event => onChange({...remind, date: event.currentTarget.value})}
						{...invalid('reminderAt')}
					/>
				</span>
				<span>
					<label for={`${id}-remind-time`}>{t('formRemindTime')}</label>
					<input
						id={`${id}-remind-time`}
						type="time"
						value={remind.time}
						onInput={event => onChange({...remind, time: event.currentTarget.value})}
						{...invalid('reminderAt')}
					/>
				</span>
				<SnoozeChoices remind={remind} onChange={onChange} />
			</fieldset>
			{mayNotify === false && (remind.date !== '' || remind.time !== '') ? (
				<p class="form-note">{NOTIFICATIONS_PERMISSION_COPY.formLine}</p>
			) : null}
		</>
	);
}
