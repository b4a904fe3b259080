/**
 * The Connection section's actions (R28): one at a time, with what is happening shown while it runs
 * ("Waiting for Salesforce…"), then its result or error, and the worker's view of the connection re-read.
 */
import {useEffect, useState} from 'preact/hooks';

export type ConnectionMessage = {error: boolean; text: string};
/** Runs `action`, saying `label` meanwhile; its result is the message shown after. */
export type RunAction = (label: string, action: () => Promise<string>) => Promise<void>;

/**
 * `state` names the account's state (partition, sync, connection): when it changes, an error shown from an
 * earlier attempt goes (issue 20: never "doesn't let browser sessions use the API" beside "Connected as …").
 */
export function useConnectionRun(reload: () => Promise<void>, state = '') {
	const [busy, setBusy] = useState<string | undefined>(undefined);
	const [message, setMessage] = useState<ConnectionMessage | undefined>(undefined);
	useEffect(() => setMessage(shown => (shown?.error === true ? undefined : shown)), [state]);

	const run: RunAction = async (label, action) => {
		setBusy(label);
		setMessage(undefined);
		try {
			setMessage({error: false, text: await action()});
		} catch (caught) {
			setMessage({error: true, text: caught instanceof Error ? caught.message : String(caught)});
		} finally {
			setBusy(undefined);
			await reload().catch(() => undefined);
		}
	};

	return {busy, message, run};
}
