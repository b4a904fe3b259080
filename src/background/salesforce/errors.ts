/**
 * The Salesforce error taxonomy (R19, R20, R21, R39). Every error is classified by its code and HTTP status,
 * never by the words of its message — with one documented exception, `isApiAccessRefused` (Salesforce gives
 * that refusal the same code as an expired session). Every code the engine acts on is pinned here and tested
 * in errors.test.ts.
 */
import {RECORD_ERROR_HINTS, reconnectMessage, recordErrorMessage, SYNC_STATUS_COPY} from '@/shared/copy.js';
import type {PauseReason, ReconnectReason} from '@/shared/types.js';

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
 * The OAuth refresh token was refused (salesforce-facts.md §13.1; why: types.ts ReconnectReason): only the
 * rep running the flow again helps (R28 "Reconnect to Salesforce"), after the admin's approval for
 * `app-not-approved` (R54).
 */
export class OAuthReconnectNeededError extends Error {
	override name = 'OAuthReconnectNeededError';
	readonly errorCode = 'OAUTH_RECONNECT_NEEDED';
	readonly reason: ReconnectReason;
	constructor(message: string, reason: ReconnectReason = 'refused') {
		super(message);
		this.reason = reason;
	}
}

/**
 * R28: the org refuses a browser session for the API (API Access Control, or a session of a non-API
 * context). Salesforce answers with the same errorCode as for an expired session — INVALID_SESSION_ID —
 * and tells the two apart only by the message "This session is not valid for use with the REST API"
 * (salesforce-facts.md §1.1 and §13.1; jsforce's isSessionExpired matches the same message to skip its
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
		return {pauseReason: 'reconnect', message: reconnectMessage(error.reason)};
	if (isApiAccessRefused(error)) return {pauseReason: 'api-access-refused', message: SYNC_STATUS_COPY.apiAccessRefused};
	if (errorCode(error) === 'ORG_MOVED') return {pauseReason: 'org-moved', message: SYNC_STATUS_COPY.orgMoved};
	return undefined;
}

export const TRANSIENT_CODES: readonly string[] = [
	'UNABLE_TO_LOCK_ROW',
	'SERVER_UNAVAILABLE',
	'REQUEST_RUNNING_TOO_LONG',
	'QUERY_TIMEOUT',
	'INVALID_QUERY_LOCATOR',
	'MALFORMED_RESPONSE',
	// jsforce-adapter.ts: a success status whose body is a web page (a proxy or portal in front of the org).
	'HTML_RESPONSE',
	// jsforce-adapter.ts: no HTTP answer at all (socket closed, timeout, abort).
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
	// jsforce-adapter.ts: a redirect answered an API call. To another My Domain: the org moved (R20: sign in
	// at the new address); to a login page: the session is not accepted any more.
	'ORG_MOVED',
	'LOGIN_REDIRECT',
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
	const {code, status} = codeOf(error);
	return classifyCode(code, status);
}

/** By code and status only (R19): a message is for the rep to read, never for deciding. */
export function classifyCode(code: string, status?: number): ErrorClass {
	if (AUTH_CODES.includes(code) || status === 401) return 'auth';
	if (LIMIT_CODES.includes(code)) return 'limit';
	if (CONFLICT_CODES.includes(code) || status === 412) return 'conflict';
	if (TRANSIENT_CODES.includes(code)) return 'transient';
	// 408 request timeout, 429 too many requests, every 5xx (ERROR_HTTP_5xx when the body had no error code).
	if (status === 408 || status === 429) return 'transient';
	if (/^ERROR_HTTP_5\d\d$/.test(code) || (status !== undefined && status >= 500)) return 'transient';
	return 'permanent';
}

/**
 * R39: Salesforce refused a whole collections request because of what the request carries — one record's
 * value it cannot read (400 JSON_PARSER_ERROR, INVALID_FIELD, STRING_TOO_LONG, MALFORMED_ID, INVALID_TYPE, …;
 * salesforce-facts.md §5.1 "A request that is malformed as a whole gets 400"). Nothing was written, and the
 * records at fault can be found by sending fewer at a time. A 401 (session), a 403 (limit or permission), a
 * 408/429, a 5xx, a lock error or no answer at all say nothing about the records: never a record fault.
 */
export function isRecordFault(error: unknown): boolean {
	const {code, status} = codeOf(error);
	return status === 400 && classifyCode(code, status) === 'permanent';
}

/** What went wrong with a request, as a per-record error (R39: a single record refused as a whole request). */
export function asRecordError(error: unknown): {statusCode: string; message: string; fields: string[]} {
	const {code, message} = codeOf(error);
	return {statusCode: code, message, fields: error instanceof SalesforceApiError ? error.fields : []};
}

/**
 * The plain sentence for a cycle that failed on an answer Salesforce gave as a whole (a 4xx that is not a
 * session or limit matter, e.g. a "page not found"): the adapter made its message short and readable
 * (jsforce-adapter.ts). Undefined when there was no such answer (then "retrying shortly" is the truth).
 */
export function refusalMessage(error: unknown): string | undefined {
	if (!(error instanceof SalesforceApiError) || error.status === undefined || error.status < 400) return undefined;
	if (error.status >= 500) return undefined;
	if (error.errorCode.startsWith('ERROR_HTTP_')) return error.message;
	return `Salesforce refused Tickler's request (${error.errorCode})${error.message ? `: ${error.message}` : '.'}`;
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
