/**
 * Salesforce's OAuth endpoints on the rep's My Domain (salesforce-facts.md §13.1): exchange the code (with
 * the PKCE verifier, no client secret), refresh the access token, revoke. Plain fetch — jsforce is not
 * needed for three form posts — and every call carries R29's Sforce-Call-Options header. Tokens go only to
 * `https://<host>`, the My Domain host they belong to.
 */
import {OAuthReconnectNeededError} from '@/background/salesforce/errors.js';
import {to18} from '@/shared/record-ids.js';
import {CALL_OPTIONS_HEADER} from '@/shared/client-name.js';
import type {ReconnectReason} from '@/shared/types.js';
import {t} from '@/shared/i18n/t.js';

/** `{"error":"…","error_description":"…"}` from the token endpoint (status 400), as a typed error. */
export class OAuthEndpointError extends Error {
	override name = 'OAuthEndpointError';
	readonly error: string;
	constructor(error: string, description: string) {
		super(description || error);
		this.error = error;
	}
}

export type TokenGrant = {
	accessToken: string;
	/** Absent when the app's scopes do not include refresh_token / offline_access. */
	refreshToken?: string;
	/** The host the API is called on (instance_url), a My Domain host. */
	instanceHost: string;
	orgId: string;
	userId: string;
	issuedAt: number;
};

type Fetch = typeof fetch;

/**
 * How long a token-endpoint call may take, like the API requests' own limit. Without one, a connection that
 * never answers would hold a refresh — and with it the partition's refresh lock (R54), so every later cycle
 * and badge lookup — until the browser stops the worker.
 */
export const TOKEN_ENDPOINT_TIMEOUT_MS = 30_000;

