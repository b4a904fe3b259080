/**
 * R21: an idle poll costs one request. The engine checks the session's identity every cycle (R2), and a
 * port is built per cycle (the sid is never kept), so without this every poll would also call
 * `/services/oauth2/userinfo`. The identity is remembered in storage.session against a SHA-256 digest of the
 * session id — a one-way fingerprint that cannot be used as a session — never the session id itself (R25).
 * A new sign-in, another user's session ("Login As") or an expired-and-renewed session has a new
 * fingerprint, so its identity is asked again.
 */
import type {Identity, SalesforcePort} from '@/background/salesforce/port.js';
import {patchWorkerState, readWorkerState} from '../ephemeral.js';

export async function sessionFingerprint(sid: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`tickler-session:${sid}`));
	return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('');
}

/** The port, answering `identity()` from the remembered identity when the session is the same one. */
export async function withRememberedIdentity(port: SalesforcePort, sid: string): Promise<SalesforcePort> {
	const fingerprint = await sessionFingerprint(sid);
	const remembered = (await readWorkerState()).identity;
	if (remembered?.fingerprint === fingerprint) {
		const identity: Identity = remembered.identity;
		return {...port, identity: async () => identity};
	}

	return {
		...port,
		async identity() {
			const identity = await port.identity();
			await patchWorkerState({identity: {fingerprint, identity}});
			return identity;
		},
	};
}
