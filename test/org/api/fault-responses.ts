// Answers for the fault kinds that are not JSON errors (issue 11, R19/R39), kept out of http.ts:
// - `maintenance`: 503 with a long HTML page served as `text/html;charset=UTF-8`. salesforce-facts.md §6: during
//   maintenance the body "may be HTML"; the exact page and content type are UNCONFIRMED. With a charset
//   parameter jsforce does not recognise it as HTML and keeps the whole page as the error message (§0).
// - `html404`: 404 with an HTML "page not found" (e.g. an address where no org lives). UNCONFIRMED body.
// - `moved`: 301 to the same path on another My Domain host, as when "Redirect previous My Domain URLs to your
//   current My Domain" is on after a My Domain change (Salesforce Help `xcloud.domain_name_redirections_manage`;
//   the status code, 301 or 302, is UNCONFIRMED).
// - `loginRedirect`: 302 to the org's own login page (`/?ec=302&startURL=…`), as Salesforce does for a browser
//   request without a session (UNCONFIRMED for API paths; the REST API answers 401 JSON, §1.1).
// - `refuseRequestsWith`: a whole sObject Collections write refused for one record's value. §5.1: "A request
//   that is malformed as a whole gets 400 with the standard error array" — e.g. JSON_PARSER_ERROR for a value
//   Salesforce cannot deserialize, which it reports for the request, not the record (exact cases UNCONFIRMED).
import {json} from './api-types.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import type {FaultKind, RequestRefusal} from './faults.js';

/** The My Domain host the `moved` fault sends clients to. */
export const MOVED_TO_HOST = 'moved-org.my.salesforce.com';

const HTML = {'Content-Type': 'text/html;charset=UTF-8'};

function page(title: string, text: string, padding: number): string {
	// Real pages carry styles and scripts: the padding makes the body thousands of characters long.
	const filler = `<!-- ${'maintenance page markup '.repeat(padding)} -->`;
	return `<!DOCTYPE html><html><head><title>${title}</title>${filler}</head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}

/** The response for one of the HTML/redirect kinds, or undefined for every other kind. */
export function htmlFaultResponse(kind: FaultKind | undefined, req: ApiRequest): ApiResponse | undefined {
	const search = req.query.toString();
	const target = search === '' ? req.path : `${req.path}?${search}`;
	switch (kind) {
		case 'maintenance':
			return {
				status: 503,
				headers: HTML,
				body: page(
					'Down for maintenance',
					'Salesforce is down for scheduled maintenance. Please check back soon.',
					200,
				),
			};
		case 'html404':
			return {status: 404, headers: HTML, body: page('Page not found', 'The page you requested does not exist.', 100)};
		case 'moved':
			return {
				status: 301,
				headers: {...HTML, Location: `https://${MOVED_TO_HOST}${target}`},
				body: page('Moved', 'This My Domain has moved.', 10),
			};
		case 'loginRedirect':
			return {
				status: 302,
				headers: {...HTML, Location: `${req.origin}/?ec=302&startURL=${encodeURIComponent(target)}`},
				body: page('Redirecting', 'Sign in to continue.', 10),
			};
		default:
			return undefined;
	}
}

const COLLECTIONS = /^\/services\/data\/v\d+\.\d+\/composite\/sobjects\/?$/;

/** The whole-request refusal for a collections write that carries `refusal.text`, else undefined. */
export function refusedRequest(refusal: RequestRefusal | undefined, req: ApiRequest): ApiResponse | undefined {
	if (!refusal || !COLLECTIONS.test(req.path)) return undefined;
	if (req.method !== 'POST' && req.method !== 'PATCH' && req.method !== 'DELETE') return undefined;
	const carried = req.method === 'DELETE' ? (req.query.get('ids') ?? '') : req.body;
	if (!carried.includes(refusal.text)) return undefined;
	return json(refusal.status ?? 400, [
		{message: refusal.message ?? 'The request was refused as a whole', errorCode: refusal.errorCode},
	]);
}
