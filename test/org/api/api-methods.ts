// Which data resources under `/services/data/vXX.X` exist and which HTTP methods each accepts (issue 9: "what
// the local org does not support it refuses"). routes.ts consults this before dispatching, so an unknown path
// is 404 NOT_FOUND and a known path with a wrong method is 405 METHOD_NOT_ALLOWED — never answered as if it
// were another method. The table is the one in docs/local-org.md, "What the local org refuses".
//
// Sources for the 405 shape (responses recorded from real orgs in public issue threads):
// - body `[{"errorCode":"METHOD_NOT_ALLOWED","message":"HTTP Method 'PATCH' not allowed. Allowed are HEAD,GET,POST"}]`
//   for `/sobjects/<Object>` (omniphx/forrest#191, simple-salesforce/simple-salesforce#157);
// - "HTTP Method 'POST' not allowed. Allowed are HEAD,GET,PATCH,DELETE" for `/sobjects/<Object>/<id>`
//   (restforce/restforce#134), with the response header `Allow: HEAD,GET,PATCH,DELETE` (omniphx/forrest#59);
// - "HTTP Method 'GET' not allowed. Allowed are POST" for a POST-only resource (xjsender/haoide#142).
// The method order of the other resources, and the `Allow` header on them, are UNCONFIRMED (same style).

import {json} from './api-types.js';
import type {ApiResponse} from './api-types.js';

/** GET resources also answer HEAD (REST:errorcodes: "200 OK success code, for GET or HEAD request"). */
const READ = ['GET', 'HEAD'];

/**
 * The methods a resource accepts, from its path segments after `/services/data/vXX.X`, or `undefined` when
 * the local org has no such resource (→ 404). `isObject` says whether an sObject name is known.
 */
export function allowedMethods(parts: readonly string[], isObject: (name: string) => boolean): string[] | undefined {
	const [head, a, b, c] = parts;
	if (parts.length > 4) return undefined;
	switch (head) {
		case undefined: // resources by version
			return READ;
		case 'limits':
			return a === undefined ? READ : undefined;
		case 'query':
		case 'queryAll': // `/query` and `/query/<locator>` (§2.1)
			return b === undefined ? READ : undefined;
		case 'sobjects':
			if (a === undefined) return READ; // describe global
			if (!isObject(a)) return undefined;
			if (b === undefined) return ['HEAD', 'GET', 'POST'];
			if (c !== undefined) return undefined;
			if (b === 'describe' || b === 'updated' || b === 'deleted') return READ;
			return ['HEAD', 'GET', 'PATCH', 'DELETE'];
		case 'composite':
			if (a === undefined) return ['GET', 'HEAD', 'POST']; // GET lists the composite resources
			if (a === 'batch') return b === undefined ? ['POST'] : undefined;
			if (a === 'sobjects') {
				if (b === undefined) return ['POST', 'PATCH', 'DELETE'];
				return c === undefined ? ['GET', 'POST'] : undefined;
			}
			return undefined; // composite/tree, composite/graph: not emulated
		default:
			return undefined;
	}
}

/** 405 in the recorded shape, `errorCode` first, with the `Allow` header. */
export function methodNotAllowed(method: string, allowed: readonly string[]): ApiResponse {
	const list = allowed.join(',');
	return json(
		405,
		[{errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${list}`}],
		{
			Allow: list,
		},
	);
}
