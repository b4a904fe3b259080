/**
 * Lets `chrome.identity.launchWebAuthFlow` reach the local org (R28 e2e). Chromium opens the auth window and
 * starts its first navigation before Playwright attaches to it, so `context.route()` never sees that one
 * request (measured: the window's later requests are routed; the first one goes to DNS and fails with
 * "Authorization page could not be loaded"). For that request only, Chromium resolves the Salesforce
 * hostnames to this local TLS forwarder (`--host-resolver-rules`, with `--ignore-certificate-errors` for its
 * throwaway self-signed certificate), which passes it to the org with the original Host. Every other request
 * is still routed by salesforce-routing.ts. The manifest is untouched (R26): these are browser flags.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {createServer, type Server} from 'node:https';
import path from 'node:path';

export type AuthWindowForwarder = {chromiumArgs: string[]; close(): Promise<void>};

export async function startAuthWindowForwarder(orgUrl: string, workDir: string): Promise<AuthWindowForwarder> {
	const key = path.join(workDir, 'forwarder-key.pem');
	const cert = path.join(workDir, 'forwarder-cert.pem');
	// A certificate made for this run only; Chromium is told to accept it (and nothing else reaches the network).
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			key,
			'-out',
			cert,
			'-days',
			'1',
			'-subj',
			'/CN=tickler-e2e-forwarder',
		],
		{stdio: 'ignore'},
	);
	const target = new URL(orgUrl);
	const server: Server = createServer({key: readFileSync(key), cert: readFileSync(cert)}, (incoming, outgoing) => {
		const host = incoming.headers.host ?? '';
		const forwarded = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				method: incoming.method,
				path: incoming.url,
				headers: {...incoming.headers, host, 'x-forwarded-host': host, 'x-forwarded-proto': 'https'},
			},
			answer => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		chromiumArgs: [
			`--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${port}, MAP *.lightning.force.com 127.0.0.1:${port}`,
			'--ignore-certificate-errors',
		],
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
