// REST routing for `/services/...` and `/id/...` (salesforce-facts.md §0–§6): versions, auth, API-limit
// enforcement, and the data resources. Returns how many API calls the request counts as (§0, §5, §6).

import {errorResponse, json} from './api-types.js';
import {allowedMethods, methodNotAllowed as refuseMethod} from './api-methods.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import {
	MAX_VERSION,
	MIN_VERSION,
	OLDEST_RETIRED_VERSION,
	authenticate,
	identity,
	resources,
	userinfo,
	versionsList,
} from './auth.js';
import {collections, collectionsRetrieve} from './collections.js';
import {composite, compositeBatch} from './composite.js';
import {SfError, notFound} from './errors.js';
import type {Org} from '../org.js';
import type {QueryEngine} from './query.js';
import {handleOAuthEndpoint, isOAuthEndpoint} from '../oauth/oauth-routes.js';
import {deleted, updated} from './replication.js';
import {describe, methodNotAllowed, sobjectRoot, sobjectRow} from './rows.js';
import type {RowCtx} from './rows.js';
import {OBJECTS, objectDef} from '../records/schema.js';

export type ApiContext = {org: Org; engine: QueryEngine};
/** `calls`: API calls to count; `authenticated`: add Sforce-Limit-Info (§0: every authenticated response). */
export type RouteResult = {response: ApiResponse; calls: number; authenticated: boolean};

const READ_ONLY = ['GET', 'HEAD'];
const VERSION_RE = /^\/services\/data\/v(\d+)\.(\d)(\/.*)?$/;

