/**
 * How a reminder's sync state reads in the popup (R22; R5 for local-only). R19: a refusal's words and actions
 * are beside it (refusal-actions.tsx).
 */
import type {Reminder} from '@/shared/store/schema.js';

/** Issue 20: a healthy row says nothing — the state is shown only where it needs the rep's attention or patience. */
const LABELS: Record<Exclude<Reminder['syncState'], 'synced'>, string> = {
	pending: 'Waiting to sync',
	error: 'Sync error',
	// R58: the rep's values wait for their choice, said beside it (shared/ui/overruled-choice.tsx).
	conflict: 'Your edit was replaced',
	'local-only': 'On this computer only',
};

export function SyncState({reminder}: {reminder: Reminder}) {
	const state = reminder.syncState;
	if (state === 'synced') return null;
	return (
		<span class={`sync-state sync-state--${state}`}>
			{LABELS[state]}
			{state === 'local-only' ? (
				<span title="Created before sync was turned on (R5): it goes to Salesforce only if you send it (All reminders).">
					{' '}
					(not sent to Salesforce)
				</span>
			) : null}
		</span>
	);
}