async function postForm(
	fetchImpl: Fetch,
	request: {host: string; path: string; form: Record<string, string>; timeoutMs?: number},
) {
	const timeoutMs = request.timeoutMs ?? TOKEN_ENDPOINT_TIMEOUT_MS;
	try {
		return await fetchImpl(`https://${request.host}${request.path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				...CALL_OPTIONS_HEADER,
			},
			body: new URLSearchParams(request.form).toString(),
			// Like jsforce: never follow a redirect with a token in the body (salesforce-facts.md §0).
			redirect: 'manual',
			signal: AbortSignal.timeout(timeoutMs),
		});
	} catch (error) {
		// No answer in time is a network failure like any other: a TypeError, transient (R19), retried later.
		if (error instanceof Error && error.name === 'TimeoutError')
			throw new TypeError(`The token endpoint did not answer within ${timeoutMs} ms`);
		throw error;
	}
}

async function jsonOrError(response: Response): Promise<Record<string, unknown>> {
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}

	const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
	if (!response.ok) {
		const error = typeof record['error'] === 'string' ? record['error'] : `http_${response.status}`;
		const description = typeof record['error_description'] === 'string' ? record['error_description'] : '';
		throw new OAuthEndpointError(error, description);
	}

	return record;
}

/** `https://host/id/<orgId>/<userId>` → 18-character ids (salesforce-facts.md §1.3, §13.1). */
export function idsOfIdentityUrl(url: string): {orgId: string; userId: string} | undefined {
	const match = /\/id\/(00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/(005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\/?$/.exec(
		safePath(url),
	);
	return match?.[1] && match[2] ? {orgId: to18(match[1]), userId: to18(match[2])} : undefined;
}

function safePath(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return '';
	}
}

function hostOf(url: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' ? parsed.host : undefined;
	} catch {
		return undefined;
	}
}

/** authorization_code grant with the PKCE verifier (no client secret: the External Client App does not require one). */
export async function exchangeCode(
	input: {host: string; clientId: string; code: string; redirectUri: string; codeVerifier: string},
	fetchImpl: Fetch = fetch,
): Promise<TokenGrant> {
	const body = await jsonOrError(
		await postForm(fetchImpl, {
			host: input.host,
			path: '/services/oauth2/token',
			form: {
				grant_type: 'authorization_code',
				code: input.code,
				client_id: input.clientId,
				redirect_uri: input.redirectUri,
				code_verifier: input.codeVerifier,
			},
		}),
	);
	const accessToken = body['access_token'];
	const ids = typeof body['id'] === 'string' ? idsOfIdentityUrl(body['id']) : undefined;
	if (typeof accessToken !== 'string' || !ids) {
		throw new OAuthEndpointError('malformed_response', t('tokenMissingIdentity'));
	}

	const grant: TokenGrant = {
		accessToken,
		instanceHost: hostOf(body['instance_url']) ?? input.host,
		...ids,
		issuedAt: Number(body['issued_at']) || Date.now(),
	};
	if (typeof body['refresh_token'] === 'string') grant.refreshToken = body['refresh_token'];
	return grant;
}

/**
 * refresh_token grant: a new access token, and a new refresh token when the app rotates them (each refresh
 * then invalidates the one it used: the caller must store the new one before anyone refreshes again, R54).
 * A refusal means only a new connection helps (OAuthReconnectNeededError), with why (refusalReason).
 * Network failures, and no answer within `timeoutMs` (TOKEN_ENDPOINT_TIMEOUT_MS), stay TypeErrors: transient (R19).
 */
export async function refreshAccessToken(
	input: {host: string; clientId: string; refreshToken: string; timeoutMs?: number},
	fetchImpl: Fetch = fetch,
): Promise<{accessToken: string; refreshToken?: string}> {
	let body: Record<string, unknown>;
	try {
		body = await jsonOrError(
			await postForm(fetchImpl, {
				host: input.host,
				path: '/services/oauth2/token',
				form: {grant_type: 'refresh_token', refresh_token: input.refreshToken, client_id: input.clientId},
				...(input.timeoutMs === undefined ? {} : {timeoutMs: input.timeoutMs}),
			}),
		);
	} catch (error) {
		const reason = error instanceof OAuthEndpointError ? refusalReason(error) : undefined;
		if (error instanceof OAuthEndpointError && reason !== undefined)
			throw new OAuthReconnectNeededError(`Salesforce refused the refresh token (${error.error})`, reason);
		throw error;
	}

	const accessToken = body['access_token'];
	if (typeof accessToken !== 'string') throw new OAuthEndpointError('malformed_response', t('tokenMissing'));
	return typeof body['refresh_token'] === 'string' && body['refresh_token'] !== ''
		? {accessToken, refreshToken: body['refresh_token']}
		: {accessToken};
}

/**
 * R54: a token-endpoint refusal that no retry fixes, and why; undefined for anything else (a 5xx, a proxy's
 * page: transient). By the error code only — `invalid_grant` covers every refresh token that expired or was
 * revoked (Salesforce Help "OAuth 2.0 Refresh Token Flow": "expired access/refresh token"); `invalid_app_access`
 * is API Access Control (Help "Use Any API Client – Restriction").
 */
export function refusalReason(error: OAuthEndpointError): ReconnectReason | undefined {
	if (error.error === 'invalid_grant') return 'expired';
	if (error.error === 'invalid_app_access') return 'app-not-approved';
	if (/^(invalid_client_id|invalid_client|inactive_user|inactive_org|unauthorized_client)$/.test(error.error))
		return 'refused';
	return undefined;
}

/** Revokes a token (a refresh token revokes its access tokens too). True when Salesforce confirmed it. */
export async function revokeToken(input: {host: string; token: string}, fetchImpl: Fetch = fetch): Promise<boolean> {
	const status = await revokeStatus(input, fetchImpl);
	return status >= 200 && status < 300;
}

/**
 * The revoke's HTTP status: 200 revoked; 400 (`invalid_token`, `unsupported_token_type`) when Salesforce no
 * longer knows the token — already revoked or expired (Mobile SDK "Revoking OAuth Tokens"). Rejects with a
 * TypeError when no answer came.
 */
export async function revokeStatus(input: {host: string; token: string}, fetchImpl: Fetch = fetch): Promise<number> {
	const response = await postForm(fetchImpl, {
		host: input.host,
		path: '/services/oauth2/revoke',
		form: {token: input.token},
	});
	await response.body?.cancel();
	return response.status;
}
