/** The connected org and user (R23), API usage (R21), and Disconnect (forget this partition, after confirmation). */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';

export function AccountSection({
	partition,
	reminderCount,
	title = 'Salesforce account',
}: {
	partition: Partition;
	reminderCount: number;
	title?: string;
}) {
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
