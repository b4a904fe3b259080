/** The ends of a cycle, pure: what each failure class makes of the status (R7, R19–R21, R28, R40), and the status after. */
import {describe, expect, test} from 'vitest';
import {OAuthReconnectNeededError, SalesforceApiError} from '@/background/salesforce/errors.js';
import {SYNC_STATUS_COPY as MESSAGES} from '@/shared/copy.js';
import {LOCAL_FAILURE_TEXT} from '@/shared/store/storage-errors.js';
import {partitionFixture} from '../../../test/fakes/partition.js';
import {SyncDisabledError} from './cycle-context.js';
import {failureStatus, statusAfter} from './cycle-end.js';

const backoff = {attempt: 2, until: 1_000};
const quota = Object.assign(new Error('quota'), {name: 'QuotaExceededError'});

describe('failureStatus: one end per failure class', () => {
	test('R40: this computer’s storage failed: failed, said in plain words, backing off, logged', () => {
		expect(failureStatus(quota, backoff)).toEqual({
			outcome: 'failed',
			status: {phase: 'idle', message: LOCAL_FAILURE_TEXT['storage-full'], localFailure: 'storage-full', backoff},
			localFailure: 'storage-full',
			recorded: {code: 'storage-full', message: 'local storage'},
			log: {level: 'error', event: 'sync cycle: local storage failure', data: {kind: 'storage-full'}},
		});
	});

	test('R7: sync switched off mid-cycle is a quiet stop: skipped, off, nothing recorded or logged', () => {
		expect(failureStatus(new SyncDisabledError('off'), backoff)).toEqual({
			outcome: 'skipped',
			skipped: 'disabled',
			status: {phase: 'off'},
		});
	});

	test('R20: an expired session pauses until a valid one comes; R28: what only the rep can fix says so', () => {
		const expired = failureStatus(new SalesforceApiError('INVALID_SESSION_ID', 'x', {status: 401}), backoff);
		expect(expired).toMatchObject({
			outcome: 'paused',
			status: {phase: 'paused', pauseReason: 'session-expired', message: MESSAGES.signIn},
			log: {level: 'info', data: {reason: 'session-expired'}},
		});
		expect(expired.status.backoff).toBeUndefined();
		expect(failureStatus(new OAuthReconnectNeededError('Reconnect to Salesforce'), backoff)).toMatchObject({
			outcome: 'paused',
			status: {phase: 'paused', pauseReason: 'reconnect'},
		});
	});

	test('R21: the org’s API limit pauses with a backoff', () => {
		const limit = new SalesforceApiError('REQUEST_LIMIT_EXCEEDED', 'x', {status: 403});
		expect(failureStatus(limit, backoff)).toEqual({
			outcome: 'paused',
			status: {phase: 'paused', pauseReason: 'api-limit', message: MESSAGES.limitExceeded, backoff},
			recorded: {code: 'REQUEST_LIMIT_EXCEEDED', message: 'limit'},
		});
	});

	test('R19: a transient failure backs off quietly; a refusal says Salesforce’s words and is logged', () => {
		const transient = failureStatus(new SalesforceApiError('SERVER_UNAVAILABLE', 'down', {status: 503}), backoff);
		expect(transient).toEqual({
			outcome: 'failed',
			status: {phase: 'idle', message: MESSAGES.retrying, backoff},
			recorded: {code: 'SERVER_UNAVAILABLE', message: 'transient'},
		});
		const refused = failureStatus(new SalesforceApiError('ERROR_HTTP_404', 'Not here', {status: 404}), backoff);
		expect(refused).toMatchObject({outcome: 'failed', status: {phase: 'idle', message: 'Not here', backoff}});
		expect(refused.log).toMatchObject({level: 'error', event: 'sync cycle failed'});
	});
});

describe('statusAfter', () => {
	const before = partitionFixture({
		status: {
			phase: 'syncing',
			budget: 'normal',
			backoff,
			pauseReason: 'api-limit',
			message: 'old',
			localFailure: 'storage-full',
		},
	});

	test('R19/R40: an OK end clears the backoff, the pause, the message and an earlier local failure', () => {
		expect(statusAfter(before, {outcome: 'ok', status: {phase: 'idle', lastSyncAt: 5}}, 'normal')).toEqual({
			phase: 'idle',
			budget: 'normal',
			lastSyncAt: 5,
		});
	});

	test('R21: an OK end near the allowance says so; R7: a partition turned off meanwhile stays off', () => {
		expect(statusAfter(before, {outcome: 'ok', status: {phase: 'idle'}}, 'slow').message).toBe(MESSAGES.slow);
		const off = statusAfter({...before, enabled: false}, {outcome: 'ok', status: {phase: 'idle'}}, 'normal');
		expect(off.phase).toBe('off');
	});

	test('R40: a failed end keeps what it says, and the local failure it is', () => {
		const end = failureStatus(quota, backoff);
		expect(statusAfter(before, end, 'normal')).toMatchObject({
			phase: 'idle',
			localFailure: 'storage-full',
			backoff,
			message: LOCAL_FAILURE_TEXT['storage-full'],
		});
	});
});