export function routeApi(ctx: ApiContext, req: ApiRequest): RouteResult {
	const {org} = ctx;
	const path = req.path.replace(/\/+$/, '') || '/';
	if (path === '/services/data')
		return {
			response: READ_ONLY.includes(req.method) ? versionsList() : refuseMethod(req.method, READ_ONLY),
			calls: 0,
			authenticated: false,
		};
	// §13.1 OAuth token/revoke: unauthenticated, never API calls (oauth-routes.ts).
	if (isOAuthEndpoint(path)) return {response: handleOAuthEndpoint(org, req), calls: 0, authenticated: false};
	if (path === '/services/oauth2/userinfo' || path.startsWith('/id/')) return identityRoute(ctx, req, path);
	const m = VERSION_RE.exec(req.path);
	const major = Number(m?.[1]);
	// §14.7: a retired version is 410 GONE (body UNCONFIRMED: errorCode GONE as restforce/restforce#941 met it),
	// before any session check, never counted.
	if (m && m[2] === '0' && major >= OLDEST_RETIRED_VERSION && major < MIN_VERSION)
		return {response: retiredVersion(`${major}.0`), calls: 0, authenticated: false};
	if (!m || m[2] !== '0' || major < MIN_VERSION || major > MAX_VERSION)
		return {response: errorResponse(notFound()), calls: 0, authenticated: false};
	const auth = authenticate(org, req);
	if (!auth.ok) return {response: auth.response, calls: 0, authenticated: false};
	// §6: 403 REQUEST_LIMIT_EXCEEDED once the trailing-24h allowance is spent (the refused call is not counted).
	if (org.usage.exhausted())
		return {
			response: errorResponse(new SfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')),
			calls: 0,
			authenticated: true,
		};
	const sub = (m[3] ?? '').replace(/\/+$/, '');
	if (sub === '/composite/batch' && req.method === 'POST') {
		try {
			const {response, subrequests} = compositeBatch(req, s => dispatchData(ctx, s, auth.session.userId));
			return {response, calls: Math.max(1, subrequests), authenticated: true};
		} catch (e) {
			return {response: toResponse(e), calls: 1, authenticated: true};
		}
	}
	return {response: dispatchData(ctx, req, auth.session.userId), calls: 1, authenticated: true};
}

function retiredVersion(version: string): ApiResponse {
	return json(410, [
		{errorCode: 'GONE', message: `API version ${version} has been retired and is no longer available`},
	]);
}

function identityRoute(ctx: ApiContext, req: ApiRequest, path: string): RouteResult {
	const {org} = ctx;
	const auth = authenticate(org, req);
	if (!auth.ok) return {response: auth.response, calls: 0, authenticated: false};
	const user = org.user(auth.session.userId);
	if (!user) return {response: errorResponse(notFound()), calls: 0, authenticated: false};
	if (path === '/services/oauth2/userinfo') return {response: userinfo(org, req, user), calls: 0, authenticated: false};
	const [, , orgPart, userPart] = path.split('/');
	// The identity URL is only valid for the session's own org and user (UNCONFIRMED: 403 body on a real org).
	if (orgPart?.slice(0, 15) !== org.orgId15 || userPart?.slice(0, 15) !== user.id.slice(0, 15)) {
		return {response: json(403, 'Bad_Id'), calls: 0, authenticated: false};
	}
	return {response: identity(org, req, user), calls: 0, authenticated: false};
}

function toResponse(e: unknown): ApiResponse {
	if (e instanceof SfError) return errorResponse(e);
	const message = e instanceof Error ? e.message : String(e);
	return json(500, [{message: `An unexpected error occurred: ${message}`, errorCode: 'UNKNOWN_EXCEPTION'}]);
}

/** Authenticated data resources under `/services/data/vXX.X`; also the target of composite subrequests. */
export function dispatchData(ctx: ApiContext, req: ApiRequest, userId: string): ApiResponse {
	try {
		return dispatchInner(ctx, req, userId);
	} catch (e) {
		return toResponse(e);
	}
}

function batchSizeOf(req: ApiRequest): number | undefined {
	const m = /batchSize\s*=\s*(\d+)/i.exec(req.headers['sforce-query-options'] ?? '');
	return m ? Number(m[1]) : undefined;
}

function dispatchInner(ctx: ApiContext, asked: ApiRequest, userId: string): ApiResponse {
	const {org, engine} = ctx;
	const m = VERSION_RE.exec(asked.path);
	if (!m) throw notFound();
	const version = `${m[1] ?? MAX_VERSION}.0`;
	const parts = (m[3] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
	// api-methods.ts: unknown resources are 404, wrong methods 405; HEAD is answered as GET (Node drops the body).
	const allowed = allowedMethods(parts, name => objectDef(name) !== undefined);
	if (!allowed) throw notFound();
	if (!allowed.includes(asked.method)) return refuseMethod(asked.method, allowed);
	const req = asked.method === 'HEAD' ? {...asked, method: 'GET'} : asked;
	const rctx: RowCtx = {org, req, version, userId};
	const [head, a, b, c] = parts;
	if (head === undefined) return resources(org, req, version, userId);
	switch (head) {
		case 'limits':
			return limits(org);
		case 'query':
		case 'queryAll': {
			if (req.method !== 'GET') return methodNotAllowed(req.method, ['GET', 'HEAD']);
			const batchSize = batchSizeOf(req);
			// §2.1: `/query/<locator>` serves both; jsforce always re-requests through /query/ even for queryAll.
			if (a !== undefined) return json(200, engine.more(a, {userId, version, ...(batchSize ? {batchSize} : {})}));
			const q = req.query.get('q');
			return json(
				200,
				engine.run(q ?? '', {all: head === 'queryAll', userId, version, ...(batchSize ? {batchSize} : {})}),
			);
		}
		case 'sobjects': {
			if (a === undefined)
				return json(200, {
					encoding: 'UTF-8',
					maxBatchSize: 200,
					sobjects: OBJECTS.map(o => ({
						name: o.name,
						keyPrefix: o.keyPrefix,
						queryable: true,
						replicateable: true,
						urls: {sobject: `/services/data/v${version}/sobjects/${o.name}`},
					})),
				});
			const def = objectDef(a);
			if (!def) throw notFound();
			if (b === undefined) return sobjectRoot(rctx, def);
			if (c !== undefined) throw notFound();
			if (b === 'describe') return describe(rctx, def);
			if (b === 'updated' || b === 'deleted') {
				if (def.name !== 'Task')
					throw new SfError(400, 'INVALID_TYPE', `sObject type '${def.name}' is not replicable by the local org`);
				return b === 'updated' ? updated(rctx) : deleted(rctx);
			}
			return sobjectRow(rctx, def, b);
		}
		case 'composite': {
			// REST:resources_composite_composite_get: GET lists the composite resources (tree and graph are 404 here).
			if (a === undefined && req.method === 'GET')
				return json(200, {
					tree: `/services/data/v${version}/composite/tree`,
					batch: `/services/data/v${version}/composite/batch`,
					sobjects: `/services/data/v${version}/composite/sobjects`,
					graph: `/services/data/v${version}/composite/graph`,
				});
			if (a === undefined && req.method === 'POST')
				return composite(req, s => dispatchData(ctx, s, userId), {begin: () => beginTx(org)});
			if (a === 'sobjects' && b === undefined) return collections(rctx);
			if (a === 'sobjects' && b !== undefined) return collectionsRetrieve(rctx, b);
			throw notFound();
		}
		default:
			throw notFound();
	}
}

/** Snapshot of the Task table and recycle bin, for `/composite` allOrNone rollback. */
function beginTx(org: Org): () => void {
	const rows = new Map(org.store.table('Task'));
	const bin = new Map(org.tasks.recycleBin);
	return () => {
		for (const id of [...org.store.table('Task').keys()]) if (!rows.has(id)) org.store.remove('Task', id);
		for (const row of rows.values()) org.store.put('Task', row);
		org.tasks.recycleBin.clear();
		for (const [k, v] of bin) org.tasks.recycleBin.set(k, v);
	};
}

/** `GET /limits` (§6); DailyApiRequests mirrors the Sforce-Limit-Info window; other figures are static. */
function limits(org: Org): ApiResponse {
	// +1: this /limits call is counted after it is answered, but its own Sforce-Limit-Info includes it.
	const {limit} = org.apiUsage();
	const used = org.apiUsage().used + 1;
	const fixed = (max: number): {Max: number; Remaining: number} => ({Max: max, Remaining: max});
	return json(200, {
		ConcurrentAsyncGetReportInstances: fixed(200),
		ConcurrentSyncReportRuns: fixed(20),
		DailyApiRequests: {Max: limit, Remaining: Math.max(0, limit - used)},
		DailyAsyncApexExecutions: fixed(250000),
		DailyBulkApiBatches: fixed(15000),
		DailyBulkV2QueryFileStorageMB: fixed(976562),
		DailyBulkV2QueryJobs: fixed(10000),
		DailyDurableStreamingApiEvents: fixed(10000),
		DailyGenericStreamingApiEvents: fixed(10000),
		DailyStreamingApiEvents: fixed(10000),
		DataStorageMB: {Max: 5, Remaining: 5},
		FileStorageMB: {Max: 20, Remaining: 20},
		HourlyODataCallout: fixed(10000),
		HourlyTimeBasedWorkflow: fixed(50),
		MassEmail: fixed(10),
		SingleEmail: fixed(15),
	});
}
