/**
 * Every failure of a request through jsforce as a SalesforceApiError whose code and status say what happened
 * and whose message a rep can read (issue 11): an HTML page (maintenance, "not found", a login page) never
 * becomes a message thousands of characters long, and a redirect — the org moved to a new My Domain — is said
 * as such. Used by the adapter (jsforce-adapter.ts) only.
 */
import {isApiAccessRefused, MalformedResponseError, SalesforceApiError} from './errors.js';

/** What the transport saw of the answer to one request. */
export type Seen = {status?: number; contentType?: string; location?: string};

/** An expired (or revoked) access token, not a session the org refuses for the API (errors.ts isApiAccessRefused). */
export function isExpiredToken(error: unknown): boolean {
	return (
		error instanceof SalesforceApiError &&
		error.status === 401 &&
		error.errorCode === 'INVALID_SESSION_ID' &&
		!isApiAccessRefused(error)
	);
}

/** A fetch that got no answer rejects with a TypeError (Fetch standard "network error"): transient (R19). */
export async function refreshed(refresh: () => Promise<string>): Promise<string> {
	try {
		return await refresh();
	} catch (error) {
		if (error instanceof TypeError) throw new SalesforceApiError('NETWORK_ERROR', 'Salesforce could not be reached.');
		throw error;
	}
}

/** Salesforce's own messages are kept short: they are shown to the rep, and an HTML body is not a message. */
const MAX_MESSAGE = 300;

function isHtml(contentType: string | undefined): boolean {
	return contentType !== undefined && /^text\/html\b/i.test(contentType);
}

/** The plain message for a web page that answered an API request (a status ≥ 400 or a success). */
function htmlMessage(status: number | undefined): string {
	if (status !== undefined && status >= 500)
		return `Salesforce answered with a web page instead of data (HTTP ${status}): it may be down for maintenance. Tickler retries shortly.`;
	if (status === 404)
		return 'Salesforce answered "page not found" (HTTP 404): check the org\'s address (My Domain) in Settings.';
	return `Salesforce answered with a web page instead of data (HTTP ${status ?? 'unknown'}).`;
}

const LOGIN_HOSTS: readonly string[] = ['login.salesforce.com', 'test.salesforce.com'];

/**
 * A redirect (3xx; in a browser, fetch's `redirect: 'manual'` turns it into an opaque answer with status 0,
 * salesforce-facts.md §0) or a success whose body is a web page. Undefined for an ordinary answer.
 */
export function unexpectedAnswer(seen: Seen, instanceUrl: string): SalesforceApiError | undefined {
	const {status} = seen;
	if (status !== undefined && (status === 0 || (status >= 300 && status < 400))) {
		const target = hostOf(seen.location, instanceUrl);
		const sameOrg = target === new URL(instanceUrl).host;
		if (target !== undefined && (sameOrg || LOGIN_HOSTS.includes(target)))
			return new SalesforceApiError('LOGIN_REDIRECT', 'Salesforce sent Tickler to its sign-in page.', {status});
		return new SalesforceApiError(
			'ORG_MOVED',
			target === undefined
				? 'Salesforce answered from a new address: the org has moved.'
				: `Salesforce answered that the org has moved to ${target}.`,
			{status},
		);
	}

	if (isHtml(seen.contentType))
		return new SalesforceApiError('HTML_RESPONSE', htmlMessage(status), status === undefined ? {} : {status});
	return undefined;
}

function hostOf(location: string | undefined, base: string): string | undefined {
	if (location === undefined) return undefined;
	try {
		return new URL(location, base).host;
	} catch {
		return undefined;
	}
}

/**
 * Any failure as a SalesforceApiError. A Salesforce error answer keeps its code (jsforce's HttpApiError:
 * the body's `errorCode`, or `ERROR_HTTP_<status>` when it had none) and its status; a web page gets a plain
 * message; no answer at all (socket closed, timeout, abort) is NETWORK_ERROR, whatever the runtime called it.
 */
export function toApiError(error: unknown, seen: Seen): unknown {
	if (error instanceof SalesforceApiError || error instanceof MalformedResponseError) return error;
	const {status} = seen;
	const withStatus = status === undefined ? {} : {status};
	if (status === undefined || status < 300) {
		// Messages from the runtime may name hosts; they stay off logs (the engine logs codes only).
		return new SalesforceApiError('NETWORK_ERROR', 'Salesforce did not answer.', withStatus);
	}

	const given = error instanceof Error ? (error as Error & {errorCode?: unknown}).errorCode : undefined;
	const code = typeof given === 'string' && given !== '' ? given : `ERROR_HTTP_${status}`;
	// jsforce's HttpApiError keeps the error object of the body (`{message, errorCode, fields}`) in `data`.
	const data = error instanceof Error ? (error as Error & {data?: {fields?: unknown}}).data : undefined;
	const fieldList = Array.isArray(data?.fields) ? data.fields.map(String) : [];
	const message = isHtml(seen.contentType) ? htmlMessage(status) : shorten(error instanceof Error ? error.message : '');
	// Messages from Salesforce may quote field values; keep them off logs (the engine logs codes only).
	return new SalesforceApiError(code, message, {...withStatus, fields: fieldList});
}

function shorten(message: string): string {
	return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}
