/**
 * Recent "why is this Task not linked" answers, in `storage.session`. The badge re-asks every 15 s while a
 * Task page is visible; without this each ask about an unlinked Task would cost one API request (R21).
 */
import browser from 'webextension-polyfill';
import type {TaskBadge} from '@/shared/types.js';

const KEY = 'tickler:task-verdicts';
/** A verdict is trusted this long; ownership or subtype changes are rare and the next sync catches them. */
export const VERDICT_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 50;

type Verdicts = Record<string, {badge: TaskBadge; at: number}>;

async function read(): Promise<Verdicts> {
	return ((await browser.storage.session.get(KEY))[KEY] as Verdicts | undefined) ?? {};
}

export async function recentVerdict(key: string, now: number): Promise<TaskBadge | undefined> {
	const entry = (await read())[key];
	return entry && now - entry.at < VERDICT_TTL_MS ? entry.badge : undefined;
}

export async function rememberVerdict(key: string, badge: TaskBadge, now: number): Promise<void> {
	const fresh = Object.entries(await read())
		.filter(([, entry]) => now - entry.at < VERDICT_TTL_MS)
		.slice(-(MAX_ENTRIES - 1));
	await browser.storage.session.set({[KEY]: {...Object.fromEntries(fresh), [key]: {badge, at: now}}});
}
