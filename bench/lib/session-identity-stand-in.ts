import type {IdentityCache} from '../../src/background/salesforce/jsforce-adapter.js';
import type {Identity} from '../../src/background/salesforce/salesforce-port.js';

/**
 * One rep's `storage.session` identity cache, for a rig in Node. The worker's cache
 * (src/background/session/session-identity.ts) keeps ONE entry — the latest session's identity under the
 * adapter's one-way key — in `storage.session` through the global `browser`, which a process holding many
 * reps cannot give each rep. This keeps the same single entry per rep, with the same semantics (a value is
 * cloned in and out, as storage does); bench/session-identity-stand-in.test.ts runs the same sequence of
 * calls against the worker's real cache (on the test fake of `browser`) and checks they answer alike.
 */
export function sessionStorageIdentityCache(): IdentityCache {
	let remembered: {key: string; identity: Identity} | undefined;
	return {
		async get(key) {
			return remembered?.key === key ? structuredClone(remembered.identity) : undefined;
		},
		async set(key, identity) {
			remembered = {key, identity: structuredClone(identity)};
		},
	};
}
