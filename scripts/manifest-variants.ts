/**
 * One source, two stores (R42). The build writes the Chrome manifest into dist/ (vite.config.ts); the Firefox
 * package is the same files with this transform of that manifest — no second bundle, no `if firefox` in
 * the build. What differs and why (salesforce-facts.md §13.7; MDN "manifest.json/background",
 * "browser_specific_settings"; extensionworkshop.com "firefox-builtin-data-consent"):
 *
 * - `background.service_worker` → `background.scripts`: Firefox runs MV3 backgrounds as event pages and
 *   has no extension service worker. Same file, same `type: module`; Firefox stops an idle event page just
 *   as Chrome stops an idle worker, so the no-module-state rule covers both.
 * - `options_page` → `options_ui` (open in a tab): Firefox's manifest has no `options_page`.
 * - `minimum_chrome_version` is Chrome's; Firefox gets `browser_specific_settings.gecko` instead: an id (a
 *   store listing and `identity.getRedirectURL()` are tied to it), a minimum version, and the declared
 *   data transmission.
 * - `storage.managed_schema` is Chrome's way to describe administrator settings; Firefox reads managed
 *   storage from enterprise policies and rejects the key, so it is left out.
 * - `identity` is optional in Chrome (asked when the rep first clicks "Connect with Salesforce"), but Firefox
 *   cannot request it at run time: its schema makes `identity` a permission granted without a prompt, not an
 *   optional one (Firefox's `identity.json` `PermissionNoPrompt`; MDN browser-compat-data
 *   `manifest.optional_permissions.identity`: Firefox "No"). So Firefox declares it among `permissions`, where
 *   it shows the rep no install warning either.
 * - `side_panel` (and its `sidePanel` permission) → `sidebar_action`: Firefox's side panel is the sidebar, the
 *   same page (MDN "sidebar_action"); `open_at_install: false`, as Chrome's panel opens only when asked.
 */

export type Manifest = Record<string, unknown>;

/** The add-on id on addons.mozilla.org. Never change it: an installed add-on updates only to the same id. */
export const GECKO_ID = 'tickler@tickler-reminders';

/**
 * 140: the first desktop Firefox that understands `data_collection_permissions` (extensionworkshop.com,
 * "Firefox supports built-in consent … in Firefox for desktop 140 and later"); it is also an ESR. MV3,
 * `storage.session` (115) and module background scripts are all older.
 */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android understands `data_collection_permissions` from 142 (same source). */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What Tickler transmits, in Mozilla's taxonomy, declared as required (the add-on cannot work without it):
 * - `authenticationInfo`: the Salesforce session cookie (or the OAuth token) is sent — only to the rep's own
 *   Salesforce host — to call the API.
 * - `websiteContent`: the reminders the rep writes (name, details, due date, status) are sent to the rep's
 *   own Salesforce org, where they are Task records — content of that website; that is the whole purpose.
 * Nothing goes to a server of ours and there is no analytics, so no `technicalAndInteraction`. Mozilla counts
 * transmission to any server, the user's own service included, which is why these are declared at all;
 * PRIVACY.md says the same in words. (Our reading of the taxonomy; see docs/store/firefox.md.)
 */
export const FIREFOX_DATA_COLLECTION = {required: ['authenticationInfo', 'websiteContent']} as const;

/** Chrome-only permissions: Firefox has no such API and would warn about an unknown permission. */
const CHROME_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['sidePanel']);

/** Optional in Chrome, but not requestable in Firefox (see above): declared as required there. */
const NOT_OPTIONAL_IN_FIREFOX: ReadonlySet<string> = new Set(['identity']);

export function chromeManifest(built: Manifest): Manifest {
	return built;
}

export function firefoxManifest(built: Manifest): Manifest {
	const background = built['background'] as {service_worker?: string; type?: string} | undefined;
	if (typeof background?.service_worker !== 'string')
		throw new Error('firefoxManifest: the build has no service_worker');
	const out: Manifest = {};
	for (const [key, value] of Object.entries(built)) {
		if (key === 'minimum_chrome_version') continue;
		if (key === 'background') {
			out['background'] = {scripts: [background.service_worker], ...(background.type ? {type: background.type} : {})};
		} else if (key === 'options_page') {
			out['options_ui'] = {page: value, open_in_tab: true};
		} else if (key === 'permissions' || key === 'optional_permissions') {
			continue;
		} else if (key === 'side_panel') {
			const panel = (value as {default_path: string}).default_path;
			out['sidebar_action'] = {default_panel: panel, default_title: built['name'], open_at_install: false};
		} else if (key === 'storage') {
			const {managed_schema: _chromeOnly, ...rest} = value as Record<string, unknown>;
			if (Object.keys(rest).length > 0) out['storage'] = rest;
		} else {
			out[key] = value;
		}
	}

	const listed = (key: string): string[] => (Array.isArray(built[key]) ? (built[key] as string[]) : []);
	const required = [
		...listed('permissions').filter(name => !CHROME_ONLY_PERMISSIONS.has(name)),
		...listed('optional_permissions').filter(name => NOT_OPTIONAL_IN_FIREFOX.has(name)),
	];
	const optional = listed('optional_permissions').filter(name => !NOT_OPTIONAL_IN_FIREFOX.has(name));
	if (required.length > 0) out['permissions'] = required;
	if (optional.length > 0) out['optional_permissions'] = optional;
	out['browser_specific_settings'] = {
		gecko: {
			id: GECKO_ID,
			strict_min_version: FIREFOX_MIN_VERSION,
			data_collection_permissions: FIREFOX_DATA_COLLECTION,
		},
		gecko_android: {strict_min_version: FIREFOX_ANDROID_MIN_VERSION},
	};
	return out;
}
