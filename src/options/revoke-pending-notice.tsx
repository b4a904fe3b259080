/**
 * R28: Disconnect forgot the connection here, but Salesforce has not confirmed revoking it yet (offline, or
 * Salesforce did not answer). The worker asks again at every start and alarm; until it has, the rep is told.
 */
import {revokePendingText} from '@/shared/copy.js';
import type {ConnectionSettings} from '@/shared/types.js';

export function RevokePendingNotice({settings}: {settings: ConnectionSettings | undefined}) {
	const pending = settings?.revocationsPending ?? [];
	if (pending.length === 0) return null;
	return (
		<div role="status" id="revoke-pending">
			{pending.map(entry => (
				<p class="explanation" key={`${entry.host}-${entry.since}`}>
					{revokePendingText(entry.host, new Date(entry.since).toLocaleString())}
				</p>
			))}
		</div>
	);
}
