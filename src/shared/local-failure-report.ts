/**
 * R40: where the worker says that this computer's storage failed, when IndexedDB itself cannot hold it — a
 * disk so full that not even the sync status could be written, or a database that will not open. It lives
 * in `storage.session` — "stored in memory for the duration of the browser session and not persisted to
 * disk" (MDN, WebExtensions storage.session), so a full disk does not stop it and it needs no IndexedDB —
 * which the popup and the settings page can read (extension pages are trusted contexts). Only a kind and a
 * time — never data.
 */
import browser from 'webextension-polyfill';
import type {LocalFailureKind} from './store/storage-errors.js';

export const LOCAL_FAILURE_KEY = 'tickler:local-failure';

export type LocalFailureReport = {kind: LocalFailureKind; at: number};

/** What was stored, checked: another context wrote it, so its shape is not taken on trust. */
export function parseLocalFailureReport(value: unknown): LocalFailureReport | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const {kind, at} = value as {kind?: unknown; at?: unknown};
	if ((kind !== 'storage-full' && kind !== 'storage-unavailable') || typeof at !== 'number') return undefined;
	return {kind, at};
}

export async function readLocalFailureReport(): Promise<LocalFailureReport | undefined> {
	const stored = await browser.storage.session.get(LOCAL_FAILURE_KEY);
	return parseLocalFailureReport(stored[LOCAL_FAILURE_KEY]);
}

export async function reportLocalFailure(kind: LocalFailureKind, at: number): Promise<void> {
	await browser.storage.session.set({[LOCAL_FAILURE_KEY]: {kind, at} satisfies LocalFailureReport});
}

/** After a cycle whose writes all went through: the store is healthy again. */
export async function clearLocalFailureReport(): Promise<void> {
	await browser.storage.session.remove(LOCAL_FAILURE_KEY);
}

/** Calls `listener` with the new report (or undefined once cleared) whenever the worker changes it. */
export function onLocalFailureReport(listener: (report: LocalFailureReport | undefined) => void): () => void {
	const handler = (changes: Record<string, {newValue?: unknown}>, area: string) => {
		const change = changes[LOCAL_FAILURE_KEY];
		if (area === 'session' && change) listener(parseLocalFailureReport(change.newValue));
	};

	browser.storage.onChanged.addListener(handler);
	return () => {
		browser.storage.onChanged.removeListener(handler);
	};
}
