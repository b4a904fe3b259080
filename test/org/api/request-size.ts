// R55: the size Salesforce allows a request's address and headers (salesforce-facts.md §14.1). Salesforce
// App Limits Cheatsheet, "API Request Limits and Allocations"
// (developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm):
// "In each REST call, the maximum length for the combined URI and headers is 16,384 bytes. A request
// exceeding this limit returns a 431 Request Header Fields Too Large error. If the URI itself exceeds this
// limit, the request returns a 414 URI Too Long error." The bodies are the ones real orgs sent, captured in
// public issue threads: `<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>` (jsforce/jsforce#1134,
// simple-salesforce/simple-salesforce#271) and `<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too
// Large</pre>` (forcedotcom/SFDX-Data-Move-Utility#649). The org checks this itself, on purpose: node:http's own
// limit (also 16 KB by default) is raised well above it (http.ts), so this check decides, with these answers.
//
// UNCONFIRMED (probe `oversized-request`, docs/local-org.md): which bytes Salesforce counts. The org counts the
// whole request head as sent — the request line and every header line with its CRLF — so it can only be
// stricter than a count of the address and header values alone; and the content type of the answer.

import type {IncomingMessage} from 'node:http';
import type {ApiResponse} from './api-types.js';

export const MAX_REQUEST_HEAD_BYTES = 16_384;

/** The bytes of the request head as it came: request line, header lines and the blank line that ends it. */
export function requestHeadBytes(raw: IncomingMessage): number {
	let bytes = Buffer.byteLength(`${raw.method ?? 'GET'} ${raw.url ?? '/'} HTTP/${raw.httpVersion}\r\n`, 'latin1');
	const h = raw.rawHeaders;
	for (let i = 0; i + 1 < h.length; i += 2)
		bytes += Buffer.byteLength(`${h[i] ?? ''}: ${h[i + 1] ?? ''}\r\n`, 'latin1');
	return bytes + 2;
}

function badMessage(status: 414 | 431, reason: string): ApiResponse {
	return {
		status,
		headers: {'Content-Type': 'text/html;charset=iso-8859-1'},
		body: `<h1>Bad Message ${status}</h1><pre>reason: ${reason}</pre>`,
	};
}

/** 414 when the address alone passes the limit, 431 when address and headers do; undefined when it fits. */
export function oversizedRequest(raw: IncomingMessage, headBytes = requestHeadBytes(raw)): ApiResponse | undefined {
	if (Buffer.byteLength(raw.url ?? '/', 'latin1') > MAX_REQUEST_HEAD_BYTES) return badMessage(414, 'URI Too Long');
	if (headBytes > MAX_REQUEST_HEAD_BYTES) return badMessage(431, 'Request Header Fields Too Large');
	return undefined;
}
