/**
 * Lets `chrome.identity.launchWebAuthFlow` reach the local org (R28 e2e). Chromium opens the auth window and
 * starts its first navigation before Playwright attaches to it, so `context.route()` never sees that one
 * request (measured: the window's later requests are routed; the first one goes to DNS and fails with
 * "Authorization page could not be loaded"). For that request only, Chromium resolves the Salesforce
 * hostnames to this local TLS forwarder (`--host-resolver-rules`, with `--ignore-certificate-errors` for its
 * throwaway self-signed certificate), which passes it to the org with the original Host. Every other request
 * is still routed by salesforce-routing.ts. The manifest is untouched (R26): these are browser flags.
 */
import {startTlsForwarder} from '../tls-forwarder.js';

export type AuthWindowForwarder = {chromiumArgs: string[]; close(): Promise<void>};

export async function startAuthWindowForwarder(orgUrl: string): Promise<AuthWindowForwarder> {
	const forwarder = await startTlsForwarder(orgUrl, {commonName: 'tickler-e2e-forwarder'});
	return {
		chromiumArgs: [
			`--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${forwarder.port}, MAP *.lightning.force.com 127.0.0.1:${forwarder.port}`,
			'--ignore-certificate-errors',
		],
		close: async () => forwarder.close(),
	};
}
