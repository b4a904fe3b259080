/**
 * The second way in (R28) and the admin's presets (R30): "Connect with Salesforce" runs the OAuth flow in
 * the worker (a Salesforce window opens); the page never sees a token, only which accounts are connected.
 * Offered loudly when the org refuses the browser session, quietly to anyone who prefers it.
 */
import {useEffect, useId, useState} from 'preact/hooks';
import {CONNECT_COPY} from '@/shared/copy.js';
import {requestIdentity} from '@/shared/identity-permission.js';
import {callBackground} from '@/shared/messages.js';
import type {Partition} from '@/shared/store/schema.js';
import type {ConnectionSettings} from '@/shared/types.js';

export const API_REFUSED_TEXT =
	"Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.";
export const SET_BY_ADMIN = 'Set by your administrator';

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

export function ConnectionSection({
	partition,
	settings,
	reload,
	refusedHere,
}: {
	partition: Partition | undefined;
	settings: ConnectionSettings | undefined;
	reload: () => Promise<void>;
	refusedHere: boolean;
}) {
	const id = useId();
	const [clientId, setClientId] = useState('');
	const [host, setHost] = useState('');
	const [busy, setBusy] = useState<string | undefined>(undefined);
	const [message, setMessage] = useState<{error: boolean; text: string} | undefined>(undefined);
	const status = partition?.status;
	useEffect(() => {
		if (clientId === '' && settings?.clientId !== undefined) setClientId(settings.clientId);
		if (host === '' && settings?.suggestedHost !== undefined) setHost(settings.suggestedHost);
	}, [settings?.clientId, settings?.suggestedHost]);

	async function run(label: string, action: () => Promise<string>) {
		setBusy(label);
		setMessage(undefined);
		try {
			setMessage({error: false, text: await action()});
		} catch (caught) {
			setMessage({error: true, text: errorText(caught)});
		} finally {
			setBusy(undefined);
			await reload().catch(() => undefined);
		}
	}

	const connect = async () => {
		// R28: `identity` is optional; asked here, synchronously in the rep's click (a user gesture).
		const permitted = requestIdentity();
		return run('Waiting for Salesforce…', async () => {
			if (!(await permitted)) throw new Error(CONNECT_COPY.permissionRefused);
			const account = await callBackground('connectSalesforce', host.trim() === '' ? {} : {host: host.trim()});
			return `Connected as ${account.username}. Tickler syncs with this connection, not the browser session.`;
		});
	};
	const saveClient = async (event: Event) => {
		event.preventDefault();
		await run('Saving…', async () => {
			await callBackground('saveOAuthClientId', {clientId: clientId.trim()});
			return 'Client id saved.';
		});
	};

	if (!settings) return null;
	const presets = settings.presets;
	const connection = partition ? settings.oauth.find(entry => entry.partition === partition.id) : undefined;
	const needsReconnect = connection?.needsReconnect === true || status?.pauseReason === 'reconnect';
	const refused = refusedHere || status?.pauseReason === 'api-access-refused';
	const clientPreset = presets.oauthClientId !== undefined;

	return (
		<section aria-labelledby={`${id}-heading`} id="connection">
			<h2 id={`${id}-heading`}>Connection to Salesforce</h2>
			{refused && !connection ? (
				<p class="error" role="alert" id="api-access-refused">
					{API_REFUSED_TEXT}
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
			<form onSubmit={event => void saveClient(event)}>
				<label for={`${id}-client`}>Client id of Tickler's External Client App</label>
				<input
					id={`${id}-client`}
					value={clientPreset ? presets.oauthClientId : clientId}
					disabled={clientPreset}
					autoComplete="off"
					spellcheck={false}
					onInput={event => setClientId(event.currentTarget.value)}
				/>
				{clientPreset ? (
					<span class="preset"> {SET_BY_ADMIN}</span>
				) : (
					<button type="submit" disabled={busy !== undefined || clientId.trim() === ''}>
						Save client id
					</button>
				)}
			</form>
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
			<p>
				<button
					type="button"
					id="connect-salesforce"
					class={refused || needsReconnect ? 'primary' : ''}
					disabled={busy !== undefined || settings.clientId === undefined}
					onClick={() => void connect()}
				>
					{needsReconnect ? 'Reconnect to Salesforce' : 'Connect with Salesforce'}
				</button>{' '}
				{connection && partition ? (
					<button
						type="button"
						id="disconnect-oauth"
						disabled={busy !== undefined}
						onClick={() =>
							void run('Disconnecting…', async () => {
								const {revoked} = await callBackground('disconnectOAuth', {partition: partition.id});
								return revoked
									? 'Disconnected: Salesforce revoked Tickler’s access. Your reminders stay.'
									: 'Disconnected here; Salesforce could not be reached to revoke the access.';
							})
						}
					>
						Disconnect OAuth
					</button>
				) : null}
			</p>
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

function errorText(caught: unknown): string {
	return caught instanceof Error ? caught.message : String(caught);
}
