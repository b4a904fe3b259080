/**
 * R30: what an admin presets for the whole company through browser policy, read from
 * `chrome.storage.managed` (salesforce-facts.md §13.2; keys declared in public/managed-schema.json, named by
 * the manifest's `storage.managed_schema`). A preset value wins over the rep's; the settings page shows it
 * as set by the admin. Also the rep's own OAuth client id, kept in storage.local (a client id is public,
 * not a secret).
 */
import browser from 'webextension-polyfill';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {AdminPresets} from '@/shared/types.js';
import {t} from '@/shared/i18n/t.js';

const CLIENT_ID_KEY = 'tickler:oauthClientId';
/** The last policy read (parsed), kept for when the policy cannot be read (R30: never "any org" by accident). */
export const LAST_PRESETS_KEY = 'tickler:lastAdminPresets';

/**
 * Only well-formed values count; anything else in policy is ignored rather than trusted — except the host
 * allowlist, which fails closed: a key that is present but not a list (a plain string, say) means the admin
 * meant to restrict Tickler, so no host is allowed rather than every one.
 */
export function parsePresets(raw: Record<string, unknown>): AdminPresets {
	const presets: AdminPresets = {};
	const clientId = raw['oauthClientId'];
	if (typeof clientId === 'string' && isClientId(clientId.trim())) presets.oauthClientId = clientId.trim();
	const hosts = raw['allowedMyDomainHosts'];
	if (Array.isArray(hosts)) {
		const valid = hosts
			.filter((host): host is string => typeof host === 'string')
			.map(host => toMyDomainHost(host))
			.filter((host): host is string => host !== undefined);
		// An admin who lists hosts, none valid, still means "not just any host": keep the (empty) list.
		presets.allowedMyDomainHosts = [...new Set(valid)];
	} else if (hosts !== undefined) {
		presets.allowedMyDomainHosts = [];
	}

	const template = raw['subjectTemplate'];
	if (typeof template === 'string' && template.trim() !== '' && template.length <= 255)
		presets.subjectTemplate = template;
	const sync = raw['syncEnabled'];
	if (typeof sync === 'boolean') presets.syncEnabled = sync;
	// R56: the cap on each rep's share of the org's allowance; a whole number of requests, at least one.
	const cap = raw['maxDailyRequestsPerRep'];
	if (typeof cap === 'number' && Number.isInteger(cap) && cap >= 1) presets.maxDailyRequestsPerRep = cap;
	const opens = raw['toolbarOpens'];
	if (opens === 'popup' || opens === 'panel') presets.toolbarOpens = opens;
	return presets;
}

/**
 * Firefox rejects `storage.managed.get()` with "Managed storage manifest not found" when no policy names the
 * add-on (MDN storage.StorageArea.get, Firefox bug 1868153): that is "no presets", not an unreadable policy.
 * A browser's message, not Salesforce's: the one way Firefox tells the two apart.
 */
function isNoPolicy(error: unknown): boolean {
	return error instanceof Error && /managed storage manifest not found/i.test(error.message);
}

/**
 * The admin's presets; none when no policy is set. When the policy cannot be read, the last one read stands
 * (R30): a read error never widens what the admin allowed. With none read before, no host is allowed until
 * it can be read.
 */
export async function readPresets(): Promise<AdminPresets> {
	let raw: Record<string, unknown>;
	try {
		raw = await browser.storage.managed.get();
	} catch (error) {
		if (isNoPolicy(error)) raw = {};
		else return (await lastPresets()) ?? {allowedMyDomainHosts: []};
	}

	const presets = parsePresets(raw);
	await rememberPresets(presets);
	return presets;
}

async function lastPresets(): Promise<AdminPresets | undefined> {
	try {
		const stored = (await browser.storage.local.get(LAST_PRESETS_KEY))[LAST_PRESETS_KEY];
		return typeof stored === 'object' && stored !== null ? parsePresets(stored as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** Written only when it changed: the presets are read before every cycle. */
async function rememberPresets(presets: AdminPresets): Promise<void> {
	try {
		const stored: unknown = (await browser.storage.local.get(LAST_PRESETS_KEY))[LAST_PRESETS_KEY];
		if (JSON.stringify(stored) !== JSON.stringify(presets))
			await browser.storage.local.set({[LAST_PRESETS_KEY]: presets});
	} catch {
		// storage.local failing is R40's to report; the presets just read still apply.
	}
}

/**
 * An External Client App consumer key (`3MVG9…`, about 85 characters). Its exact alphabet is not documented
 * (UNCONFIRMED); Tickler accepts URL-safe characters only — it goes into the authorize URL and a form body.
 */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]{10,256}$/;

export function isClientId(value: string): boolean {
	return CLIENT_ID_PATTERN.test(value);
}

export async function readRepClientId(): Promise<string | undefined> {
	const value = (await browser.storage.local.get(CLIENT_ID_KEY))[CLIENT_ID_KEY];
	return typeof value === 'string' ? value : undefined;
}

export async function saveRepClientId(clientId: string): Promise<void> {
	await browser.storage.local.set({[CLIENT_ID_KEY]: clientId});
}

/** The client id to connect with: the admin's if preset, else the rep's. */
export function effectiveClientId(presets: AdminPresets, repClientId: string | undefined): string | undefined {
	return presets.oauthClientId ?? repClientId;
}

/** R30: with a preset list, Tickler talks only to those My Domain hosts; without one, to any. */
export function isHostAllowed(presets: AdminPresets, host: string): boolean {
	return presets.allowedMyDomainHosts === undefined || presets.allowedMyDomainHosts.includes(host);
}

export class HostNotAllowedError extends Error {
	override name = 'HostNotAllowedError';
	constructor(host: string) {
		super(t('hostNotAllowed', {host}));
	}
}
