/**
 * R21: an idle poll costs one request. The engine checks the session's identity every cycle (R2), and the
 * worker builds a port per cycle (the sid is never kept), so the adapter would ask
 * `/services/oauth2/userinfo` every poll. This cache remembers the identity in storage.session under the
 * adapter's `sessionKey` — a SHA-256 of host and session id, one-way, unusable as a session — never the
 * session id itself (R25). A new sign-in or another user's session ("Login As") has a new key, so its
 * identity is asked again. One entry: the latest session.
 */
import type {IdentityCache} from '@/background/salesforce/jsforce-adapter.js';
import {patchWorkerState, readWorkerState} from '../runner/worker-state.js';

function identitySlot(slot: 'identity' | 'browserSessionIdentity'): Readonly<IdentityCache> {
	return {
		async get(key) {
			const remembered = (await readWorkerState())[slot];
			return remembered?.key === key ? remembered.identity : undefined;
		},
		async set(key, identity) {
			await patchWorkerState({[slot]: {key, identity}});
		},
	};
}

/** The session sync uses: the browser session's, or the OAuth token's (R28). */
export const storageSessionIdentityCache = identitySlot('identity');

/**
 * R2 for the badge of an OAuth partition: sync speaks with the token, whose identity the slot above keeps,
 * while the badge must know who is signed in on the org in this browser. That session's identity is kept in a
 * slot of its own, so the token's never pushes it out and the badge asks it once per session (R21, R38).
 */
export const browserSessionIdentityCache = identitySlot('browserSessionIdentity');
