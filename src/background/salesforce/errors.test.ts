import {expect, test} from 'vitest';
import {
	authPause,
	classify,
	isApiAccessRefused,
	isRecordFault,
	classifyCode,
	describeRecordError,
	isGone,
	MalformedResponseError,
	SalesforceApiError,
} from './errors.js';
import {SYNC_STATUS_COPY} from '@/shared/copy.js';

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
	expect(classifyCode('ERROR_HTTP_429', 429)).toBe('transient');
	expect(classifyCode('ERROR_HTTP_408', 408)).toBe('transient');
	expect(classifyCode('HTML_RESPONSE', 200)).toBe('transient');
});

test('R19: the words of a message never decide the class; only the code and the status do', () => {
	// Salesforce's messages quote the rep's own values: a reminder named "network timed out" is not a timeout.
	for (const message of ['HTTP response contains html content.', 'socket hang up', 'fetch failed', 'timed out']) {
		expect(classify(new SalesforceApiError('STRING_TOO_LONG', message, {status: 400})), message).toBe('permanent');
		expect(classify(new Error(message)), message).toBe('permanent');
	}

	// The one exception (errors.ts isApiAccessRefused): the same INVALID_SESSION_ID, told apart by its message.
	const refused = new SalesforceApiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API', {
		status: 401,
	});
	expect(isApiAccessRefused(refused)).toBe(true);
	expect(isApiAccessRefused(new SalesforceApiError('INVALID_SESSION_ID', 'Session expired or invalid'))).toBe(false);
});

test('R39: only a 400 that says nothing about Salesforce itself is a fault of the records sent', () => {
	const at = (code: string, status?: number) => new SalesforceApiError(code, 'x', status === undefined ? {} : {status});
	for (const code of ['JSON_PARSER_ERROR', 'INVALID_FIELD', 'STRING_TOO_LONG', 'MALFORMED_ID', 'INVALID_TYPE'])
		expect(isRecordFault(at(code, 400)), code).toBe(true);
	expect(isRecordFault(at('MULTIPLE_API_ERRORS', 400))).toBe(true);
	// Not about the records: a lock (transient), the session, the limit, permissions, a 5xx, no answer.
	expect(isRecordFault(at('UNABLE_TO_LOCK_ROW', 400))).toBe(false);
	expect(isRecordFault(at('INVALID_SESSION_ID', 401))).toBe(false);
	expect(isRecordFault(at('REQUEST_LIMIT_EXCEEDED', 403))).toBe(false);
	expect(isRecordFault(at('INSUFFICIENT_ACCESS', 403))).toBe(false);
	expect(isRecordFault(at('ERROR_HTTP_404', 404))).toBe(false);
	expect(isRecordFault(at('SERVER_UNAVAILABLE', 503))).toBe(false);
	expect(isRecordFault(at('NETWORK_ERROR'))).toBe(false);
	expect(isRecordFault(new Error('JSON_PARSER_ERROR'))).toBe(false);
});

test('R20: a moved org pauses with its own plain message; a login redirect is an expired session', () => {
	const moved = new SalesforceApiError('ORG_MOVED', 'x', {status: 301});
	expect(classify(moved)).toBe('auth');
	expect(authPause(moved)).toEqual({pauseReason: 'org-moved', message: SYNC_STATUS_COPY.orgMoved});
	const login = new SalesforceApiError('LOGIN_REDIRECT', 'x', {status: 302});
	expect(classify(login)).toBe('auth');
	expect(authPause(login)).toBeUndefined();
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

test('R19: a refusal is one sentence of what happened and one of what to do in Tickler, never run together', () => {
	const described = describeRecordError(
		'FIELD_CUSTOM_VALIDATION_EXCEPTION',
		'Related To is required for tasks in this org',
	);
	expect(described.message).toBe('Salesforce refused this change: Related To is required for tasks in this org.');
	expect(described.hint).toMatch(/^Open the Task in Salesforce .*, then Retry\. Or delete the reminder\.$/);
	expect(describeRecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [WhatId]').hint).toMatch(
		/^Open the Task in Salesforce/,
	);
	expect(describeRecordError('X', 'Already a sentence.').message).toBe(
		'Salesforce refused this change: Already a sentence.',
	);
});
