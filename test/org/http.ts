// node:http transport: request parsing, the recorded response headers of salesforce-facts.md §0, fault
// injection, the request log and API counting, socket tracking so close() is prompt even with held
// ("timeout") responses. Routes: `/__org__/*` control, `/services/*` + `/id/*` REST, everything else pages.

import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {JSON_TYPE, json, originOf} from './api/api-types.js';
import type {ApiRequest, ApiResponse} from './api/api-types.js';
import {handleControl} from './control.js';
import type {Org} from './org.js';
import {handlePage} from './pages/pages.js';
import {QueryEngine} from './api/query.js';
import {authenticate, bearerToken} from './api/auth.js';
import {parseCallOptions} from './api/call-options.js';
import {handleOAuthPage, isOAuthPage} from './oauth/oauth-routes.js';
import {routeApi} from './api/routes.js';
import {htmlFaultResponse, refusedRequest} from './api/fault-responses.js';
import type {RouteResult} from './api/routes.js';
import {MAX_REQUEST_HEAD_BYTES, oversizedRequest, requestHeadBytes} from './api/request-size.js';

export type Transport = {url: string; port: number; close(): Promise<void>; engine: QueryEngine};

/** Headers recorded on real-org API responses (§0 [FXJ]); BrowserId cookie omitted (no meaning here). */
const RECORDED = {
	'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
	'X-Content-Type-Options': 'nosniff',
	'X-XSS-Protection': '1; mode=block',
	'X-Robots-Tag': 'none',
	'Cache-Control': 'no-cache,must-revalidate,max-age=0,no-store,private',
	Vary: 'Accept-Encoding',
};

const HTML_503 =
	'<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>Salesforce is down for maintenance.</p></body></html>';

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function toApiRequest(req: IncomingMessage, body: string, fallbackOrigin: string): ApiRequest {
	const url = new URL(req.url ?? '/', 'http://x');
	const headers: Record<string, string | undefined> = {};
	for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: url.searchParams,
		headers,
		body,
		origin: originOf(headers['host'], headers['x-forwarded-proto'], fallbackOrigin),
	};
}

/** `/__org__/…` is the org's own control API, not Salesforce: no Salesforce limit applies to it. */
const isControl = (path: string): boolean => path.startsWith('/__org__/') || path === '/__org__';

