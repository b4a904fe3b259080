// The request/response model shared by the REST routes, so `/composite` and `/composite/batch` can
// dispatch subrequests in-process exactly as the HTTP layer would.

import {SfError} from './errors.js';

export type ApiRequest = {
	method: string;
	/** Path without query string, e.g. `/services/data/v62.0/query`. */
	path: string;
	query: URLSearchParams;
	/** Lower-cased header names. */
	headers: Record<string, string | undefined>;
	body: string;
	/** `http://127.0.0.1:1234` or `https://tickler-demo.my.salesforce.com`: absolute URLs use the host the request came in under. */
	origin: string;
};

export type ApiResponse = {status: number; headers: Record<string, string>; body: string | undefined};

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
	return {status, headers: {'Content-Type': JSON_TYPE, ...headers}, body: JSON.stringify(value)};
}

/** §0: 204 has no body and no Content-Type. */
export function noContent(headers: Record<string, string> = {}): ApiResponse {
	return {status: 204, headers, body: undefined};
}

export function errorResponse(e: SfError, headers: Record<string, string> = {}): ApiResponse {
	return json(e.status, [e.toBody()], headers);
}

/** Parses a JSON request body; malformed JSON is 400 JSON_PARSER_ERROR (§2.6, ATT). */
export function parseBody(req: Pick<ApiRequest, 'body'>): unknown {
	try {
		return JSON.parse(req.body) as unknown;
	} catch (e) {
		throw new SfError(400, 'JSON_PARSER_ERROR', `Unexpected character: ${e instanceof Error ? e.message : String(e)}`);
	}
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Absolute origin for a request: Host header + protocol (X-Forwarded-Proto, or https for Salesforce hosts). */
export function originOf(host: string | undefined, forwardedProto: string | undefined, fallback: string): string {
	if (!host) return fallback;
	const bare = host.split(':')[0] ?? host;
	const https = forwardedProto
		? forwardedProto.split(',')[0]?.trim() === 'https'
		: /\.(salesforce|force)\.com$/i.test(bare);
	return `${https ? 'https' : 'http'}://${host}`;
}
