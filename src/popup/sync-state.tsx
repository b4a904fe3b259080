/**
 * How a reminder's sync state reads in the popup (R22; R5 for local-only). R19: a refusal's words and actions
 * are beside it (refusal-actions.tsx).
 */
import type {Reminder} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';

/** Issue 20: a healthy row says nothing — the state is shown only where it needs the rep's attention or patience. */
const LABELS = {
	pending: () => t('statePending'),
	error: () => t('stateError'),
	// R58: the rep's values wait for their choice, said beside it (shared/ui/overruled-choice.tsx).
	conflict: () => t('stateConflict'),
	'local-only': () => t('stateLocalOnly'),
} as const satisfies Record<Exclude<Reminder['syncState'], 'synced'>, () => string>;

export function SyncState({reminder}: {reminder: Reminder}) {
	const state = reminder.syncState;
	if (state === 'synced') return null;
	return (
		<span class={`sync-state sync-state--${state}`}>
			{LABELS[state]()}
			{state === 'local-only' ? <span title={t('stateLocalOnlyTitle')}> {t('stateLocalOnlyNote')}</span> : null}
		</span>
	);
}