export function startTransport(org: Org, port = 0, host = '127.0.0.1'): Promise<Transport> {
	const engine = new QueryEngine(org);
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let origin = `http://${host}:${port}`;

	const send = (res: ServerResponse, r: ApiResponse, extra: Record<string, string>): void => {
		const headers: Record<string, string> = {...extra, ...r.headers, Date: org.clock.now().toUTCString()};
		if (r.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(r.body));
		res.writeHead(r.status, headers);
		res.end(r.body);
	};

	const log = (
		raw: IncomingMessage,
		method: string,
		path: string,
		status: number,
		counted: boolean,
		client?: string,
	): void => {
		org.requests.push({
			method,
			path,
			status,
			at: org.clock.now(),
			countedAsApi: counted,
			...(client ? {client} : {}),
			headBytes: requestHeadBytes(raw),
		});
	};

	const cors = (req: ApiRequest): Record<string, string> =>
		// §0: not needed by the service worker; permissive for page-context demos (real orgs allow-list origins).
		req.headers['origin']
			? {
					'Access-Control-Allow-Origin': req.headers['origin'],
					'Access-Control-Allow-Credentials': 'true',
					'Access-Control-Expose-Headers': 'Sforce-Limit-Info',
				}
			: {};

	const handleApi = async (req: ApiRequest, raw: IncomingMessage, res: ServerResponse): Promise<void> => {
		if (req.method === 'OPTIONS') {
			send(
				res,
				{
					status: 204,
					headers: {
						...cors(req),
						'Access-Control-Allow-Methods': 'GET,POST,PATCH,DELETE,HEAD,OPTIONS',
						'Access-Control-Allow-Headers':
							req.headers['access-control-request-headers'] ?? 'authorization,content-type',
						'Access-Control-Max-Age': '600',
					},
					body: undefined,
				},
				{},
			);
			return;
		}
		// R29: who sent it (Sforce-Call-Options `client=`), on every log entry of an API request.
		const client = parseCallOptions(req.headers['sforce-call-options']).client;
		const isWrite = req.method === 'POST' || req.method === 'PATCH' || req.method === 'DELETE';
		const fault = org.faults.decide(isWrite);
		if (fault.latencyMs > 0) {
			await new Promise<void>(resolve => {
				const t = setTimeout(() => (timers.delete(t), resolve()), fault.latencyMs);
				timers.add(t);
			});
		}
		switch (fault.kind) {
			case 'drop':
				log(raw, req.method, req.path, 0, false, client);
				raw.socket.destroy();
				return;
			case 'timeout':
				// Hold the response until the client gives up; close() destroys the socket.
				log(raw, req.method, req.path, 0, false, client);
				return;
			case '503':
			case 'html503':
				log(raw, req.method, req.path, 503, false, client);
				// §6: body and Retry-After UNCONFIRMED; HTML variant exercises jsforce's text/html handling.
				send(
					res,
					fault.kind === 'html503'
						? {status: 503, headers: {'Content-Type': 'text/html'}, body: HTML_503}
						: json(503, [{message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE'}]),
					RECORDED,
				);
				return;
			case '500':
				log(raw, req.method, req.path, 500, false, client);
				send(
					res,
					json(500, [
						{
							message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 0-0 (-1)',
							errorCode: 'UNKNOWN_EXCEPTION',
						},
					]),
					RECORDED,
				);
				return;
			case 'invalidSession':
				log(raw, req.method, req.path, 401, false, client);
				send(
					res,
					json(401, [{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'}], {
						'WWW-Authenticate': 'Token',
					}),
					RECORDED,
				);
				return;
			case 'limitExceeded':
				log(raw, req.method, req.path, 403, false, client);
				send(
					res,
					json(403, [{message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED'}]),
					RECORDED,
				);
				return;
			default: {
				const html = htmlFaultResponse(fault.kind, req);
				if (html) {
					log(raw, req.method, req.path, html.status, false, client);
					send(res, html, RECORDED);
					return;
				}
				break;
			}
		}
		// §6 UNABLE_TO_LOCK_ROW (HTTP status UNCONFIRMED; 400 chosen): refused before anything is written,
		// but only once the session is valid (an invalid session still gets its 401).
		const locked = fault.kind === 'lockRow' && authenticate(org, req).ok;
		// fault-responses.ts: a whole collections write refused for one record's value (counted, like any error).
		const refusal = refusedRequest(org.faults.current().refuseRequestsWith, req);
		const refused = refusal && authenticate(org, req).ok ? refusal : undefined;
		const result: RouteResult = refused
			? {response: refused, calls: 1, authenticated: true}
			: locked
				? {
						response: json(400, [
							{
								message: `unable to obtain exclusive access to this record or 1 records: ${req.path.split('/').pop() ?? ''}`,
								errorCode: 'UNABLE_TO_LOCK_ROW',
								fields: [],
							},
						]),
						calls: 1,
						authenticated: true,
					}
				: routeApi({org, engine}, req);
		org.usage.add(result.calls);
		const token = result.calls > 0 ? bearerToken(req) : undefined;
		org.clientUsage.add(client, token ? org.sessions.peek(token)?.clientId : undefined, result.calls);
		log(raw, req.method, req.path, result.response.status, result.calls > 0, client);
		if (fault.kind === 'commitThenDrop') {
			raw.socket.destroy();
			return;
		}
		send(res, result.response, {
			...RECORDED,
			...cors(req),
			...(result.authenticated ? {'Sforce-Limit-Info': org.usage.header()} : {}),
		});
	};

	// R55: node:http's own header limit (16 KB by default, by coincidence Salesforce's) is raised far above
	// Salesforce's, so the org's own check (api/request-size.ts) decides, with Salesforce's statuses and bodies.
	const server: Server = createServer({maxHeaderSize: 16 * MAX_REQUEST_HEAD_BYTES}, (raw, res) => {
		void (async () => {
			try {
				const body = await readBody(raw);
				const req = toApiRequest(raw, body, origin);
				const oversized = isControl(req.path) ? undefined : oversizedRequest(raw);
				if (oversized) {
					// Refused before any route, session or count: Salesforce's front door answers it.
					log(raw, req.method, req.path, oversized.status, false);
					send(res, oversized, {});
				} else if (isControl(req.path)) {
					send(res, handleControl(org, req), {});
				} else if (isOAuthPage(req.path)) {
					// §13.1 authorize / approval / error pages: browser pages, not API calls.
					const r = handleOAuthPage(org, req);
					log(raw, req.method, req.path, r.status, false);
					send(res, r, {});
				} else if (req.path.startsWith('/services/') || req.path === '/services' || req.path.startsWith('/id/')) {
					await handleApi(req, raw, res);
				} else {
					const r = handlePage(org, req);
					log(raw, req.method, req.path, r.status, false);
					send(res, r, {});
				}
			} catch (e) {
				if (!res.headersSent)
					send(
						res,
						{
							status: 500,
							headers: {'Content-Type': JSON_TYPE},
							body: JSON.stringify([{message: String(e), errorCode: 'UNKNOWN_EXCEPTION'}]),
						},
						{},
					);
			}
		})();
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const addr = server.address();
			const actual = typeof addr === 'object' && addr ? addr.port : port;
			origin = `http://${host}:${actual}`;
			resolve({
				url: origin,
				port: actual,
				engine,
				close: () =>
					new Promise<void>(done => {
						for (const t of timers) clearTimeout(t);
						for (const s of sockets) s.destroy();
						server.close(() => done());
					}),
			});
		});
	});
}
