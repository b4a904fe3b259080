import {expect, test} from 'vitest';
import {
	classify,
	classifyCode,
	describeRecordError,
	isGone,
	MalformedResponseError,
	SalesforceApiError,
} from './errors.js';

test('R19: transient failures are pinned', () => {
	for (const code of [
		'UNABLE_TO_LOCK_ROW',
		'SERVER_UNAVAILABLE',
		'ERROR_HTTP_503',
		'ERROR_HTTP_500',
		'NETWORK_ERROR',
		'ECONNRESET',
		'TIMEOUT',
	]) {
		expect(classifyCode(code), code).toBe('transient');
	}

	expect(classify(new SalesforceApiError('WHATEVER', 'x', {status: 502}))).toBe('transient');
	expect(classify(new SalesforceApiError('ERROR_HTTP_503', 'HTTP response contains html content.'))).toBe('transient');
	expect(classify(new MalformedResponseError('bad'))).toBe('transient');
	expect(classify(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}))).toBe('transient');
	expect(classify(new TypeError('fetch failed'))).toBe('transient');
});

test('R20: session problems are auth', () => {
	expect(classify(new SalesforceApiError('INVALID_SESSION_ID', 'Session expired or invalid', {status: 401}))).toBe(
		'auth',
	);
	expect(classifyCode('SOMETHING', 401)).toBe('auth');
});

test('R21: the daily limit is its own class; 412 is a conflict', () => {
	expect(
		classify(new SalesforceApiError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', {status: 403})),
	).toBe('limit');
	expect(classifyCode('PRECONDITION_FAILED')).toBe('conflict');
});

test('R19: record-level refusals are permanent, with a readable message and hint', () => {
	for (const code of [
		'STRING_TOO_LONG',
		'INSUFFICIENT_ACCESS_OR_READONLY',
		'FIELD_CUSTOM_VALIDATION_EXCEPTION',
		'INVALID_FIELD',
	]) {
		expect(classifyCode(code), code).toBe('permanent');
	}

	const described = describeRecordError('STRING_TOO_LONG', 'Subject: data value too large');
	expect(described.message).toMatch(/refused/);
	expect(described.hint).toMatch(/Shorten/);
	expect(describeRecordError('X', 'y'.repeat(2000)).message.length).toBeLessThan(600);
});

test('R14: a Task that is already gone counts as deleted', () => {
	expect(isGone('ENTITY_IS_DELETED')).toBe(true);
	expect(isGone('NOT_FOUND')).toBe(true);
	expect(isGone('STRING_TOO_LONG')).toBe(false);
});
