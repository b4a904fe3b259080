import type {BrowserContext, Page} from 'playwright-core';

/**
 * The settings page a first install opens (src/background/accounts/first-run.ts), or undefined when none
 * opened within `timeoutMs` (a build older than that page). It may already exist when we look, still on
 * about:blank, so this polls every page's URL instead of waiting for a 'page' event.
 */
export async function findFirstRunSettingsPage(
	context: BrowserContext,
	extensionId: string,
	timeoutMs = 30_000,
): Promise<Page | undefined> {
	const url = `chrome-extension://${extensionId}/src/options/index.html`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const page = context.pages().find(candidate => candidate.url() === url);
		if (page) return page;
		if (Date.now() > deadline) return undefined;
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}
