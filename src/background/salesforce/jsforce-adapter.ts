/**
 * The only file that talks to Salesforce through jsforce (engineering guide §1; messaging/library-versions.ts
 * only reads its version). Implements SalesforcePort over the REST API with the rep's own session. Every response's `Sforce-Limit-Info` (R21) and `Date` header (R16) is read
 * through a wrapping transport; jsforce's own retries are switched off because the engine owns retries
 * (R19) and a silently retried POST could duplicate a Task (R18), and so is its following of redirects: it
 * would send the token to wherever the redirect points, as a GET (the token goes only to its own host).
 *
 * Every failure leaves here as a SalesforceApiError whose code and status say what happened and whose
 * message a rep can read (issue 11): an HTML page (maintenance, "not found", a login page) never becomes a
 * message thousands of characters long, and a redirect — the org moved to a new My Domain — is said as such.
 */
import {Connection} from 'jsforce/core';
import {TICKLER_CLIENT} from '@/shared/client-name.js';
import type {TaskPriorityValue, TaskStatusValue} from '@/shared/store/schema.js';
import {isApiAccessRefused, MalformedResponseError, SalesforceApiError} from './errors.js';
import {to18} from '@/shared/record-ids.js';
import type {Identity, QueryPage, ResponseMeta, SalesforcePort, SaveResult, TaskWrite} from './salesforce-port.js';

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

type RawResponse = {statusCode: number; headers: Record<string, string | undefined>};
/** What the transport saw of the answer to one request. */
type Seen = {status?: number; contentType?: string; location?: string};
type TransportLike = Connection['_transport'];

