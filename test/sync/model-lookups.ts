/**
 * The model's oversized lookups (R55, issue 19): one write gives the rep more Tasks than one access lookup
 * carries (ACCESS_CHUNK ids), so the reconciliation that follows (R15, weekly) must split its lookup; and on
 * every run, every request the org saw must fit Salesforce's limit on address + headers with a browser's
 * headers added (the model's requests carry node-fetch's few; browser-like-proxy.ts lists Chromium's), and
 * none may have been refused for its size (the local org answers 431/414 as Salesforce does).
 */
import {ACCESS_CHUNK} from '@/background/sync/access.js';
import {MAX_REQUEST_HEAD_BYTES} from '../org/api/request-size.js';
import {CHROMIUM_FETCH_HEADERS} from './browser-like-proxy.js';
import type {Harness} from './harness.js';
import type {Model} from './model-actions.js';
import {recordTask} from './model-recurrence.js';

export type LookupMove = {kind: 'sfMany'; extra: number};

/** What a browser adds to a request, counted in full (node-fetch's own few headers are not taken off). */
const BROWSER_HEADER_BYTES = Object.entries(CHROMIUM_FETCH_HEADERS).reduce(
	(sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${value}\r\n`, 'latin1'),
	0,
);

/** One write of ACCESS_CHUNK + `extra` Tasks for the rep (an import, a mass reassignment to them). */
export function createMany(h: Harness, model: Model, move: LookupMove): void {
	h.org.tasks.oneWrite(() => {
		for (let i = 0; i < ACCESS_CHUNK + move.extra; i++) {
			const task = h.org.tasks.create(h.org.users.admin.id, {Subject: `SF many ${i}`, OwnerId: h.repId});
			recordTask(model, task);
		}
	});
	h.org.changed();
	model.many = true;
}

/** The lookups (queryAll GETs) the org answered from `since` on in its request log. */
export function lookupsSince(h: Harness, since: number): number {
	return h.org.requests.slice(since).filter(r => r.method === 'GET' && r.path.endsWith('/queryAll')).length;
}

/** R55 over the whole run: nothing refused for its size, and room left for a browser's headers on each. */
export function checkRequestSizes(h: Harness, fail: (message: string) => never): void {
	for (const request of h.org.requests) {
		if (request.status === 414 || request.status === 431)
			fail(`R55: ${request.method} ${request.path} was refused for its size (${request.status})`);
		const bytes = (request.headBytes ?? 0) + BROWSER_HEADER_BYTES;
		if (bytes > MAX_REQUEST_HEAD_BYTES)
			fail(`R55: ${request.method} ${request.path} would be ${bytes} bytes with a browser's headers`);
	}
}
