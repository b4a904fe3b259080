/**
 * The only file that talks to Salesforce through jsforce (engineering guide §1; messaging/library-versions.ts
 * only reads its version). Implements SalesforcePort over the REST API with the rep's own session. Every response's `Sforce-Limit-Info` (R21) and `Date` header (R16) is read
 * through a wrapping transport; jsforce's own retries are switched off because the engine owns retries
 * (R19) and a silently retried POST could duplicate a Task (R18), and so is its following of redirects: it
 * would send the token to wherever the redirect points, as a GET (the token goes only to its own host).
 *
 * Every failure leaves here as a SalesforceApiError whose code and status say what happened and whose
 * message a rep can read (issue 11, jsforce-failures.ts); every answer is read without trusting its shape
 * (jsforce-answers.ts).
 */
import type {Connection} from 'jsforce/core';
import {loadJsforce} from './jsforce-loader.js';
import {TICKLER_CLIENT} from '@/shared/client-name.js';
import {to18} from '@/shared/record-ids.js';
import {MalformedResponseError} from './errors.js';
import {
	observeResponse,
	picklistsRequest,
	text,
	toPage,
	toPicklists,
	toSaveResults,
	type CompositeAnswer,
	type RawResponse,
} from './jsforce-answers.js';
import {isExpiredToken, refreshed, toApiError, unexpectedAnswer, type Seen} from './jsforce-failures.js';
import type {Identity, ResponseMeta, SalesforcePort, TaskWrite} from './salesforce-port.js';

export type JsforceAdapterOptions = {
	/** `https://acme.my.salesforce.com` (never a lightning host), or the local org's URL. */
	instanceUrl: string;
	/** The session id. Held only here, sent only to instanceUrl, never logged (R25). */
	accessToken: string;
	version?: string;
	/** Client-side timeout per request, ms. */
	timeoutMs?: number;
	/** Local clock (for the clock offset); defaults to Date.now. */
	now?: () => number;
	/**
	 * Optional cache of the session's identity across ports (e.g. `storage.session` in the worker, which
	 * builds a port per cycle). Keyed by a SHA-256 of host + session id, never the id itself (R25). Without
	 * it, each new port spends one `userinfo` request; with it, an idle poll stays one request (R21).
	 */
	identityCache?: IdentityCache;
	/**
	 * R28, OAuth only: a new access token when Salesforce says the current one expired (401
	 * INVALID_SESSION_ID "Session expired or invalid", salesforce-facts.md §13.1). Called at most once per
	 * request; the request is then sent again with the new token. A 401 means Salesforce did nothing, so
	 * sending a create again cannot duplicate it (R18). Throws OAuthReconnectNeededError when the refresh
	 * token is refused. Not given for a browser session: there is nothing to refresh it with (R20).
	 */
	refreshAccessToken?: () => Promise<string>;
};

export type IdentityCache = {
	get(key: string): Promise<Identity | undefined>;
	set(key: string, identity: Identity): Promise<void>;
};

