/** R18: which whole-request failures of a create mean "nothing was created" (the rest stay in doubt). */
import {expect, test} from 'vitest';
import {MalformedResponseError, SalesforceApiError} from '@/background/salesforce/errors.js';
import {SyncDisabledError} from './cycle-context.js';
import {definitelyNotCreated} from './push-send.js';

const http = (status: number) => new SalesforceApiError(`ERROR_HTTP_${status}`, 'x', {status});

test('R18: a 4xx other than 408/429, or sync disabled before sending, is a definite refusal', () => {
	for (const status of [400, 401, 403, 404, 413]) expect(definitelyNotCreated(http(status))).toBe(true);
	expect(definitelyNotCreated(new SalesforceApiError('REQUEST_LIMIT_EXCEEDED', 'x', {status: 403}))).toBe(true);
	expect(definitelyNotCreated(new SyncDisabledError('off'))).toBe(true);
});

test('R18: every 5xx, 408, 429, no status, a malformed answer or an unknown error keeps the create in doubt', () => {
	for (const status of [408, 429, 500, 502, 503, 504]) expect(definitelyNotCreated(http(status))).toBe(false);
	expect(definitelyNotCreated(http(200))).toBe(false);
	expect(definitelyNotCreated(new SalesforceApiError('NETWORK_ERROR', 'socket hang up'))).toBe(false);
	expect(definitelyNotCreated(new MalformedResponseError('Collection response of the wrong length'))).toBe(false);
	expect(definitelyNotCreated(new Error('timeout'))).toBe(false);
});
