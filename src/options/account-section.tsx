/**
 * The connected org and user (R23), API usage (R21), and Disconnect (forget this partition, after confirmation).
 * R59: the confirmation counts the rep's words that exist only here — reminders never sent (R5) and changes not
 * in Salesforce yet — and offers "Send them first" and "Export" before anything is deleted.
 */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {downloadExport} from './export-button.js';

/** The confirmation's words (R59), in one place. */
const DISCONNECT_COPY = {
	localOnly: (n: number) => (n === 1 ? '1 reminder exists only on this computer' : `${n} exist only on this computer`),
	unsent: (n: number) => (n === 1 ? '1 change is not in Salesforce yet' : `${n} changes are not in Salesforce yet`),
	atRisk: (parts: string, one: boolean) => `${parts}: disconnecting now deletes ${one ? 'it' : 'them'} for good.`,
	sendFirst: 'Send them first',
	sending: 'Sending them to Salesforce… this card updates as they arrive.',
	export: 'Export',
	syncOff: 'Turn sync on for this account to send them; or export them.',
} as const;

type Props = {
	partition: Partition;
	reminderCount: number;
	/** R59: what only this computer has (queries.ts unsentWork). */
	unsent: {localOnly: string[]; unsent: number};
	/** The active account with sync on can send them; another account can only export. */
	canSend?: boolean;
	title?: string;
};

/** R59: the rep's words Disconnect would delete, and the ways to keep them. */
function AtRisk({partition, unsent, canSend}: Pick<Props, 'partition' | 'unsent'> & {canSend: boolean}) {
	const [sending, setSending] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	const parts = [
		...(unsent.localOnly.length > 0 ? [DISCONNECT_COPY.localOnly(unsent.localOnly.length)] : []),
		...(unsent.unsent > 0 ? [DISCONNECT_COPY.unsent(unsent.unsent)] : []),
	];
	if (parts.length === 0) return null;
	const sendable = canSend && partition.enabled;
	async function sendFirst() {
		setError(undefined);
		try {
			if (unsent.localOnly.length > 0) await callBackground('sendLocalOnly', {ids: unsent.localOnly});
			await callBackground('requestSync', {reason: 'user'});
			setSending(true);
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	}

	return (
		<div class="at-risk">
			<p>
				<strong>{DISCONNECT_COPY.atRisk(parts.join(' and '), unsent.localOnly.length + unsent.unsent === 1)}</strong>
			</p>
			{sendable ? null : <p>{DISCONNECT_COPY.syncOff}</p>}
			{sending ? <p role="status">{DISCONNECT_COPY.sending}</p> : null}
			{sendable ? (
				<button type="button" class="primary" onClick={() => void sendFirst()}>
					{DISCONNECT_COPY.sendFirst}
				</button>
			) : null}{' '}
			<button type="button" onClick={() => void downloadExport()}>
				{DISCONNECT_COPY.export}
			</button>
			{error ? (
				<p class="error" role="alert">
					{error}
				</p>
			) : null}
		</div>
	);
}

export function AccountSection({partition, reminderCount, unsent, canSend, title = 'Salesforce account'}: Props) {
	const id = useId();
	const [confirming, setConfirming] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	const usage = partition.apiUsage;

	async function disconnect() {
		try {
			await callBackground('forgetPartition', {partition: partition.id});
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{title}</h2>
			<dl class="facts">
				<dt>User</dt>
				<dd>
					{partition.displayName} ({partition.username})
				</dd>
				<dt>Org</dt>
				<dd>
					{partition.instanceHost} · {partition.orgId}
				</dd>
				<dt>Sync</dt>
				<dd>{partition.enabled ? `On since ${new Date(partition.enabledAt ?? 0).toLocaleString()}` : 'Off'}</dd>
				<dt>API usage</dt>
				<dd>
					{usage
						? `${usage.used.toLocaleString()} of ${usage.limit.toLocaleString()} requests in the last 24 hours (${Math.round((usage.used / Math.max(1, usage.limit)) * 100)}%)${
								partition.status.budget === 'normal' ? '' : ' — Tickler syncs less often to spare your org’s allowance'
							}`
						: 'Not measured yet'}
				</dd>
			</dl>
			{confirming ? (
				<div class="confirm" role="group" aria-label="Confirm disconnect">
					<p>
						Disconnecting deletes the {reminderCount === 1 ? '1 reminder' : `${reminderCount} reminders`} of{' '}
						{partition.username} on this computer, with their sync history. Your Tasks in Salesforce stay as they are.
						Export your data first if you want a copy.
					</p>
					<AtRisk partition={partition} unsent={unsent} canSend={canSend === true} />
					<button type="button" class="danger" onClick={() => void disconnect()}>
						Disconnect and delete local data
					</button>
					<button type="button" onClick={() => setConfirming(false)}>
						Cancel
					</button>
				</div>
			) : (
				<button type="button" onClick={() => setConfirming(true)}>
					Disconnect…
				</button>
			)}
			{error ? (
				<p class="error" role="alert">
					{error}
				</p>
			) : null}
		</section>
	);
}
