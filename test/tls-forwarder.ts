/**
 * A local HTTPS server that forwards every request to the local org with its original Host, so a browser
 * that reaches it under a real Salesforce hostname gets the org's answer with the org's absolute URLs (as
 * test/e2e/salesforce-routing.ts does through Playwright). Its certificate is made for this run by the
 * `openssl` command and is accepted only because the browser is told to (Chromium's
 * `--ignore-certificate-errors`, Firefox's acceptInsecureCerts). Used where routing inside the browser cannot
 * reach: the first request of a launchWebAuthFlow window (Chromium) and the whole of Firefox.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {request as httpRequest, type Server as HttpServer} from 'node:http';
import {createServer, type Server} from 'node:https';
import {tmpdir} from 'node:os';
import path from 'node:path';

export type TlsForwarder = {server: Server; port: number; close(): Promise<void>};

export type ForwardedRequest = {method: string; host: string; path: string};

export async function startTlsForwarder(
	orgUrl: string,
	options: {commonName: string; onRequest?: (request: ForwardedRequest) => void},
): Promise<TlsForwarder> {
	const directory = mkdtempSync(path.join(tmpdir(), 'tickler-tls-'));
	const keyFile = path.join(directory, 'key.pem');
	const certFile = path.join(directory, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			keyFile,
			'-out',
			certFile,
			'-days',
			'1',
			'-subj',
			`/CN=${options.commonName}`,
		],
		{stdio: 'ignore'},
	);
	const credentials = {key: readFileSync(keyFile), cert: readFileSync(certFile)};
	rmSync(directory, {recursive: true, force: true});
	const target = new URL(orgUrl);
	const server = createServer(credentials, (incoming, outgoing) => {
		const host = incoming.headers.host ?? '';
		options.onRequest?.({method: incoming.method ?? 'GET', host, path: incoming.url ?? '/'});
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
	return {
		server,
		port: portOf(server),
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

export function portOf(server: HttpServer | Server): number {
	const address = server.address();
	return typeof address === 'object' && address !== null ? address.port : 0;
}