/** The cache key for a session: a hash, so the session id itself is never stored (R25). */
export async function sessionKey(instanceUrl: string, accessToken: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${instanceUrl}\n${accessToken}`));
	return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('');
}

type TransportLike = Connection['_transport'];
type ApiRequest = {method: string; url: string; body?: string};

/** One port's connection and what it keeps between requests: the count (R21) and the latest response facts. */
type PortState = {
	/** Made at the port's first request, when jsforce is first needed (jsforce-loader.ts). */
	connection: Promise<{conn: Connection; base: TransportLike}> | undefined;
	options: JsforceAdapterOptions;
	meta: ResponseMeta;
	requests: number;
};

/** The port's jsforce connection, made once; jsforce's own transport kept to be wrapped per request. */
async function connectionOf(state: PortState): Promise<{conn: Connection; base: TransportLike}> {
	state.connection ??= loadJsforce().then(({Connection: JsforceConnection}) => {
		const conn = new JsforceConnection({
			instanceUrl: state.options.instanceUrl,
			accessToken: state.options.accessToken,
			version: state.options.version ?? API_VERSION,
			// R29: jsforce sends `Sforce-Call-Options: client=Tickler/<version>` on every request (salesforce-facts.md §0).
			callOptions: {client: TICKLER_CLIENT},
		});
		return {conn, base: conn._transport};
	});
	return state.connection;
}

const API_VERSION = '62.0';

export function createJsforcePort(options: JsforceAdapterOptions): SalesforcePort {
	const state: PortState = {connection: undefined, options, meta: {}, requests: 0};
	const call = async <T>(request: ApiRequest): Promise<T> => callRefreshing<T>(state, request);
	let identity: Promise<Identity> | undefined;
	const collection = async (method: string, records: object[]) => {
		const body = {allOrNone: false, records};
		return toSaveResults(await call({method, url: '/composite/sobjects', body: JSON.stringify(body)}), records.length);
	};

	return {
		identity() {
			// One request per session: cached for the adapter's lifetime and, if given, in identityCache (R21).
			identity ??= resolveIdentity(state, call);
			identity.catch(() => {
				identity = undefined;
			});
			return identity;
		},
		async query<T>(soql: string, {includeDeleted}: {includeDeleted: boolean}) {
			return toPage<T>(
				await call({method: 'GET', url: `/${includeDeleted ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`}),
			);
		},
		async queryMore<T>(nextRecordsUrl: string) {
			if (!nextRecordsUrl.startsWith('/services/data/')) throw new MalformedResponseError('Unexpected nextRecordsUrl');
			return toPage<T>(await call({method: 'GET', url: nextRecordsUrl}));
		},
		async taskPicklists() {
			return toPicklists(await call<CompositeAnswer>(picklistsRequest(options.version ?? API_VERSION)));
		},
		async createTasks(records: TaskWrite[]) {
			return collection(
				'POST',
				records.map(r => ({attributes: {type: 'Task'}, ...r})),
			);
		},
		async updateTasks(records: Array<TaskWrite & {Id: string}>) {
			return collection(
				'PATCH',
				records.map(({Id, ...fields}) => ({attributes: {type: 'Task'}, id: Id, ...fields})),
			);
		},
		async deleteTasks(ids: string[]) {
			return toSaveResults(
				await call({
					method: 'DELETE',
					url: `/composite/sobjects?ids=${ids.map(encodeURIComponent).join(',')}&allOrNone=false`,
				}),
				ids.length,
			);
		},
		requestCount: () => state.requests,
		responseMeta: () => ({...state.meta}),
	};
}

/**
 * jsforce's transport for one request, with its retries and its following of redirects off (see above), and
 * each answer observed: its status, type and location into `seen`, its usage and clock into the port's meta.
 */
function observingTransport(state: PortState, base: TransportLike, seen: Seen): TransportLike {
	const now = state.options.now ?? Date.now;
	return {
		httpRequest(req: unknown, transportOptions: Record<string, unknown> = {}) {
			state.requests++;
			const transportRequest = req as Parameters<TransportLike['httpRequest']>[0];
			const pending = base.httpRequest(transportRequest, {
				...transportOptions,
				retry: {maxRetries: 0},
				followRedirect: false,
				timeout: state.options.timeoutMs ?? 60_000,
			});
			pending.then(
				(response: RawResponse) => {
					seen.status = response.statusCode;
					const contentType = response.headers['content-type'];
					const location = response.headers['location'];
					if (contentType !== undefined) seen.contentType = contentType;
					if (location !== undefined) seen.location = location;
					observeResponse(response, state.meta, now());
				},
				() => undefined,
			);
			return pending;
		},
	} as unknown as TransportLike;
}

async function send<T>(state: PortState, request: ApiRequest): Promise<T> {
	const seen: Seen = {};
	const {conn, base} = await connectionOf(state);
	const transport = observingTransport(state, base, seen);
	const headers: Record<string, string> = request.body === undefined ? {} : {'content-type': 'application/json'};
	let body: T;
	try {
		body = await conn.request<T>({...request, headers} as Parameters<Connection['request']>[0], {transport});
	} catch (error) {
		throw toApiError(error, seen);
	}
	// jsforce hands back any status below 400 as a success: a redirect or a web page is not one.
	const answer = unexpectedAnswer(seen, state.options.instanceUrl);
	if (answer) throw answer;
	return body;
}

/** `send`, and once more with a fresh OAuth access token if Salesforce said the token expired (R28). */
async function callRefreshing<T>(state: PortState, request: ApiRequest): Promise<T> {
	try {
		return await send<T>(state, request);
	} catch (error) {
		const refresh = state.options.refreshAccessToken;
		if (!refresh || !isExpiredToken(error)) throw error;
		const fresh = await refreshed(refresh);
		(await connectionOf(state)).conn.accessToken = fresh;
		return send<T>(state, request);
	}
}

async function resolveIdentity(state: PortState, call: <T>(request: ApiRequest) => Promise<T>): Promise<Identity> {
	const {options} = state;
	const cache = options.identityCache;
	// Keyed by the token the port started with: a refresh mid-cycle keeps the identity it already had.
	const key = cache ? await sessionKey(options.instanceUrl, options.accessToken) : '';
	const cached = cache ? await cache.get(key) : undefined;
	if (cached) return cached;
	const info = await call<Record<string, unknown>>({method: 'GET', url: '/services/oauth2/userinfo'});
	const userId = info['user_id'];
	const orgId = info['organization_id'];
	if (typeof userId !== 'string' || typeof orgId !== 'string') throw new MalformedResponseError('userinfo without ids');
	const fresh: Identity = {
		userId: to18(userId),
		orgId: to18(orgId),
		username: text(info['preferred_username'], ''),
		displayName: text(info['name'], ''),
		instanceHost: new URL(options.instanceUrl).host,
	};
	if (cache) await cache.set(key, fresh);
	return fresh;
}
