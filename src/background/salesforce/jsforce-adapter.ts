/**
 * The only file that imports jsforce (engineering guide §1). Implements SalesforcePort over the REST API
 * with the rep's own session. Every response's `Sforce-Limit-Info` (R21) and `Date` header (R16) is read
 * through a wrapping transport; jsforce's own retries are switched off because the engine owns retries
 * (R19) and a silently retried POST could duplicate a Task (R18).
 */
import {Connection} from 'jsforce/core';
import {TICKLER_CLIENT} from '@/shared/client-name.js';
import type {TaskPriorityValue, TaskStatusValue} from '@/shared/store/schema.js';
import {isApiAccessRefused, MalformedResponseError, SalesforceApiError} from './errors.js';
import {to18} from './ids.js';
import type {Identity, QueryPage, ResponseMeta, SalesforcePort, SaveResult, TaskWrite} from './port.js';

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
	 * INVALID_SESSION_ID "Session expired or invalid", salesforce-api.md §13.1). Called at most once per
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
type TransportLike = Connection['_transport'];

export function createJsforcePort(options: JsforceAdapterOptions): SalesforcePort {
	const conn = new Connection({
		instanceUrl: options.instanceUrl,
		accessToken: options.accessToken,
		version: options.version ?? '62.0',
		// R29: jsforce sends `Sforce-Call-Options: client=Tickler/<version>` on every request (salesforce-api.md §0).
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
		let status: number | undefined;
		const transport = {
			httpRequest(req: unknown, transportOptions: Record<string, unknown> = {}) {
				requests++;
				const transportRequest = req as Parameters<TransportLike['httpRequest']>[0];
				const pending = base.httpRequest(transportRequest, {
					...transportOptions,
					retry: {maxRetries: 0},
					timeout: options.timeoutMs ?? 60_000,
				});
				pending.then(
					(response: RawResponse) => {
						status = response.statusCode;
						observe(response);
					},
					() => undefined,
				);
				return pending;
			},
		} as unknown as TransportLike;
		const headers: Record<string, string> = request.body === undefined ? {} : {'content-type': 'application/json'};
		try {
			return await conn.request<T>({...request, headers} as Parameters<Connection['request']>[0], {transport});
		} catch (error) {
			throw toApiError(error, status);
		}
	}

	/** `send`, and once more with a fresh OAuth access token if Salesforce said the token expired (R28). */
	async function call<T>(request: {method: string; url: string; body?: string}): Promise<T> {
		try {
			return await send<T>(request);
		} catch (error) {
			if (!options.refreshAccessToken || !isExpiredToken(error)) throw error;
			conn.accessToken = await options.refreshAccessToken();
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

function toApiError(error: unknown, status: number | undefined): unknown {
	if (error instanceof SalesforceApiError || error instanceof MalformedResponseError) return error;
	if (error instanceof Error) {
		const code = (error as Error & {errorCode?: unknown}).errorCode;
		const systemCode = (error as Error & {code?: unknown}).code;
		const errorCode =
			typeof code === 'string'
				? code
				: typeof systemCode === 'string'
					? systemCode
					: status === undefined
						? 'NETWORK_ERROR'
						: `ERROR_HTTP_${status}`;
		// Messages from Salesforce may quote field values; keep them off logs (the engine logs codes only).
		return new SalesforceApiError(errorCode, error.message, status === undefined ? {} : {status});
	}

	return new SalesforceApiError('NETWORK_ERROR', String(error));
}
