/**
 * R55: a forwarder that makes the jsforce adapter's requests look, byte for byte in size, like the ones the
 * worker's `fetch` sends from Chromium: node-fetch's three headers (Accept, User-Agent, Accept-Encoding) give
 * way to the ones a browser adds to an extension service worker's cross-origin fetch — client hints, a full
 * User-Agent, Origin, the Sec-Fetch-* trio, Accept-Encoding, a multi-language Accept-Language, Priority — with
 * generous values (a long locale list, a Windows User-Agent). The adapter's own headers (the bearer token,
 * `Sforce-Call-Options`, Content-Type) pass through unchanged, and so does the address: node-fetch already
 * serializes it as a browser's URL parser does (`'` percent-encoded in the query). The local org then
 * measures what Salesforce would (test/org/api/request-size.ts).
 */
import {createServer, request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

/** What Chromium adds to a worker's fetch to a host it holds a permission for (no cookies: credentials are not sent). */
export const CHROMIUM_FETCH_HEADERS: Readonly<Record<string, string>> = {
	'sec-ch-ua': '"Chromium";v="140", "Not=A?Brand";v="24", "Google Chrome";v="140"',
	'sec-ch-ua-mobile': '?0',
	'sec-ch-ua-platform': '"Windows"',
	'user-agent':
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
	accept: '*/*',
	origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
	'sec-fetch-site': 'none',
	'sec-fetch-mode': 'cors',
	'sec-fetch-dest': 'empty',
	'sec-fetch-storage-access': 'active',
	'accept-encoding': 'gzip, deflate, br, zstd',
	'accept-language': 'it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7,de-DE;q=0.6,de;q=0.5,fr-FR;q=0.4,fr;q=0.3',
	priority: 'u=1, i',
};

/** node-fetch's own headers, which a browser replaces with its own. */
const NODE_ONLY = new Set(['accept', 'user-agent', 'accept-encoding', 'connection']);

export type BrowserLikeProxy = {url: string; close(): Promise<void>};

export async function startBrowserLikeProxy(targetUrl: string): Promise<BrowserLikeProxy> {
	const target = new URL(targetUrl);
	const server = createServer({maxHeaderSize: 1 << 20}, (req, res) => {
		const headers: IncomingHttpHeaders = {};
		for (const [name, value] of Object.entries(req.headers)) if (!NODE_ONLY.has(name)) headers[name] = value;
		Object.assign(headers, CHROMIUM_FETCH_HEADERS, {host: target.host});
		const upstream = httpRequest(
			{host: target.hostname, port: target.port, method: req.method, path: req.url, headers},
			answer => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
