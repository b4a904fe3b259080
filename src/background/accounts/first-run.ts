/**
 * The first thing a new rep needs is the settings page: sync is off until they tick it (R3), and a store
 * install leaves them with nothing but a toolbar icon. So a first install — never an update (R41), a
 * browser start or a reload — opens the settings page once. It is also how the Firefox e2e tests reach an
 * extension page: WebDriver BiDi will not navigate a tab to a `moz-extension:` URL, but a page the
 * extension opens itself can be scripted (engineering guide, "Firefox in tests").
 */
import browser from 'webextension-polyfill';

export async function openSettingsOnFirstInstall(details: {reason: string}): Promise<void> {
	if (details.reason !== 'install') return;
	await browser.runtime.openOptionsPage();
}
