/**
 * The connected org and user (R23), API usage (R21), and the one Disconnect (forget this partition, after
 * confirmation; the worker also revokes its OAuth grant when it has one, R28).
 * R59: the confirmation counts the rep's words that exist only here — reminders never sent (R5) and changes not
 * in Salesforce yet — and offers "Send them first" and "Export" before anything is deleted.
 */
import {useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import {plural, t} from '@/shared/i18n/t.js';
import {formatDateTime, formatNumber} from '@/shared/i18n/format.js';
import {downloadExport} from './export-button.js';
import {type DisconnectStakes, useDisconnectStakes} from './disconnect-stakes.js';

/** R59: what Disconnect would delete for good, in one sentence: "2 exist only on this computer and 1 change…". */
function atRiskSentence(localOnly: number, unsent: number): string {
	const parts = [
		...(localOnly > 0 ? [plural('accountLocalOnlyPart', localOnly)] : []),
		...(unsent > 0 ? [plural('accountUnsentPart', unsent)] : []),
	];
	const joined =
		parts.length === 2 ? t('accountAtRiskJoin', {first: parts[0] ?? '', second: parts[1] ?? ''}) : parts.join('');
	// "it" or "them": one thing at risk in all, or more.
	return localOnly + unsent === 1 ? t('accountAtRiskOne', {parts: joined}) : t('accountAtRiskMany', {parts: joined});
}

type Props = {
	partition: Partition;
	/** The active account with sync on can send them; another account can only export. */
	canSend?: boolean;
	/** R28: the host this account is connected to with OAuth; Disconnect revokes that grant too. */
	oauthHost?: string | undefined;
	title?: string;
};

/** R59: the rep's words Disconnect would delete, and the ways to keep them. */
function AtRisk({
	partition,
	unsent,
	canSend,
}: {
	partition: Partition;
	unsent: DisconnectStakes['unsent'];
	canSend: boolean;
}) {
	const [sending, setSending] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	if (unsent.localOnly.length + unsent.unsent === 0) return null;
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
				<strong>{atRiskSentence(unsent.localOnly.length, unsent.unsent)}</strong>
			</p>
			{sendable ? null : <p>{t('accountAtRiskSyncOff')}</p>}
			{sending ? <p role="status">{t('accountAtRiskSending')}</p> : null}
			{sendable ? (
				<button type="button" class="primary" onClick={() => void sendFirst()}>
					{t('accountSendFirst')}
				</button>
			) : null}{' '}
			<button type="button" onClick={() => void downloadExport()}>
				{t('accountExport')}
			</button>
			{error ? (
				<p class="error" role="alert">
					{error}
				</p>
			) : null}
		</div>
	);
}

/**
 * The confirmation: what would be deleted, read when it opens (disconnect-stakes.ts). Disconnect is offered only
 * once that is known, so the rep never deletes words only this computer has without having been told.
 */
function DisconnectConfirm(props: {
	partition: Partition;
	canSend: boolean;
	oauthHost: string | undefined;
	onDisconnect: () => void;
	onCancel: () => void;
}) {
	const {partition, canSend, oauthHost, onDisconnect, onCancel} = props;
	const {stakes, error} = useDisconnectStakes(partition.id);
	return (
		<div class="confirm" role="group" aria-label={t('accountConfirmLabel')}>
			{stakes ? (
				<>
					<p>{plural('accountConfirm', stakes.reminderCount, {user: partition.username})}</p>
					{oauthHost === undefined ? null : <p>{t('accountConfirmRevokes', {host: oauthHost})}</p>}
					<AtRisk partition={partition} unsent={stakes.unsent} canSend={canSend} />
				</>
			) : (
				<p role="status">{t('accountConfirmChecking')}</p>
			)}
			{error ? (
				<p class="error" role="alert">
					{t('accountConfirmReadError', {reason: error})}
				</p>
			) : null}
			{stakes || error ? (
				<button type="button" class="danger" onClick={onDisconnect}>
					{t('accountDisconnectDelete')}
				</button>
			) : null}
			<button type="button" onClick={onCancel}>
				{t('formCancel')}
			</button>
		</div>
	);
}

export function AccountSection({partition, canSend, title, oauthHost}: Props) {
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
				<DisconnectConfirm
					partition={partition}
					canSend={canSend === true}
					oauthHost={oauthHost}
					onDisconnect={() => void disconnect()}
					onCancel={() => setConfirming(false)}
				/>
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
