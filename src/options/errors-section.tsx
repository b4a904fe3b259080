/** Reminders Salesforce refused (R19, R23), each with its message, hint and a Retry button. */
import {useId} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import {retryReminder} from '@/shared/store/local-edits.js';
import type {Reminder} from '@/shared/store/schema.js';
import {db} from './settings-db.js';
import {t} from '@/shared/i18n/t.js';
import {BADGE_COPY} from '@/shared/copy.js';

async function retry(reminder: Reminder) {
	await retryReminder(db, reminder.id);
	await callBackground('requestSync', {reason: 'local-change'}).catch(() => undefined);
}

export function ErrorsSection({reminders}: {reminders: Reminder[]}) {
	const id = useId();
	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{t('errorsTitle')}</h2>
			{reminders.length === 0 ? (
				<p class="empty">{t('errorsNone')}</p>
			) : (
				<ul class="error-list">
					{reminders.map(reminder => (
						<li key={reminder.id}>
							<strong>{reminder.name}</strong>
							<p class="error">{reminder.error?.message ?? BADGE_COPY.errorFallback}</p>
							{reminder.error?.hint ? <p class="explanation">{reminder.error.hint}</p> : null}
							<button
								type="button"
								aria-label={t('errorsRetryNamed', {name: reminder.name})}
								onClick={() => void retry(reminder)}
							>
								{t('errorsRetry')}
							</button>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
