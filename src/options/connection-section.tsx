/**
 * The second way in (R28) and the admin's presets (R30): "Connect with Salesforce" runs the OAuth flow in
 * the worker (a Salesforce window opens); the page never sees a token, only which accounts are connected.
 * Offered loudly when the org refuses the browser session, quietly to anyone who prefers it.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {CONNECT_COPY, SYNC_STATUS_COPY} from '@/shared/copy.js';
import {requestIdentity} from '@/shared/identity-permission.js';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import type {ConnectionSettings} from '@/shared/types.js';
import {type RunAction, useConnectionRun} from './connection-run.js';

export const SET_BY_ADMIN = 'Set by your administrator';

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
	/** The admin's preset (R30), which the rep cannot change. */
	preset: string | undefined;
	busy: boolean;
	run: RunAction;
};

/** The client id of Tickler's External Client App, which Connect needs: the rep's to save, or the admin's. */
function ClientIdForm({id, clientId, onClientId, preset, busy, run}: ClientIdProps) {
	const save = async (event: Event) => {
		event.preventDefault();
		await run('Saving…', async () => {
			await callBackground('saveOAuthClientId', {clientId: clientId.trim()});
			return 'Client id saved.';
		});
	};

	return (
		<form onSubmit={event => void save(event)}>
			<label for={`${id}-client`}>Client id of Tickler's External Client App</label>
			<input
				id={`${id}-client`}
				value={preset ?? clientId}
				disabled={preset !== undefined}
				autoComplete="off"
				spellcheck={false}
				onInput={event => onClientId(event.currentTarget.value)}
			/>
			{preset === undefined ? (
				<button type="submit" disabled={busy || clientId.trim() === ''}>
					Save client id
				</button>
			) : (
				<span class="preset"> {SET_BY_ADMIN}</span>
			)}
		</form>
	);
}

type ConnectProps = {
	host: string;
	partition: Partition | undefined;
	connection: OAuthConnection | undefined;
	needsReconnect: boolean;
	/** Connect is the way forward (R28): the org refuses the browser session, or the connection needs renewing. */
	primary: boolean;
	canConnect: boolean;
	busy: boolean;
	run: RunAction;
};

/** Connect (or Reconnect) with Salesforce, and Disconnect OAuth once connected. */
function ConnectButtons({host, partition, connection, needsReconnect, primary, canConnect, busy, run}: ConnectProps) {
	const connect = async () => {
		// R28: `identity` is optional; asked here, synchronously in the rep's click (a user gesture).
		const permitted = requestIdentity();
		return run('Waiting for Salesforce…', async () => {
			if (!(await permitted)) throw new Error(CONNECT_COPY.permissionRefused);
			const account = await callBackground('connectSalesforce', host.trim() === '' ? {} : {host: host.trim()});
			return `Connected as ${account.username}. Tickler syncs with this connection, not the browser session.`;
		});
	};
	const disconnect = async (partitionId: string) =>
		run('Disconnecting…', async () => {
			const {revoked} = await callBackground('disconnectOAuth', {partition: partitionId});
			return revoked
				? 'Disconnected: Salesforce revoked Tickler’s access. Your reminders stay.'
				: 'Disconnected here; Salesforce could not be reached to revoke the access.';
		});

	return (
		<p>
			<button
				type="button"
				id="connect-salesforce"
				class={primary ? 'primary' : ''}
				disabled={busy || !canConnect}
				onClick={() => void connect()}
			>
				{needsReconnect ? 'Reconnect to Salesforce' : 'Connect with Salesforce'}
			</button>{' '}
			{connection && partition ? (
				<button type="button" id="disconnect-oauth" disabled={busy} onClick={() => void disconnect(partition.id)}>
					Disconnect OAuth
				</button>
			) : null}
		</p>
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
					Salesforce no longer accepts Tickler's connection. Reconnect to Salesforce to resume sync; your changes are
					kept and sent once you do.
				</p>
			) : null}
			<p class="explanation">
				{connection
					? `Tickler is connected to ${connection.host} with OAuth and uses that connection, not the browser session.`
					: 'Tickler uses the Salesforce session of this browser. If your company’s Salesforce does not allow that, or you prefer it, connect Tickler once with Salesforce (OAuth).'}
			</p>
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
	const {busy, message, run} = useConnectionRun(reload);
	const status = partition?.status;
	useEffect(() => {
		if (clientId === '' && settings?.clientId !== undefined) setClientId(settings.clientId);
		if (host === '' && settings?.suggestedHost !== undefined) setHost(settings.suggestedHost);
	}, [settings?.clientId, settings?.suggestedHost]);

	if (!settings) return null;
	const presets = settings.presets;
	const connection = partition ? settings.oauth.find(entry => entry.partition === partition.id) : undefined;
	const needsReconnect = connection?.needsReconnect === true || status?.pauseReason === 'reconnect';
	const refused = refusedHere || status?.pauseReason === 'api-access-refused';

	return (
		<section aria-labelledby={`${id}-heading`} id="connection">
			<h2 id={`${id}-heading`}>Connection to Salesforce</h2>
			<ConnectionNotices refused={refused} needsReconnect={needsReconnect} connection={connection} />
			<ClientIdForm
				id={id}
				clientId={clientId}
				onClientId={setClientId}
				preset={presets.oauthClientId}
				busy={busy !== undefined}
				run={run}
			/>
			<label for={`${id}-host`}>Your My Domain</label>
			<input
				id={`${id}-host`}
				value={host}
				placeholder="acme.my.salesforce.com"
				onInput={event => setHost(event.currentTarget.value)}
			/>
			{presets.allowedMyDomainHosts ? (
				<p class="explanation preset">
					{SET_BY_ADMIN}: Tickler syncs only with {presets.allowedMyDomainHosts.join(', ') || 'no org'}.
				</p>
			) : null}
			<ConnectButtons
				host={host}
				partition={partition}
				connection={connection}
				needsReconnect={needsReconnect}
				primary={refused || needsReconnect}
				canConnect={settings.clientId !== undefined}
				busy={busy !== undefined}
				run={run}
			/>
			{settings.clientId === undefined ? (
				<p class="explanation">Enter the client id your Salesforce admin gave you to connect.</p>
			) : null}
			{busy ? <p role="status">{busy}</p> : null}
			{message ? (
				<p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'saved'} id="connection-message">
					{message.text}
				</p>
			) : null}
			<details>
				<summary>For your Salesforce admin</summary>
				<p class="explanation">
					Callback URL for the External Client App: <code>{settings.redirectUrl}</code>
				</p>
			</details>
		</section>
	);
}
