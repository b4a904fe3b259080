// `/composite` (≤25 subrequests, `@{ref.field}` references, allOrNone, one API call) and `/composite/batch`
// (≤25 subrequests, haltOnError, one API call per subrequest) — salesforce-facts.md §5.2, §5.3.

import {isObject, json, parseBody} from './api-types.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import {SfError} from './errors.js';

export type SubDispatch = (sub: ApiRequest) => ApiResponse;
const MAX_SUBREQUESTS = 25;

const HALTED = [
	{
		errorCode: 'PROCESSING_HALTED',
		message: 'The transaction was rolled back since another operation in the same transaction failed.',
	},
];

/** Resolves `@{ref.path}` (e.g. `@{t1.id}`, `@{q1.records[0].Id}`) against earlier subrequest bodies. */
function resolveRefs(text: string, results: Map<string, unknown>): string {
	return text.replace(/@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g, (whole, ref: string, path: string) => {
		if (!results.has(ref))
			throw new SfError(
				400,
				'PROCESSING_HALTED',
				`Invalid reference specified. No value for ${ref}${path} found in ${ref}. Provided referenceId ('${ref}') doesn't exist.`,
			);
		let v: unknown = results.get(ref);
		for (const m of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
			if (m[1] !== undefined) v = isObject(v) ? v[m[1]] : undefined;
			else v = Array.isArray(v) ? (v as unknown[])[Number(m[2])] : undefined;
		}
		if (v === undefined || v === null || typeof v === 'object') {
			throw new SfError(
				400,
				'PROCESSING_HALTED',
				`Invalid reference specified. No value for ${whole.slice(2, -1)} found in ${ref}. Provided referenceId ('${ref}') doesn't exist.`,
			);
		}
		return typeof v === 'string' ? v : JSON.stringify(v);
	});
}

function subRequest(parent: ApiRequest, method: string, url: string, body: unknown, headers: unknown): ApiRequest {
	const u = new URL(url, 'http://x');
	const h: Record<string, string | undefined> = {authorization: parent.headers['authorization']};
	if (isObject(headers))
		for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') h[k.toLowerCase()] = v;
	return {
		method: method.toUpperCase(),
		path: u.pathname,
		query: u.searchParams,
		headers: h,
		body: body === undefined ? '' : JSON.stringify(body),
		origin: parent.origin,
	};
}

function bodyOf(r: ApiResponse): unknown {
	return r.body === undefined ? null : (JSON.parse(r.body) as unknown);
}

/**
 * `POST /composite`. With allOrNone, a failure rolls back earlier writes (`rollback()`) and every other
 * subrequest reports PROCESSING_HALTED (§5.2).
 */
export function composite(req: ApiRequest, dispatch: SubDispatch, tx: {begin: () => () => void}): ApiResponse {
	const body = parseBody(req);
	if (!isObject(body) || !Array.isArray(body['compositeRequest']))
		throw new SfError(400, 'JSON_PARSER_ERROR', 'compositeRequest is required');
	const subs = body['compositeRequest'] as unknown[];
	if (subs.length > MAX_SUBREQUESTS)
		throw new SfError(400, 'LIMIT_EXCEEDED', `Limit Exceeded: A maximum of ${MAX_SUBREQUESTS} subrequests is allowed`);
	const allOrNone = body['allOrNone'] === true;
	const rollback = allOrNone ? tx.begin() : undefined;
	const results = new Map<string, unknown>();
	const out: {body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string}[] = [];
	let failedAt = -1;
	for (const [k, s] of subs.entries()) {
		if (
			!isObject(s) ||
			typeof s['url'] !== 'string' ||
			typeof s['method'] !== 'string' ||
			typeof s['referenceId'] !== 'string'
		) {
			throw new SfError(400, 'JSON_PARSER_ERROR', 'Each subrequest needs method, url and referenceId');
		}
		const referenceId = s['referenceId'];
		if (failedAt >= 0 && allOrNone) {
			out.push({body: HALTED, httpHeaders: {}, httpStatusCode: 400, referenceId});
			continue;
		}
		let res: ApiResponse;
		try {
			const url = resolveRefs(s['url'], results);
			const subBody =
				s['body'] === undefined ? undefined : (JSON.parse(resolveRefs(JSON.stringify(s['body']), results)) as unknown);
			res = dispatch(subRequest(req, s['method'], url, subBody, s['httpHeaders']));
		} catch (e) {
			if (!(e instanceof SfError)) throw e;
			res = json(e.status, [e.toBody()]);
		}
		const b = bodyOf(res);
		results.set(referenceId, b);
		const httpHeaders: Record<string, string> = {};
		if (res.headers['Location']) httpHeaders['Location'] = res.headers['Location'];
		out.push({body: b, httpHeaders, httpStatusCode: res.status, referenceId});
		if (res.status >= 400 && failedAt < 0) failedAt = k;
	}
	if (allOrNone && failedAt >= 0) {
		rollback?.();
		for (const [k, o] of out.entries())
			if (k < failedAt) Object.assign(o, {body: HALTED, httpHeaders: {}, httpStatusCode: 400});
	}
	return json(200, {compositeResponse: out});
}

/** `POST /composite/batch`: URLs start at the version (`v62.0/...`); haltOnError → 412 BATCH_PROCESSING_HALTED. */
export function compositeBatch(req: ApiRequest, dispatch: SubDispatch): {response: ApiResponse; subrequests: number} {
	const body = parseBody(req);
	if (!isObject(body) || !Array.isArray(body['batchRequests']))
		throw new SfError(400, 'JSON_PARSER_ERROR', 'batchRequests is required');
	const subs = body['batchRequests'] as unknown[];
	if (subs.length > MAX_SUBREQUESTS)
		throw new SfError(400, 'LIMIT_EXCEEDED', `Limit Exceeded: A maximum of ${MAX_SUBREQUESTS} subrequests is allowed`);
	const halt = body['haltOnError'] === true;
	let hasErrors = false;
	const results = subs.map(s => {
		if (!isObject(s) || typeof s['url'] !== 'string' || typeof s['method'] !== 'string')
			throw new SfError(400, 'JSON_PARSER_ERROR', 'Each batch request needs method and url');
		if (hasErrors && halt)
			return {
				statusCode: 412,
				result: [{errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request'}],
			};
		const url = '/services/data/' + s['url'].replace(/^\/+/, '').replace(/^services\/data\//, '');
		let res: ApiResponse;
		try {
			res = dispatch(subRequest(req, s['method'], url, s['richInput'], undefined));
		} catch (e) {
			if (!(e instanceof SfError)) throw e;
			res = json(e.status, [e.toBody()]);
		}
		if (res.status >= 400) hasErrors = true;
		return {statusCode: res.status, result: bodyOf(res)};
	});
	return {response: json(200, {hasErrors, results}), subrequests: subs.length};
}
