/**
 * The one sync checkbox (R3) with its plain explanation of R4–R6, and one line that says the state the rep is
 * in — connecting, on for whom, off, or what went wrong — with a link to sign in to Salesforce while that is
 * what sync needs (R20). An error from a failed attempt goes once the state changes, so it never stands beside
 * a state that contradicts it.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {callBackground} from '@/shared/messages.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {Partition} from '@/shared/store/schema.js';
import {t} from '@/shared/i18n/t.js';

export function syncExplanation(): string {
	return t('syncExplanation');
}

/** Where the rep signs in (R20): the org's My Domain when Tickler knows it, else Salesforce's own login page. */
export function signInUrl(host: string | undefined): string {
	const myDomain = host === undefined ? undefined : toMyDomainHost(host);
	return myDomain === undefined ? 'https://login.salesforce.com/' : `https://${myDomain}/`;
}

type Props = {
	partition: Partition | undefined;
	/** R28: the shown partition is connected with OAuth: turning sync on uses that connection. */
	oauthConnected?: boolean;
	/** R30: the admin's preset wins; the box is then not the rep's to change. */
	presetSyncEnabled?: boolean | undefined;
	onRefused?: (refused: boolean) => void;
	/** The org's host to sign in at: the partition's, else the rep's open Salesforce tab's (getConnectionSettings). */
	host?: string | undefined;
};

/** A failed attempt, and whether signing in to Salesforce is the way on (not for R28's refusal, nor an admin's preset). */
type SyncError = {text: string; signIn: boolean};

/** The session-related pauses that signing in again ends (R20). */
const SIGN_IN_PAUSES = new Set(['no-session', 'session-expired', 'org-moved']);

/** The one state line: what is happening, else what went wrong, else on or off (and how to get on). */
function SyncState(props: {
	partition: Partition | undefined;
	busy: boolean;
	target: boolean | undefined;
	error: SyncError | undefined;
	host: string | undefined;
}) {
	const {partition, busy, target, error} = props;
	const enabled = partition?.enabled === true;
	const link = (
		<a href={signInUrl(partition?.instanceHost ?? props.host)} target="_blank" rel="noopener" id="sign-in-salesforce">
			{t('syncSignInLink')}
		</a>
	);
	// Between the worker's answer and the store agreeing, the rep still sees what they asked for happening.
	if (busy || (target !== undefined && target !== enabled))
		return <p role="status">{target ? t('syncConnecting') : t('syncTurningOff')}</p>;
	if (error)
		return (
			<p class="error" role="alert" id="sync-error">
				{error.text}
				{error.signIn && !enabled ? <> {link}</> : null}
			</p>
		);
	if (!partition)
		return (
			<p id="sync-state">
				{t('syncOffSignIn')} {link}
			</p>
		);
	if (!enabled) return <p id="sync-state">{t('syncOffFor', {user: partition.username})}</p>;
	const pause = partition.status.phase === 'paused' ? partition.status.pauseReason : undefined;
	return (
		<>
			<p role="status" class="saved" id="sync-state">
				{t('syncOnFor', {user: partition.username})}
			</p>
			{pause !== undefined && SIGN_IN_PAUSES.has(pause) ? (
				<p class="error">
					{partition.status.message} {link}
				</p>
			) : null}
		</>
	);
}

export function SyncToggle({partition, oauthConnected = false, presetSyncEnabled, onRefused, host}: Props) {
	const id = useId();
	/**
	 * The state the rep asked for, shown at once and kept until the stored partition says the same (the
	 * worker's write reaches this page through a live query a moment after its reply), so the box never
	 * flips back for an instant; dropped on failure, or after a short while if the store never agrees.
	 */
	const [target, setTarget] = useState<boolean | undefined>(undefined);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<SyncError | undefined>(undefined);
	const enabled = partition?.enabled === true;

	useEffect(() => {
		if (target === undefined || busy) return undefined;
		if (enabled === target) {
			setTarget(undefined);
			return undefined;
		}

		const giveUp = setTimeout(() => setTarget(undefined), 2000);
		return () => clearTimeout(giveUp);
	}, [target, busy, enabled]);
	// No stale error: once the account, its sync or its connection changes, the old failure no longer applies.
	useEffect(() => setError(undefined), [partition?.id, enabled, partition?.status.pauseReason, oauthConnected]);

	async function toggle(on: boolean) {
		setTarget(on);
		setBusy(true);
		setError(undefined);
		try {
			if (on && partition && oauthConnected) await callBackground('enablePartition', {partition: partition.id});
			else if (on) await callBackground('enableSync');
			else if (partition) await callBackground('disableSync', {partition: partition.id});
			onRefused?.(false);
		} catch (caught) {
			const refused = caught instanceof Error && caught.name === 'ApiAccessRefusedError';
			onRefused?.(refused);
			// R28: the refusal itself is said once, beside Connect (connection-section.tsx); here, where to go.
			const text = caught instanceof Error ? caught.message : String(caught);
			const signIn = caught instanceof Error && ['NoSessionError', 'SessionExpiredError'].includes(caught.name);
			setError(refused ? {text: t('syncRefusedSeeConnect'), signIn: false} : {text, signIn});
			setTarget(undefined);
		} finally {
			setBusy(false);
		}
	}

	return (
		<section aria-labelledby={`${id}-heading`} id="sync">
			<h2 id={`${id}-heading`}>{t('syncTitle')}</h2>
			<div class="checkbox-row">
				<input
					id={`${id}-sync`}
					type="checkbox"
					checked={target ?? enabled}
					disabled={busy || (presetSyncEnabled !== undefined && presetSyncEnabled === enabled)}
					aria-describedby={`${id}-explanation`}
					onChange={event => void toggle(event.currentTarget.checked)}
				/>
				<label for={`${id}-sync`}>{t('syncLabel')}</label>
			</div>
			<SyncState partition={partition} busy={busy} target={target} error={error} host={host} />
			{presetSyncEnabled === undefined ? null : (
				<p class="preset">{presetSyncEnabled ? t('syncPresetOn') : t('syncPresetOff')}</p>
			)}
			<p id={`${id}-explanation`} class="explanation">
				{syncExplanation()}
			</p>
		</section>
	);
}
