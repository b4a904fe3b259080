/**
 * How many Salesforce requests the Task page badge may spend (R38, R21). A Salesforce page's own script
 * can move its address as often as it likes; each address with an unlinked Task would otherwise cost a
 * lookup. Besides the per-Task cache (verdict-cache.ts), each tab may spend at most TAB_SPENDS_PER_WINDOW
 * requests per TAB_WINDOW_MS, and all tabs together ALL_SPENDS_PER_WINDOW: whatever a page does, the
 * badge costs at most a few requests a minute. Kept in `storage.session` (the worker keeps no module state);
 * times are local milliseconds.
 */
import browser from 'webextension-polyfill';

const KEY = 'tickler:badge-spend';
export const TAB_WINDOW_MS = 60_000;
/** Enough for a rep opening a few unlinked Tasks a minute; the badge says "in a moment" beyond it. */
export const TAB_SPENDS_PER_WINDOW = 3;
/** Several Salesforce tabs together. */
export const ALL_SPENDS_PER_WINDOW = 6;

type Spends = {byTab: Record<string, number[]>};

/**
 * Takes one request from `tab`'s allowance (and the shared one) if both have room; false otherwise.
 * Serialised with a Web Lock where there is one, so two asks at once cannot both take the last request.
 */
export async function takeBadgeSpend(tab: string, now: number): Promise<boolean> {
	return withBadgeLock('tickler-badge-spend', async () => {
		const stored = (await browser.storage.session.get(KEY))[KEY] as Spends | undefined;
		const byTab: Record<string, number[]> = {};
		for (const [key, times] of Object.entries(stored?.byTab ?? {})) {
			const recent = times.filter(at => now - at < TAB_WINDOW_MS && at <= now);
			if (recent.length > 0) byTab[key] = recent;
		}

		const mine = byTab[tab] ?? [];
		const all = Object.values(byTab).reduce((sum, times) => sum + times.length, 0);
		const allowed = mine.length < TAB_SPENDS_PER_WINDOW && all < ALL_SPENDS_PER_WINDOW;
		if (allowed) byTab[tab] = [...mine, now];
		await browser.storage.session.set({[KEY]: {byTab}});
		return allowed;
	});
}

/**
 * Runs `fn` holding the Web Lock `name` where the context has Web Locks (the worker does), so concurrent
 * messages take turns; tests in Node run it directly.
 */
export async function withBadgeLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
	const locks = (globalThis as {navigator?: {locks?: LockManager}}).navigator?.locks;
	return locks === undefined ? fn() : locks.request(name, fn);
}

export const BADGE_SPEND_KEY = KEY;
