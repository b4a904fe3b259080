/**
 * Lets the navigations Playwright never sees reach the local org (issue 20 item 9, R28 e2e). When Chromium
 * itself opens a tab or window — a tab the extension opens with `tabs.create` (the popup's "Sign in"), a
 * `chrome.identity.launchWebAuthFlow` window, a redirect the page's first load follows — it starts the first
 * navigation before Playwright attaches to it, so `context.route()` never sees that request: it went to DNS and
 * ended on Chrome's "This site can't be reached" (ERR_NAME_NOT_RESOLVED) until reloaded. Measured: the tab's
 * later requests are routed. For those requests, Chromium resolves the Salesforce hostnames to this local TLS
 * forwarder (`--host-resolver-rules`, with `--ignore-certificate-errors` for its throwaway self-signed
 * certificate), which passes them to the org with the original Host. Every request Playwright does see is still
 * routed by salesforce-routing.ts. The manifest is untouched (R26): these are browser flags. The harness starts
 * one with every routed org, so the demo (`npm start`) and every e2e test land on the org the first time.
 */
import {startTlsForwarder} from '../tls-forwarder.js';

export type FirstNavigationForwarder = {chromiumArgs: string[]; close(): Promise<void>};

export async function startFirstNavigationForwarder(orgUrl: string): Promise<FirstNavigationForwarder> {
	const forwarder = await startTlsForwarder(orgUrl, {commonName: 'tickler-e2e-forwarder'});
	return {
		chromiumArgs: [
			`--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${forwarder.port}, MAP *.lightning.force.com 127.0.0.1:${forwarder.port}`,
			'--ignore-certificate-errors',
		],
		close: async () => forwarder.close(),
	};
}