export function createJsforcePort(options: JsforceAdapterOptions): SalesforcePort {
	const conn = new Connection({
		instanceUrl: options.instanceUrl,
		accessToken: options.accessToken,
		version: options.version ?? '62.0',
		// R29: jsforce sends `Sforce-Call-Options: client=Tickler/<version>` on every request (salesforce-facts.md §0).
		callOptions: {client: TICKLER_CLIENT},
	});
	const now = options.now ?? Date.now;
	const base = conn._transport;
	const meta: ResponseMeta = {};
	let requests = 0;
	let identity: Promise<Identity> | undefined;

	function observe(response: RawResponse): void {
		const limit = response.headers['sforce-limit-info'];
		const usage = limit ? /api-usage=(\d+)\/(\d+)/.exec(limit) : null;
		if (usage) meta.apiUsage = {used: Number(usage[1]), limit: Number(usage[2])};
		const date = response.headers['date'];
		const serverMs = date ? Date.parse(date) : Number.NaN;
		// The Date header has whole seconds: add half a second so the offset is unbiased.
		if (Number.isFinite(serverMs)) meta.clockOffsetMs = serverMs + 500 - now();
	}

	async function send<T>(request: {method: string; url: string; body?: string}): Promise<T> {
		const seen: Seen = {};
		const transport = {
			httpRequest(req: unknown, transportOptions: Record<string, unknown> = {}) {
				requests++;
				const transportRequest = req as Parameters<TransportLike['httpRequest']>[0];
				const pending = base.httpRequest(transportRequest, {
					...transportOptions,
					retry: {maxRetries: 0},
					followRedirect: false,
					timeout: options.timeoutMs ?? 60_000,
				});
				pending.then(
					(response: RawResponse) => {
						seen.status = response.statusCode;
						const contentType = response.headers['content-type'];
						const location = response.headers['location'];
						if (contentType !== undefined) seen.contentType = contentType;
						if (location !== undefined) seen.location = location;
						observe(response);
					},
					() => undefined,
				);
				return pending;
			},
		} as unknown as TransportLike;
		const headers: Record<string, string> = request.body === undefined ? {} : {'content-type': 'application/json'};
		let body: T;
		try {
			body = await conn.request<T>({...request, headers} as Parameters<Connection['request']>[0], {transport});
		} catch (error) {
			throw toApiError(error, seen);
		}
		// jsforce hands back any status below 400 as a success: a redirect or a web page is not one.
		const answer = unexpectedAnswer(seen, options.instanceUrl);
		if (answer) throw answer;
		return body;
	}

	/** `send`, and once more with a fresh OAuth access token if Salesforce said the token expired (R28). */
	async function call<T>(request: {method: string; url: string; body?: string}): Promise<T> {
		try {
			return await send<T>(request);
		} catch (error) {
			if (!options.refreshAccessToken || !isExpiredToken(error)) throw error;
			conn.accessToken = await refreshed(options.refreshAccessToken);
			return send<T>(request);
		}
	}

	async function resolveIdentity(): Promise<Identity> {
		const cache = options.identityCache;
		// Keyed by the token the port started with: a refresh mid-cycle keeps the identity it already had.
		const key = cache ? await sessionKey(options.instanceUrl, options.accessToken) : '';
		const cached = cache ? await cache.get(key) : undefined;
		if (cached) return cached;
		const info = await call<Record<string, unknown>>({method: 'GET', url: '/services/oauth2/userinfo'});
		const userId = info['user_id'];
		const orgId = info['organization_id'];
		if (typeof userId !== 'string' || typeof orgId !== 'string')
			throw new MalformedResponseError('userinfo without ids');
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

	function toPage<T>(raw: unknown): QueryPage<T> {
		const body = raw as {records?: unknown; done?: unknown; nextRecordsUrl?: unknown; totalSize?: unknown} | null;
		if (!body || !Array.isArray(body.records)) throw new MalformedResponseError('Query response without records');
		const page: QueryPage<T> = {
			records: body.records as T[],
			done: body.done !== false,
			totalSize: Number(body.totalSize ?? body.records.length),
		};
		if (typeof body.nextRecordsUrl === 'string') page.nextRecordsUrl = body.nextRecordsUrl;
		if (!page.done && page.nextRecordsUrl === undefined)
			throw new MalformedResponseError('Query page not done but without nextRecordsUrl');
		return page;
	}

	function toSaveResults(raw: unknown, expected: number): SaveResult[] {
		if (!Array.isArray(raw) || raw.length !== expected)
			throw new MalformedResponseError('Collection response of the wrong length');
		return raw.map((item: unknown): SaveResult => {
			const result = item as {id?: unknown; success?: unknown; errors?: unknown} | null;
			if (result?.success === true && typeof result.id === 'string') return {success: true, id: to18(result.id)};
			const errors = Array.isArray(result?.errors)
				? (result.errors as Array<Record<string, unknown>>).map(e => ({
						statusCode: text(e['statusCode'], text(e['errorCode'], 'UNKNOWN')),
						message: text(e['message'], ''),
						fields: Array.isArray(e['fields']) ? (e['fields'] as unknown[]).map(String) : [],
					}))
				: [{statusCode: 'MALFORMED_RESPONSE', message: 'No errors in a failed result', fields: []}];
			return typeof result?.id === 'string' ? {success: false, id: result.id, errors} : {success: false, errors};
		});
	}

	return {
		identity() {
			// One request per session: cached for the adapter's lifetime and, if given, in identityCache (R21).
			identity ??= resolveIdentity();
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
			const version = conn.version;
			const body = {
				allOrNone: false,
				compositeRequest: [
					{
						method: 'GET',
						referenceId: 'statuses',
						url: `/services/data/v${version}/query?q=${encodeURIComponent('SELECT ApiName, MasterLabel, IsClosed, IsDefault, SortOrder FROM TaskStatus ORDER BY SortOrder')}`,
					},
					{
						method: 'GET',
						referenceId: 'priorities',
						url: `/services/data/v${version}/query?q=${encodeURIComponent('SELECT ApiName, MasterLabel, IsHighPriority, IsDefault, SortOrder FROM TaskPriority ORDER BY SortOrder')}`,
					},
				],
			};
			const raw = await call<{compositeResponse?: Array<{body?: unknown; httpStatusCode?: number}>}>({
				method: 'POST',
				url: '/composite',
				body: JSON.stringify(body),
			});
			const [statusPart, priorityPart] = raw.compositeResponse ?? [];
			for (const part of [statusPart, priorityPart]) {
				if (!part || (part.httpStatusCode ?? 500) >= 400) {
					const first = Array.isArray(part?.body)
						? (part.body[0] as {errorCode?: string; message?: string} | undefined)
						: undefined;
					throw new SalesforceApiError(
						first?.errorCode ?? 'MALFORMED_RESPONSE',
						first?.message ?? 'Composite subrequest failed',
						{status: part?.httpStatusCode ?? 500},
					);
				}
			}

			const statuses = toPage<Record<string, unknown>>(statusPart?.body).records.map((r): TaskStatusValue => ({
				apiName: String(r['ApiName'] ?? r['MasterLabel']),
				label: String(r['MasterLabel'] ?? r['ApiName']),
				isClosed: r['IsClosed'] === true,
				isDefault: r['IsDefault'] === true,
			}));
			const priorities = toPage<Record<string, unknown>>(priorityPart?.body).records.map((r): TaskPriorityValue => ({
				apiName: String(r['ApiName'] ?? r['MasterLabel']),
				label: String(r['MasterLabel'] ?? r['ApiName']),
				isHighPriority: r['IsHighPriority'] === true,
				isDefault: r['IsDefault'] === true,
			}));
			return {statuses, priorities};
		},
		async createTasks(records: TaskWrite[]) {
			const body = {allOrNone: false, records: records.map(r => ({attributes: {type: 'Task'}, ...r}))};
			return toSaveResults(
				await call({method: 'POST', url: '/composite/sobjects', body: JSON.stringify(body)}),
				records.length,
			);
		},
		async updateTasks(records: Array<TaskWrite & {Id: string}>) {
			const body = {
				allOrNone: false,
				records: records.map(({Id, ...fields}) => ({attributes: {type: 'Task'}, id: Id, ...fields})),
			};
			return toSaveResults(
				await call({method: 'PATCH', url: '/composite/sobjects', body: JSON.stringify(body)}),
				records.length,
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
		requestCount: () => requests,
		responseMeta: () => ({...meta}),
	};
}

/** An expired (or revoked) access token, not a session the org refuses for the API (errors.ts isApiAccessRefused). */
function isExpiredToken(error: unknown): boolean {
	return (
		error instanceof SalesforceApiError &&
		error.status === 401 &&
		error.errorCode === 'INVALID_SESSION_ID' &&
		!isApiAccessRefused(error)
	);
}

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value : fallback;
}

/** A fetch that got no answer rejects with a TypeError (Fetch standard "network error"): transient (R19). */
async function refreshed(refresh: () => Promise<string>): Promise<string> {
	try {
		return await refresh();
	} catch (error) {
		if (error instanceof TypeError) throw new SalesforceApiError('NETWORK_ERROR', 'Salesforce could not be reached.');
		throw error;
	}
}

/** Salesforce's own messages are kept short: they are shown to the rep, and an HTML body is not a message. */
const MAX_MESSAGE = 300;

function isHtml(contentType: string | undefined): boolean {
	return contentType !== undefined && /^text\/html\b/i.test(contentType);
}

/** The plain message for a web page that answered an API request (a status ≥ 400 or a success). */
function htmlMessage(status: number | undefined): string {
	if (status !== undefined && status >= 500)
		return `Salesforce answered with a web page instead of data (HTTP ${status}): it may be down for maintenance. Tickler retries shortly.`;
	if (status === 404)
		return 'Salesforce answered "page not found" (HTTP 404): check the org\'s address (My Domain) in Settings.';
	return `Salesforce answered with a web page instead of data (HTTP ${status ?? 'unknown'}).`;
}

const LOGIN_HOSTS: readonly string[] = ['login.salesforce.com', 'test.salesforce.com'];

/**
 * A redirect (3xx; in a browser, fetch's `redirect: 'manual'` turns it into an opaque answer with status 0,
 * salesforce-facts.md §0) or a success whose body is a web page. Undefined for an ordinary answer.
 */
function unexpectedAnswer(seen: Seen, instanceUrl: string): SalesforceApiError | undefined {
	const {status} = seen;
	if (status !== undefined && (status === 0 || (status >= 300 && status < 400))) {
		const target = hostOf(seen.location, instanceUrl);
		const sameOrg = target === new URL(instanceUrl).host;
		if (target !== undefined && (sameOrg || LOGIN_HOSTS.includes(target)))
			return new SalesforceApiError('LOGIN_REDIRECT', 'Salesforce sent Tickler to its sign-in page.', {status});
		return new SalesforceApiError(
			'ORG_MOVED',
			target === undefined
				? 'Salesforce answered from a new address: the org has moved.'
				: `Salesforce answered that the org has moved to ${target}.`,
			{status},
		);
	}

	if (isHtml(seen.contentType))
		return new SalesforceApiError('HTML_RESPONSE', htmlMessage(status), status === undefined ? {} : {status});
	return undefined;
}

function hostOf(location: string | undefined, base: string): string | undefined {
	if (location === undefined) return undefined;
	try {
		return new URL(location, base).host;
	} catch {
		return undefined;
	}
}

/**
 * Any failure as a SalesforceApiError. A Salesforce error answer keeps its code (jsforce's HttpApiError:
 * the body's `errorCode`, or `ERROR_HTTP_<status>` when it had none) and its status; a web page gets a plain
 * message; no answer at all (socket closed, timeout, abort) is NETWORK_ERROR, whatever the runtime called it.
 */
function toApiError(error: unknown, seen: Seen): unknown {
	if (error instanceof SalesforceApiError || error instanceof MalformedResponseError) return error;
	const {status} = seen;
	const withStatus = status === undefined ? {} : {status};
	if (status === undefined || status < 300) {
		// Messages from the runtime may name hosts; they stay off logs (the engine logs codes only).
		return new SalesforceApiError('NETWORK_ERROR', 'Salesforce did not answer.', withStatus);
	}

	const given = error instanceof Error ? (error as Error & {errorCode?: unknown}).errorCode : undefined;
	const code = typeof given === 'string' && given !== '' ? given : `ERROR_HTTP_${status}`;
	// jsforce's HttpApiError keeps the error object of the body (`{message, errorCode, fields}`) in `data`.
	const data = error instanceof Error ? (error as Error & {data?: {fields?: unknown}}).data : undefined;
	const fieldList = Array.isArray(data?.fields) ? data.fields.map(String) : [];
	const message = isHtml(seen.contentType) ? htmlMessage(status) : shorten(error instanceof Error ? error.message : '');
	// Messages from Salesforce may quote field values; keep them off logs (the engine logs codes only).
	return new SalesforceApiError(code, message, {...withStatus, fields: fieldList});
}

function shorten(message: string): string {
	return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
