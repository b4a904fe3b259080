/**
 * A reminder Salesforce refused, on its own row (R19; issue 20): what happened and what to do in Tickler as two
 * sentences, with Retry (made by the worker) and "Open in Salesforce" for a field Tickler does not have — not
 * only in Settings.
 */
import {useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import {taskUrl} from '@/shared/salesforce-hosts.js';
import type {Reminder} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';

/** The row's words for a refusal, read in the UI language at each render. */
const REFUSAL_COPY = {
	fallback: () => t('refusalFallback'),
	retry: () => t('errorsRetry'),
	open: () => t('rowOpen'),
} as const;

export function RefusalActions({
	reminder,
	instanceHost,
	onChanged,
}: {
	reminder: Reminder;
	instanceHost: string | undefined;
	onChanged: () => void;
}) {
	const [error, setError] = useState<string | undefined>(undefined);
	if (reminder.syncState !== 'error') return null;
	const link =
		reminder.taskId !== undefined && instanceHost !== undefined ? taskUrl(instanceHost, reminder.taskId) : undefined;
	async function retry() {
		setError(undefined);
		try {
			await callBackground('retryReminder', {id: reminder.id});
			onChanged();
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	}

	return (
		<div class="refusal" role="group" aria-label={`${reminder.name}: ${REFUSAL_COPY.fallback()}`}>
			<p class="refusal-what">{reminder.error?.message ?? REFUSAL_COPY.fallback()}</p>
			{reminder.error?.hint ? <p class="refusal-todo">{reminder.error.hint}</p> : null}
			<button type="button" onClick={() => void retry()}>
				{REFUSAL_COPY.retry()}
			</button>{' '}
			{link ? (
				<a href={link} target="_blank" rel="noopener noreferrer">
					{REFUSAL_COPY.open()}
				</a>
			) : null}
			{error ? (
				<p class="form-error" role="alert">
					{error}
				</p>
			) : null}
		</div>
	);
}
