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

export const storageSessionIdentityCache: Readonly<IdentityCache> = {
	async get(key) {
		const remembered = (await readWorkerState()).identity;
		return remembered?.key === key ? remembered.identity : undefined;
	},
	async set(key, identity) {
		await patchWorkerState({identity: {key, identity}});
	},
};
