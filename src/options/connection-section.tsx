/**
 * The second way in (R28) and the admin's presets (R30): "Connect with Salesforce" runs the OAuth flow in
 * the worker (a Salesforce window opens); the page never sees a token, only which accounts are connected.
 * Offered loudly when the org refuses the browser session, quietly to anyone who prefers it. The client id is
 * the admin's business: it sits under "For your Salesforce admin", and not at all when a preset supplies it.
 * Disconnecting is the account's one Disconnect (account-section.tsx), which also revokes this connection.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {CONNECT_COPY, SYNC_STATUS_COPY} from '@/shared/copy.js';
import {requestIdentity} from '@/shared/identity-permission.js';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import type {ConnectionSettings} from '@/shared/types.js';
import {type RunAction, useConnectionRun} from './connection-run.js';
import {t} from '@/shared/i18n/t.js';

type OAuthConnection = ConnectionSettings['oauth'][number];

/**
 * The worker's view of the connection (never a token), re-read when the partition or its pause reason
 * changes and after every action.
 */
export function useConnectionSettings(partition: Partition | undefined) {
	const [settings, setSettings] = useState<ConnectionSettings | undefined>(undefined);
	const reload = async () => {
		setSettings(await callBackground('getConnectionSettings'));
	};

	useEffect(() => {
		reload().catch(() => undefined);
	}, [partition?.id, partition?.status.pauseReason]);
	return {settings, reload};
}

type ClientIdProps = {
	id: string;
	clientId: string;
	onClientId: (clientId: string) => void;
	busy: boolean;
	run: RunAction;
};

/** The client id of Tickler's External Client App, which Connect needs: the rep's to save, or the admin's. */
function ClientIdForm({id, clientId, onClientId, busy, run}: ClientIdProps) {
	const save = async (event: Event) => {
		event.preventDefault();
		await run(t('connSaving'), async () => {
			await callBackground('saveOAuthClientId', {clientId: clientId.trim()});
			return t('connClientSaved');
		});
	};

	return (
		<form onSubmit={event => void save(event)}>
			<label for={`${id}-client`}>{t('connClientLabel')}</label>
			<input
				id={`${id}-client`}
				value={clientId}
				autoComplete="off"
				spellcheck={false}
				onInput={event => onClientId(event.currentTarget.value)}
			/>
			<button
				type="submit"
				disabled={busy || clientId.trim() === ''}
				title={clientId.trim() === '' ? t('connSaveClientWhy') : undefined}
			>
				{t('connSaveClient')}
			</button>
			{clientId.trim() === '' ? <span class="why"> {t('connSaveClientWhy')}</span> : null}
		</form>
	);
}

type ConnectProps = {
	host: string;
	needsReconnect: boolean;
	/** Connect is the way forward (R28): the org refuses the browser session, or the connection needs renewing. */
	primary: boolean;
	canConnect: boolean;
	busy: boolean;
	run: RunAction;
};

/** Connect (or Reconnect) with Salesforce; disabled, and saying why, until there is a client id to connect with. */
function ConnectButton({host, needsReconnect, primary, canConnect, busy, run}: ConnectProps) {
	const connect = async () => {
		// R28: `identity` is optional; asked here, synchronously in the rep's click (a user gesture).
		const permitted = requestIdentity();
		return run(t('connWaiting'), async () => {
			if (!(await permitted)) throw new Error(CONNECT_COPY.permissionRefused);
			const account = await callBackground('connectSalesforce', host.trim() === '' ? {} : {host: host.trim()});
			return t('connConnected', {user: account.username});
		});
	};

	return (
		<>
			<p>
				<button
					type="button"
					id="connect-salesforce"
					class={primary ? 'primary' : ''}
					disabled={busy || !canConnect}
					title={canConnect ? undefined : t('connEnterClient')}
					aria-describedby={canConnect ? undefined : 'connect-why'}
					onClick={() => void connect()}
				>
					{needsReconnect ? t('connReconnect') : t('connConnect')}
				</button>
			</p>
			{canConnect ? null : (
				<p class="explanation why" id="connect-why">
					{t('connEnterClient')}
				</p>
			)}
		</>
	);
}

