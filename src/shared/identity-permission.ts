/**
 * R28: `identity` (the Salesforce sign-in window of "Connect with Salesforce") is an optional permission in
 * Chrome: most reps sync through their browser session and never need it. It is asked when the rep clicks
 * "Connect with Salesforce" (or Reconnect) — a user gesture, as browsers require. Chrome grants it without a
 * prompt (it shows no permission warning). Firefox cannot request `identity` at run time, so its manifest
 * declares it (scripts/manifest-variants.ts) and nothing is asked there.
 */
import browser, {type Manifest, type Permissions} from 'webextension-polyfill';

/**
 * The request. webextension-polyfill's types follow Firefox's schema, where `identity` is not optional; in
 * Chrome it is (developer.chrome.com "Declare permissions": every permission but a few may be optional).
 */
export const IDENTITY_PERMISSION: Permissions.Permissions = {
	permissions: ['identity' as string as Manifest.OptionalPermission],
};

/**
 * Asks for `identity` where the manifest lists it as optional. Call synchronously in the click handler, before
 * any await. Resolves true when Tickler may open the sign-in window (granted now, before, or required by the
 * manifest), false when refused; never throws.
 */
export function requestIdentity(): Promise<boolean> {
	const optional: readonly Manifest.OptionalPermissionOrOrigin[] =
		browser.runtime.getManifest().optional_permissions ?? [];
	if (!optional.includes('identity')) return Promise.resolve(true);
	try {
		return browser.permissions.request(IDENTITY_PERMISSION).catch(() => false);
	} catch {
		return Promise.resolve(false);
	}
}
