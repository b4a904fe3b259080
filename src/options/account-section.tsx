/** The connected org and user (R23), API usage (R21), and Disconnect (forget this partition, after confirmation). */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {plural, t} from '@/shared/i18n/t.js';
import {formatDateTime, formatNumber} from '@/shared/i18n/format.js';

export function AccountSection({
	partition,
	reminderCount,
	title,
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
			<h2 id={`${id}-heading`}>{title ?? t('accountTitle')}</h2>
			<dl class="facts">
				<dt>{t('accountUser')}</dt>
				<dd>
					{partition.displayName} ({partition.username})
				</dd>
				<dt>{t('accountOrg')}</dt>
				<dd>
					{partition.instanceHost} · {partition.orgId}
				</dd>
				<dt>{t('accountSync')}</dt>
				<dd>
					{partition.enabled
						? t('accountSyncOn', {date: formatDateTime(partition.enabledAt ?? 0)})
						: t('accountSyncOff')}
				</dd>
				<dt>{t('accountUsageLabel')}</dt>
				<dd>
					{usage ? (
						<>
							{t('accountUsage', {
								used: formatNumber(usage.used),
								limit: formatNumber(usage.limit),
								percent: formatNumber(usage.used / Math.max(1, usage.limit), {style: 'percent'}),
							})}
							{partition.status.budget === 'normal' ? null : <> {t('accountUsageSlow')}</>}
						</>
					) : (
						t('accountUsageNone')
					)}
				</dd>
			</dl>
			{confirming ? (
				<div class="confirm" role="group" aria-label={t('accountConfirmLabel')}>
					<p>{plural('accountConfirm', reminderCount, {user: partition.username})}</p>
					<button type="button" class="danger" onClick={() => void disconnect()}>
						{t('accountDisconnectDelete')}
					</button>
					<button type="button" onClick={() => setConfirming(false)}>
						{t('formCancel')}
					</button>
				</div>
			) : (
				<button type="button" onClick={() => setConfirming(true)}>
					{t('accountDisconnect')}
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
