/** Reminders Salesforce refused (R19, R23), each with its message, hint and a Retry button. */
import {useId} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Reminder} from '@/shared/store/schema.js';

/** Through the worker like every write of a page: it clears the error and asks for the push (R13). */
async function retry(reminder: Reminder) {
	await callBackground('retryReminder', {id: reminder.id});
}

export function ErrorsSection({reminders}: {reminders: Reminder[]}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>Reminders in error</h2>
			{reminders.length === 0 ? (
				<p class="empty">None — every reminder is in sync.</p>
			) : (
				<ul class="error-list">
					{reminders.map(reminder => (
						<li key={reminder.id}>
							<strong>{reminder.name}</strong>
							<p class="error">{reminder.error?.message ?? 'Salesforce refused the last change.'}</p>
							{reminder.error?.hint ? <p class="explanation">{reminder.error.hint}</p> : null}
							<button type="button" aria-label={`Retry ${reminder.name}`} onClick={() => void retry(reminder)}>
								Retry
							</button>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
