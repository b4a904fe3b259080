/**
 * The worker's short-lived state, in `storage.session` (engineering guide §2.2): it survives the worker
 * being stopped, not the browser closing. Never the session id (R25) — only times and flags.
 */
import browser from 'webextension-polyfill';
import type {Identity} from '@/background/salesforce/salesforce-port.js';

const KEY = 'tickler:worker';

export type WorkerState = {
	/** When the popup last opened (R13: the Salesforce-in-use cadence, every 10 minutes, for a while after). */
	popupOpenedAt?: number;
	/** When a Salesforce tab was last focused or loaded (R13). */
	salesforceTabSeenAt?: number;
	/** The identity of the latest session, under a one-way key of it (session/session-identity.ts). */
	identity?: {key: string; identity: Identity};
	/** The browser session's identity when sync uses an OAuth token (session-identity.ts: the badge's R2 check). */
	browserSessionIdentity?: {key: string; identity: Identity};
	/** When the running cycle started (a cycle older than a few minutes is presumed killed with the worker). */
	cycleStartedAt?: number;
	/** When the cycles started by change signals in the last hour began (R21: their rate is capped). */
	signalSyncsAt?: number[];
	/** When the push a "Remind me" asked for is due (push-debounce.ts: several saves, one cycle). */
	pushDueAt?: number | undefined;
};

export async function readWorkerState(): Promise<WorkerState> {
	const stored = await browser.storage.session.get(KEY);
	const value = stored[KEY] as WorkerState | undefined;
	return value ?? {};
}

/** Merges `patch` into the state. */
export async function patchWorkerState(patch: WorkerState): Promise<WorkerState> {
	const next: WorkerState = {...(await readWorkerState()), ...patch};
	await browser.storage.session.set({[KEY]: next});
	return next;
}

export const WORKER_STATE_KEY = KEY;
