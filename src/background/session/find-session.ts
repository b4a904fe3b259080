/**
 * Finds the API-capable Salesforce session of the org the rep uses (R25; salesforce-facts.md §1.2, after
 * Salesforce Inspector Reloaded's background.js):
 *
 *   1. The rep's Salesforce tabs, most recently used first, give the org hosts in use (a Lightning tab
 *      `acme.lightning.force.com` means the My Domain host `acme.my.salesforce.com`).
 *   2. For each My Domain host, `cookies.getAll({name: 'sid', domain})` — only a cookie set on that exact
 *      host counts; a Lightning-host `sid` has no API access and is never read.
 *   3. The org id is the part of the cookie before `!`.
 *
 * The returned `sid` lives only in the caller's memory for one call and goes only to `https://<host>`;
 * it is never stored (not even in storage.session), logged, or sent to a page or content script.
 */
import browser from 'webextension-polyfill';
import {isApiHost, orgIdOfSid, toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {readCookies} from '../platform.js';

export type FoundSession = {
	/** The My Domain host, e.g. `acme.my.salesforce.com`: the only place the sid is sent. */
	host: string;
	/** 15-character org id from the cookie. */
	orgId15: string;
	sid: string;
};

/** The tab URL patterns Tickler has host access to (manifest host_permissions); no `tabs` permission needed. */
export const SALESFORCE_TAB_PATTERNS = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'] as const;

/** My Domain hosts of the open Salesforce tabs, the most recently used first (the active tab wins ties). */
export async function salesforceHostsInUse(): Promise<string[]> {
	const tabs = await browser.tabs.query({url: [...SALESFORCE_TAB_PATTERNS]});
	const ordered = tabs
		.filter((tab): tab is typeof tab & {url: string} => typeof tab.url === 'string')
		.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
	const hosts: string[] = [];
	for (const tab of ordered) {
		const host = toMyDomainHost(safeHostname(tab.url));
		if (host !== undefined && !hosts.includes(host)) hosts.push(host);
	}

	return hosts;
}

/** The `sid` cookie set on exactly `host` (a My Domain host), or undefined. */
export async function sessionForHost(host: string): Promise<FoundSession | undefined> {
	if (!isApiHost(host)) return undefined; // R25: never a Lightning or unknown host.
	const cookies = await readCookies({name: 'sid', domain: host});
	for (const cookie of cookies) {
		// getAll's domain filter also matches subdomains: keep only this host's own cookie.
		if (cookie.domain.replace(/^\./, '').toLowerCase() !== host || !cookie.secure) continue;
		const orgId15 = orgIdOfSid(cookie.value);
		if (orgId15 !== undefined) return {host, orgId15, sid: cookie.value};
	}

	return undefined;
}

/**
 * The session to sync with. `preferredHost` is the enabled partition's host, and then only that host's
 * session is used: another org's session could never write into this partition (R2), trying it would spend
 * that org's allowance on an identity call, and the rep should read "Sign in to Salesforce to resume sync"
 * (R20), not "another org". With no partition enabled: the most recently used Salesforce tab's org, then any
 * signed-in My Domain (the rep may have no Salesforce tab open).
 */
export async function findSession(preferredHost?: string): Promise<FoundSession | undefined> {
	if (preferredHost !== undefined) return sessionForHost(preferredHost);
	for (const host of await salesforceHostsInUse()) {
		const found = await sessionForHost(host);
		if (found) return found;
	}

	const all = await readCookies({name: 'sid', domain: 'my.salesforce.com'});
	for (const cookie of all) {
		const host = cookie.domain.replace(/^\./, '').toLowerCase();
		if (!isApiHost(host)) continue;
		const found = await sessionForHost(host);
		if (found) return found;
	}

	return undefined;
}

/** True when a cookie change can mean a new session for Tickler (cookies.onChanged filter). */
export function isSessionCookieChange(cookie: {name: string; domain: string}): boolean {
	return cookie.name === 'sid' && isApiHost(cookie.domain.replace(/^\./, ''));
}

function safeHostname(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return '';
	}
}
