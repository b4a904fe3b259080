/**
 * The few places where Chrome and Firefox differ at run time (R42). Both packages run the same code (the
 * Firefox package is a manifest transform of the same build, scripts/manifest-variants.ts); whatever must
 * differ is decided here, in one small function each, never as `if firefox` elsewhere.
 */
import browser, {type Cookies, type Identity} from 'webextension-polyfill';

export type BrowserFamily = 'chrome' | 'firefox';

/** Firefox serves extension pages from `moz-extension:`, Chrome from `chrome-extension:`. */
export function browserFamily(): BrowserFamily {
	return browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';
}

export type CookieQuery = {name: string; domain: string};

/**
 * The cookies named `query.name` on `query.domain` (and its subdomains, as `cookies.getAll` matches), the
 * unpartitioned ones first (salesforce-facts.md §13.7; MDN `cookies.getAll`, "Work with the Cookies API"):
 *
 * - Firefox with first-party isolation (`privacy.firstparty.isolate`) throws unless `firstPartyDomain` is
 *   given; `null` asks for the cookies of every first party.
 * - Firefox's Total Cookie Protection keeps a cookie set while Salesforce was embedded in another site in
 *   that site's partition; `getAll` returns partitioned cookies only when `partitionKey` is given, and `{}`
 *   asks for every partition. The rep's own session is the unpartitioned one (Salesforce open in its own
 *   tab), so it comes first; a partitioned copy is a real session of the same host and is tried after.
 * - Chrome knows neither key before Chrome 119 (and rejects unknown keys); its query stays as it was.
 */
export async function readCookies(query: CookieQuery): Promise<Cookies.Cookie[]> {
	const details: Cookies.GetAllDetailsType =
		browserFamily() === 'firefox' ? {...query, firstPartyDomain: null, partitionKey: {}} : {...query};
	const cookies = await browser.cookies.getAll(details);
	return [...cookies].sort((a, b) => Number(isPartitioned(a)) - Number(isPartitioned(b)));
}

function isPartitioned(cookie: Cookies.Cookie): boolean {
	return typeof cookie.partitionKey?.topLevelSite === 'string' && cookie.partitionKey.topLevelSite !== '';
}

/**
 * Where the OAuth authorize page sends the rep back (R28): each browser's own redirect URL for this extension —
 * Chrome `https://<extension id>.chromiumapp.org/`, Firefox `https://<hash of the add-on id>.extensions.allizom.org/`
 * (MDN `identity.getRedirectURL`; the Firefox one is stable because the gecko id is fixed,
 * scripts/manifest-variants.ts). The administrator lists the one of each browser the org uses as a callback URL
 * of the External Client App (docs/admin.md); the settings page shows it.
 */
export function oauthRedirectUrl(): string {
	const identity = identityApi();
	// Chrome before the rep granted the optional `identity` permission (asked on "Connect with Salesforce"): the
	// same URL, by its documented form (developer.chrome.com `identity.getRedirectURL`).
	return identity ? identity.getRedirectURL() : `https://${browser.runtime.id}.chromiumapp.org/`;
}

/**
 * The identity API, or undefined while its optional permission is not granted (Chrome: `chrome.identity` is
 * then absent). Firefox declares it as required (scripts/manifest-variants.ts), so it is always there.
 */
export function identityApi(): Identity.Static | undefined {
	return (browser as {identity?: Identity.Static}).identity;
}
