/**
 * How many Salesforce requests a tab's page may cause (R38, R21, R52). A Salesforce page's own script can move
 * its address as often as it likes; each address with an unlinked Task would otherwise cost a badge lookup, and
 * each "Remind me" makes a Task. Besides the per-Task cache (verdict-cache.ts), each tab may spend at most
 * TAB_SPENDS_PER_WINDOW per TAB_WINDOW_MS, and all tabs together ALL_SPENDS_PER_WINDOW: whatever a page does,
 * it costs at most a few requests a minute. A "Remind me" draws on the same allowance, and a tab may make at
 * most REMINDS_PER_TAB_HOUR of them an hour (R52). Kept in `storage.session` (the worker keeps no module
 * state); times are local milliseconds.
 */
import browser from 'webextension-polyfill';

const KEY = 'tickler:badge-spend';
export const TAB_WINDOW_MS = 60_000;
/** Enough for a rep opening a few unlinked Tasks a minute; the badge says "in a moment" beyond it. */
export const TAB_SPENDS_PER_WINDOW = 3;
/** Several Salesforce tabs together. */
export const ALL_SPENDS_PER_WINDOW = 6;
export const REMIND_WINDOW_MS = 3_600_000;
/** More "Remind me" saves than a rep makes from one tab in an hour; the popup's add has no such cap. */
export const REMINDS_PER_TAB_HOUR = 30;

type Spends = {byTab: Record<string, number[]>; remindsByTab?: Record<string, number[]>};

/** Why a spend was refused: the minute's allowance (the tab's or all tabs'), or the tab's hourly "Remind me" cap. */
export type SpendRefusal = 'minute' | 'hour';

function recentOnly(byTab: Record<string, number[]> | undefined, now: number, window: number) {
	const kept: Record<string, number[]> = {};
	for (const [key, times] of Object.entries(byTab ?? {})) {
		const recent = times.filter(at => now - at < window && at <= now);
		if (recent.length > 0) kept[key] = recent;
	}

	return kept;
}

/** Takes one from `tab`'s allowance (and for a "Remind me", from its hourly cap), or says which is spent. */
async function takeSpend(tab: string, now: number, remind: boolean): Promise<true | SpendRefusal> {
	return withBadgeLock('tickler-badge-spend', async () => {
		const stored = (await browser.storage.session.get(KEY))[KEY] as Spends | undefined;
		const byTab = recentOnly(stored?.byTab, now, TAB_WINDOW_MS);
		const remindsByTab = recentOnly(stored?.remindsByTab, now, REMIND_WINDOW_MS);
		const mine = byTab[tab] ?? [];
		const all = Object.values(byTab).reduce((sum, times) => sum + times.length, 0);
		const myReminds = remindsByTab[tab] ?? [];
		let answer: true | SpendRefusal = true;
		if (remind && myReminds.length >= REMINDS_PER_TAB_HOUR) answer = 'hour';
		else if (mine.length >= TAB_SPENDS_PER_WINDOW || all >= ALL_SPENDS_PER_WINDOW) answer = 'minute';
		if (answer === true) {
			byTab[tab] = [...mine, now];
			if (remind) remindsByTab[tab] = [...myReminds, now];
		}

		await browser.storage.session.set({[KEY]: {byTab, remindsByTab}});
		return answer;
	});
}

/**
 * Takes one request from `tab`'s allowance (and the shared one) if both have room; false otherwise.
 * Serialised with a Web Lock where there is one, so two asks at once cannot both take the last request.
 */
export async function takeBadgeSpend(tab: string, now: number): Promise<boolean> {
	return (await takeSpend(tab, now, false)) === true;
}

/** R52: a "Remind me" from `tab` — the minute's allowance as for the badge, and the tab's hourly cap. */
export async function takeRemindSpend(tab: string, now: number): Promise<true | SpendRefusal> {
	return takeSpend(tab, now, true);
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