/** Why Connect matters now (R28), and which way Tickler reaches Salesforce today. */
function ConnectionNotices(props: {
	refused: boolean;
	needsReconnect: boolean;
	connection: OAuthConnection | undefined;
}) {
	const {refused, needsReconnect, connection} = props;
	return (
		<>
			{refused && !connection ? (
				<p class="error" role="alert" id="api-access-refused">
					{SYNC_STATUS_COPY.apiAccessRefused}
				</p>
			) : null}
			{needsReconnect ? (
				<p class="error" role="alert">
					{t('connNeedsReconnect')}
				</p>
			) : null}
			<p class="explanation">{connection ? t('connUsesOAuth', {host: connection.host}) : t('connUsesSession')}</p>
		</>
	);
}

type SectionProps = {
	partition: Partition | undefined;
	settings: ConnectionSettings | undefined;
	reload: () => Promise<void>;
	refusedHere: boolean;
};

export function ConnectionSection({partition, settings, reload, refusedHere}: SectionProps) {
	const id = useId();
	const [clientId, setClientId] = useState('');
	const [host, setHost] = useState('');
	const status = partition?.status;
	const connection = partition ? settings?.oauth.find(entry => entry.partition === partition.id) : undefined;
	// No stale error (issue 20): a failed Connect's error goes once the account, its sync or its connection changes.
	const stateKey = [
		partition?.id,
		partition?.enabled,
		status?.pauseReason,
		connection?.host,
		connection?.needsReconnect,
	];
	const {busy, message, run} = useConnectionRun(reload, stateKey.join('|'));
	useEffect(() => {
		if (clientId === '' && settings?.clientId !== undefined) setClientId(settings.clientId);
		if (host === '' && settings?.suggestedHost !== undefined) setHost(settings.suggestedHost);
	}, [settings?.clientId, settings?.suggestedHost]);

	if (!settings) return null;
	const presets = settings.presets;
	const needsReconnect = connection?.needsReconnect === true || status?.pauseReason === 'reconnect';
	// The refusal a failed "turn sync on" met here stands only until sync is on some other way.
	const refused = (refusedHere && partition?.enabled !== true) || status?.pauseReason === 'api-access-refused';

	return (
		<section aria-labelledby={`${id}-heading`} id="connection">
			<h2 id={`${id}-heading`}>{t('connTitle')}</h2>
			<ConnectionNotices refused={refused} needsReconnect={needsReconnect} connection={connection} />
			<label for={`${id}-host`}>{t('connMyDomain')}</label>
			<input
				id={`${id}-host`}
				value={host}
				placeholder={t('connMyDomainExample')}
				onInput={event => setHost(event.currentTarget.value)}
			/>
			{presets.allowedMyDomainHosts ? (
				<p class="explanation preset">
					{t('connAllowedHosts', {hosts: presets.allowedMyDomainHosts.join(', ') || t('connNoOrg')})}
				</p>
			) : null}
			<ConnectButton
				host={host}
				needsReconnect={needsReconnect}
				primary={refused || needsReconnect}
				canConnect={settings.clientId !== undefined}
				busy={busy !== undefined}
				run={run}
			/>
			{busy ? <p role="status">{busy}</p> : null}
			{message ? (
				<p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'saved'} id="connection-message">
					{message.text}
				</p>
			) : null}
			<details id="for-admin">
				<summary>{t('connForAdmin')}</summary>
				{presets.oauthClientId === undefined ? (
					<ClientIdForm id={id} clientId={clientId} onClientId={setClientId} busy={busy !== undefined} run={run} />
				) : null}
				<p class="explanation">
					{t('connCallback')} <code>{settings.redirectUrl}</code>
				</p>
			</details>
		</section>
	);
}
