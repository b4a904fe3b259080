/** How a reminder's sync state reads in the popup (R22; R5 for local-only, R19 for errors). */
import type {Reminder} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';

const LABELS = {
	synced: () => t('stateSynced'),
	pending: () => t('statePending'),
	error: () => t('stateError'),
	conflict: () => t('stateConflict'),
	'local-only': () => t('stateLocalOnly'),
} as const satisfies Record<Reminder['syncState'], () => string>;

export function SyncState({reminder}: {reminder: Reminder}) {
	const state = reminder.syncState;
	return (
		<span class={`sync-state sync-state--${state}`}>
			{LABELS[state]()}
			{state === 'error' && reminder.error ? (
				<span class="sync-error">
					: {reminder.error.message} {reminder.error.hint}
				</span>
			) : null}
			{state === 'conflict' ? <span> {t('stateConflictNote')}</span> : null}
			{state === 'local-only' ? <span title={t('stateLocalOnlyTitle')}> {t('stateLocalOnlyNote')}</span> : null}
		</span>
	);
}
