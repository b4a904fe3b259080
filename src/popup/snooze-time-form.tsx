/**
 * R50: Snooze to a time the rep chooses, beside the presets: a local date and time (the browser's own picker),
 * an hour from now to start with, checked before anything is sent — later than now, within a year, and a time
 * that exists on the rep's clock (not one a daylight-saving change skips). The worker checks it again.
 */
import {useId, useState} from 'preact/hooks';
import {t} from '@/shared/i18n/t.js';
import {SNOOZE_UNTIL_MAX_MS} from '@/shared/snooze.js';
import {instantOf, localParts} from '@/shared/zoned-time.js';

/** `YYYY-MM-DDTHH:MM` on the rep's clock, what a datetime-local field holds. */
function fieldValue(ms: number): string {
	const {date, time} = localParts(ms);
	return `${date}T${time}`;
}

/** The chosen instant, or why it cannot be one. */
export function chosenSnoozeTime(value: string, now: number): {until: string} | {error: string} {
	const [date = '', time = ''] = value.split('T');
	const at = instantOf(date, time.slice(0, 5));
	if (at === undefined) return {error: value === '' ? t('snoozeTimeMissing') : t('snoozeTimeSkipped')};
	if (at <= now) return {error: t('snoozeTimePast')};
	if (at > now + SNOOZE_UNTIL_MAX_MS) return {error: t('snoozeTimeTooFar')};
	return {until: new Date(at).toISOString()};
}

export function SnoozeTimeForm({onChosen}: {onChosen: (until: string, from: Element) => void}) {
	const id = useId();
	// An hour from now, to the next five minutes: a time the rep usually only nudges.
	const [value, setValue] = useState(() => fieldValue(Math.ceil((Date.now() + 3_600_000) / 300_000) * 300_000));
	const [error, setError] = useState<string | undefined>(undefined);

	return (
		<form
			class="snooze-time"
			noValidate
			onSubmit={event => {
				event.preventDefault();
				const chosen = chosenSnoozeTime(value, Date.now());
				if ('error' in chosen) setError(chosen.error);
				else onChosen(chosen.until, event.currentTarget);
			}}
		>
			<label for={`${id}-at`}>{t('snoozeChooseTime')}</label>
			<input
				id={`${id}-at`}
				type="datetime-local"
				value={value}
				min={fieldValue(Date.now())}
				aria-invalid={error !== undefined}
				aria-describedby={error === undefined ? undefined : `${id}-error`}
				onInput={event => {
					setValue(event.currentTarget.value);
					setError(undefined);
				}}
			/>
			<button type="submit">{t('snoozeAtChosenTime')}</button>
			{error === undefined ? null : (
				<p id={`${id}-error`} class="form-error" role="alert">
					{error}
				</p>
			)}
		</form>
	);
}
