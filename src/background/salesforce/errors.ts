/**
 * The Salesforce error taxonomy (R19, R20, R21). Every error code the engine acts on is pinned here and
 * tested in errors.test.ts; nothing else in the code base matches on error strings.
 */
import {RECORD_ERROR_HINTS, recordErrorMessage, SYNC_STATUS_COPY} from '@/shared/copy.js';
import type {PauseReason} from '@/shared/types.js';

export type ErrorClass = 'transient' | 'auth' | 'limit' | 'conflict' | 'permanent';

export class SalesforceApiError extends Error {
	override name = 'SalesforceApiError';
	readonly errorCode: string;
	readonly status: number | undefined;
	readonly fields: string[];
	constructor(errorCode: string, message: string, options: {status?: number; fields?: string[]} = {}) {
		super(message);
		this.errorCode = errorCode;
		this.status = options.status;
		this.fields = options.fields ?? [];
	}
}

/** A response that is not what Salesforce documents; never applied (issue 4 "Bad input"). */
export class MalformedResponseError extends Error {
	override name = 'MalformedResponseError';
}

/**
 * The OAuth refresh token was refused (`invalid_grant`: revoked, expired, or the app's policy changed;
 * salesforce-api.md §13.1): only the rep running the flow again helps (R28 "Reconnect to Salesforce").
 */
export class OAuthReconnectNeededError extends Error {
	override name = 'OAuthReconnectNeededError';
	readonly errorCode = 'OAUTH_RECONNECT_NEEDED';
}

/**
 * R28: the org refuses a browser session for the API (API Access Control, or a session of a non-API
 * context). Salesforce answers with the same errorCode as for an expired session — INVALID_SESSION_ID —
 * and tells the two apart only by the message "This session is not valid for use with the REST API"
 * (salesforce-api.md §1.1 and §13.1; jsforce's isSessionExpired matches the same message to skip its
 * refresh). So this is the one place Tickler matches on a message: refreshing or waiting for a new
 * sign-in cannot help, the rep has to connect with OAuth.
 */
export function isApiAccessRefused(error: unknown): boolean {
	const {code, message} = codeOf(error);
	return code === 'INVALID_SESSION_ID' && /not valid for use with the REST API/i.test(message);
}

/** The pause reason and plain message for an 'auth' error that waiting for a new sign-in would not fix, else undefined (R20 applies). */
export function authPause(error: unknown): {pauseReason: PauseReason; message: string} | undefined {
	if (error instanceof OAuthReconnectNeededError)
		return {pauseReason: 'reconnect', message: SYNC_STATUS_COPY.reconnect};
	if (isApiAccessRefused(error)) return {pauseReason: 'api-access-refused', message: SYNC_STATUS_COPY.apiAccessRefused};
	return undefined;
}

export const TRANSIENT_CODES: readonly string[] = [
	'UNABLE_TO_LOCK_ROW',
	'SERVER_UNAVAILABLE',
	'REQUEST_RUNNING_TOO_LONG',
	'QUERY_TIMEOUT',
	'INVALID_QUERY_LOCATOR',
	'MALFORMED_RESPONSE',
	'NETWORK_ERROR',
	'TIMEOUT',
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'EPIPE',
	'UND_ERR_SOCKET',
	'AbortError',
	'FetchError',
];
export const AUTH_CODES: readonly string[] = [
	'INVALID_SESSION_ID',
	'INVALID_AUTH_HEADER',
	'NO_SESSION',
	'OAUTH_APP_BLOCKED',
	'OAUTH_RECONNECT_NEEDED',
];
export const LIMIT_CODES: readonly string[] = ['REQUEST_LIMIT_EXCEEDED'];
export const CONFLICT_CODES: readonly string[] = ['PRECONDITION_FAILED'];
/** For a Task that is gone, an update or delete counts as done: R14 "a Task that is already gone counts as deleted". */
export const GONE_CODES: readonly string[] = ['ENTITY_IS_DELETED', 'NOT_FOUND', 'INVALID_CROSS_REFERENCE_KEY'];

function codeOf(error: unknown): {code: string; status: number | undefined; message: string} {
	if (error instanceof SalesforceApiError) return {code: error.errorCode, status: error.status, message: error.message};
	if (error instanceof MalformedResponseError)
		return {code: 'MALFORMED_RESPONSE', status: undefined, message: error.message};
	if (error instanceof Error) {
		const withCode = error as Error & {errorCode?: unknown; code?: unknown};
		const code =
			typeof withCode.errorCode === 'string'
				? withCode.errorCode
				: typeof withCode.code === 'string'
					? withCode.code
					: error.name;
		return {code, status: undefined, message: error.message};
	}

	return {code: 'UNKNOWN', status: undefined, message: String(error)};
}

export function errorCode(error: unknown): string {
	return codeOf(error).code;
}

export function classify(error: unknown): ErrorClass {
	const {code, status, message} = codeOf(error);
	return classifyCode(code, status, message);
}

export function classifyCode(code: string, status?: number, message = ''): ErrorClass {
	if (AUTH_CODES.includes(code) || status === 401) return 'auth';
	if (LIMIT_CODES.includes(code)) return 'limit';
	if (CONFLICT_CODES.includes(code) || status === 412) return 'conflict';
	if (TRANSIENT_CODES.includes(code)) return 'transient';
	if (/^ERROR_HTTP_5\d\d$/.test(code) || (status !== undefined && status >= 500)) return 'transient';
	// jsforce reports HTML bodies (maintenance pages) and dropped sockets with these messages.
	if (/html content|socket hang up|fetch failed|network|timed? ?out|aborted/i.test(message)) return 'transient';
	return 'permanent';
}

export function isGone(code: string): boolean {
	return GONE_CODES.includes(code);
}

/** A readable message and hint for a per-record error (R19), shown beside the reminder. */
export function describeRecordError(code: string, message: string): {code: string; message: string; hint: string} {
	const safeMessage = message.length > 500 ? `${message.slice(0, 500)}…` : message;
	return {
		code,
		message: recordErrorMessage(safeMessage || code),
		hint: Object.hasOwn(RECORD_ERROR_HINTS, code)
			? RECORD_ERROR_HINTS[code as keyof typeof RECORD_ERROR_HINTS]
			: RECORD_ERROR_HINTS.other,
	};
}
