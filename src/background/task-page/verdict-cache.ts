/**
 * Recent badge answers for Tasks not in the store, in `storage.session` (the worker keeps no module
 * state). The badge re-asks every 15 s while a Task page is visible, and a page's script can move its
 * address through many Task ids: each lookup is one API request, so every answer — whatever it was, a
 * failure too — is kept for VERDICT_TTL_MS and a Task costs at most one request in that time (R21, R38).
 *
 * A least-recently-used list with an expiry: a hit moves the entry to the fresh end, and when the list is
 * full the entry asked about longest ago goes. Stored as an array, oldest first, so the order is explicit.
 */
import browser from 'webextension-polyfill';
import type {TaskBadge} from '@/shared/types.js';

const KEY = 'tickler:task-verdicts';
/** A verdict is trusted this long; ownership or subtype changes are rare and the next sync catches them. */
export const VERDICT_TTL_MS = 5 * 60_000;
/** More Tasks than a rep opens in five minutes; about 100 KB of storage.session at most. */
export const MAX_VERDICTS = 500;

type Entry = {key: string; badge: TaskBadge; at: number};

async function read(now: number): Promise<Entry[]> {
	const stored = (await browser.storage.session.get(KEY))[KEY];
	// Older versions kept an object keyed by Task: start afresh rather than misread it.
	if (!Array.isArray(stored)) return [];
	return (stored as Entry[]).filter(entry => now - entry.at < VERDICT_TTL_MS && entry.at <= now);
}

/** The answer remembered for `key` within the expiry, or undefined. A hit makes the entry the most recent. */
export async function recentVerdict(key: string, now: number): Promise<TaskBadge | undefined> {
	const entries = await read(now);
	const index = entries.findIndex(entry => entry.key === key);
	if (index < 0) return undefined;
	const [hit] = entries.splice(index, 1);
	if (hit === undefined) return undefined;
	entries.push(hit);
	await browser.storage.session.set({[KEY]: entries});
	return hit.badge;
}

export async function rememberVerdict(key: string, badge: TaskBadge, now: number): Promise<void> {
	const entries = (await read(now)).filter(entry => entry.key !== key);
	entries.push({key, badge, at: now});
	await browser.storage.session.set({[KEY]: entries.slice(-MAX_VERDICTS)});
}

/** Disconnect: a forgotten partition's answers go with it (they name its Tasks). */
export async function forgetVerdicts(partition: string): Promise<void> {
	const stored = (await browser.storage.session.get(KEY))[KEY];
	if (!Array.isArray(stored)) return;
	const kept = (stored as Entry[]).filter(entry => !entry.key.startsWith(`${partition}:`));
	await browser.storage.session.set({[KEY]: kept});
}
