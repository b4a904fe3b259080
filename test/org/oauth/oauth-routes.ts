// HTTP side of the OAuth 2.0 web-server flow with PKCE (salesforce-facts.md §13.1; state in oauth.ts):
//   GET  /services/oauth2/authorize         browser: login (existing /login page) → approval page → redirect_uri
//   POST /setup/secur/RemoteAccessAuthorizationPage.apexp   the approval form's Allow/Deny
//   GET  /setup/secur/RemoteAccessErrorPage.apexp           unknown client / unregistered callback URL
//   POST /services/oauth2/token              authorization_code (+ code_verifier) and refresh_token grants
//   POST /services/oauth2/revoke             access or refresh token
// Sources: [REST:oauth] "Understanding the Web Server OAuth Authentication Flow" (code_challenge: "If the
// code_challenge is invalid or doesn't match, login fails with invalid_request; … no code_verifier … fails with
// invalid_grant"); Salesforce Help "OAuth 2.0 Authorization Errors" (remoteaccess_oauth_flow_errors.htm:
// `{"error":"invalid_grant","error_description":"expired access/refresh token"}`, `error=access_denied` on the
// callback); Mobile SDK "Revoking OAuth Tokens" (oauth-revoking-tokens: POST form `token=`, 200 on success,
// 400 `unsupported_token_type` / `invalid_token`). Everything else is UNCONFIRMED (docs/local-org.md).

import {json} from '../api/api-types.js';
import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import {hostKind, myDomainHostFor, parseCookies} from '../hosts.js';
import type {Authorization, Grant, OAuthError} from './oauth.js';
import {APPROVAL_PATH, ERROR_PATH, approvalGonePage, approvalPage, errorPage} from './oauth-pages.js';
import type {Org, OrgUser} from '../org.js';
import {redirect} from '../pages/page-html.js';

export const AUTHORIZE_PATH = '/services/oauth2/authorize';
export const TOKEN_PATH = '/services/oauth2/token';
export const REVOKE_PATH = '/services/oauth2/revoke';

/** Browser-facing OAuth paths (HTML and redirects): served like pages, not like the REST API. */
export function isOAuthPage(path: string): boolean {
	return path === AUTHORIZE_PATH || path === APPROVAL_PATH || path === ERROR_PATH;
}

/** Machine-facing OAuth endpoints (JSON; the REST transport adds faults, CORS and the request log). */
export function isOAuthEndpoint(path: string): boolean {
	const p = path.replace(/\/+$/, '');
	return p === TOKEN_PATH || p === REVOKE_PATH;
}

const host = (req: ApiRequest): string => req.headers['host'] ?? new URL(req.origin).host;

/** The My Domain origin of a request (a Lightning host maps to its My Domain twin, §8). */
function myDomainOrigin(req: ApiRequest): string {
	if (hostKind(host(req)) !== 'lightning') return req.origin;
	const u = new URL(req.origin);
	return `${u.protocol}//${myDomainHostFor(host(req))}`;
}

function signedInUser(org: Org, req: ApiRequest): OrgUser | undefined {
	const sid = parseCookies(req.headers['cookie']).get('sid');
	if (!sid) return undefined;
	const check = org.sessions.check(sid, false);
	return check.ok ? org.user(check.session.userId) : undefined;
}

function redirectTo(uri: string, params: Record<string, string | null>): ApiResponse {
	const u = new URL(uri);
	for (const [k, v] of Object.entries(params)) if (v !== null) u.searchParams.set(k, v);
	return redirect(u.toString());
}

/** Salesforce shows its own error page rather than redirecting to an unknown client's or unregistered URI. */
function toErrorPage(error: string, description: string): ApiResponse {
	const q = new URLSearchParams({error, error_description: description});
	return redirect(`${ERROR_PATH}?${q.toString()}`);
}

type Checked = {ok: true; a: Omit<Authorization, 'userId'>} | {ok: false; response: ApiResponse};

const CHALLENGE_RE = /^[A-Za-z0-9_-]{43}$/;

/** Validates an authorize request in the order Salesforce must: client and callback first (no redirect), then the rest. */
function checkAuthorize(org: Org, q: URLSearchParams): Checked {
	const app = org.oauth.app(q.get('client_id'));
	if (!app) return {ok: false, response: toErrorPage('invalid_client_id', 'client identifier invalid')};
	const redirectUri = q.get('redirect_uri');
	if (!redirectUri || !app.callbackUrls.includes(redirectUri))
		return {ok: false, response: toErrorPage('redirect_uri_mismatch', 'redirect_uri must match configuration')};
	const state = q.get('state');
	const fail = (error: string, description: string): Checked => ({
		ok: false,
		response: redirectTo(redirectUri, {error, error_description: description, state}),
	});
	if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response type not supported');
	const challenge = q.get('code_challenge');
	const method = q.get('code_challenge_method');
	if (app.requirePkce && !challenge) return fail('invalid_request', 'missing required code challenge');
	// Salesforce supports S256 only; an app that requires PKCE requires the method named (brief; UNCONFIRMED).
	if (challenge && (method ?? (app.requirePkce ? null : 'S256')) !== 'S256')
		return fail('invalid_request', 'invalid code challenge method');
	if (challenge && !CHALLENGE_RE.test(challenge)) return fail('invalid_request', 'invalid code challenge');
	const scopes = org.oauth.grantedScopes(app, q.get('scope'));
	if (scopes.length === 0) return fail('invalid_scope', 'the requested scope is not allowed');
	return {ok: true, a: {clientId: app.clientId, redirectUri, challenge: challenge ?? undefined, scopes, state}};
}

function approve(org: Org, a: Authorization): ApiResponse {
	return redirectTo(a.redirectUri, {code: org.oauth.issueCode(a), state: a.state});
}

function authorize(org: Org, req: ApiRequest): ApiResponse {
	const query = req.query.size ? `?${req.query.toString()}` : '';
	// Authorize is a My Domain (or login) page; the Lightning host sends the browser there.
	if (hostKind(host(req)) === 'lightning') return redirect(`${myDomainOrigin(req)}${AUTHORIZE_PATH}${query}`);
	const checked = checkAuthorize(org, req.query);
	if (!checked.ok) return checked.response;
	const user = signedInUser(org, req);
	// Not signed in: the org's own login form, which comes back here (pages.ts afterLogin).
	if (!user) return redirect(`/login?startURL=${encodeURIComponent(AUTHORIZE_PATH + query)}`);
	const a: Authorization = {...checked.a, userId: user.id};
	const app = org.oauth.app(a.clientId);
	if (!app) return toErrorPage('invalid_client_id', 'client identifier invalid');
	// §14.12: an app this user may not use says so on the callback (app-access.ts), before any approval page.
	const refusal = org.oauth.accessRefusal(app, user.id);
	if (refusal)
		return redirectTo(a.redirectUri, {error: refusal.error, error_description: refusal.description, state: a.state});
	if (app.preAuthorized && req.query.get('prompt') !== 'consent') return approve(org, a);
	return approvalPage(app, user, a.scopes, org.oauth.beginApproval(a));
}

function decide(org: Org, req: ApiRequest): ApiResponse {
	const user = signedInUser(org, req);
	if (!user) return redirect(`/login`);
	const form = new URLSearchParams(req.body);
	const a = org.oauth.takeApproval(form.get('approval') ?? '', user.id);
	if (!a) return approvalGonePage();
	if (form.get('decision') !== 'allow')
		return redirectTo(a.redirectUri, {
			error: 'access_denied',
			error_description: 'end-user denied authorization',
			state: a.state,
		});
	return approve(org, a);
}

/** GET authorize / error page, POST approval. */
export function handleOAuthPage(org: Org, req: ApiRequest): ApiResponse {
	if (req.path === AUTHORIZE_PATH && req.method === 'GET') return authorize(org, req);
	if (req.path === APPROVAL_PATH && req.method === 'POST') return decide(org, req);
	if (req.path === ERROR_PATH)
		return errorPage(req.query.get('error') ?? 'unknown_error', req.query.get('error_description') ?? '');
	return redirect(ERROR_PATH);
}

// ---- token and revoke (JSON) ----

const NO_STORE = {'Cache-Control': 'no-store', Pragma: 'no-cache'};

function oauthError(err: OAuthError): ApiResponse {
	return json(400, {error: err.error, error_description: err.description}, NO_STORE);
}

function tokenResponse(org: Org, req: ApiRequest, g: Grant): ApiResponse {
	// §13.1: the identity URL of a production org is on login.salesforce.com (UNCONFIRMED for the emulator's hosts).
	const id = `https://login.salesforce.com/id/${org.orgId}/${g.userId}`;
	const issuedAt = String(org.clock.nowMs());
	return json(
		200,
		{
			access_token: g.accessToken,
			...(g.refreshToken ? {refresh_token: g.refreshToken} : {}),
			signature: org.oauth.signature(g.app, id, issuedAt),
			scope: g.scopes.join(' '),
			instance_url: myDomainOrigin(req),
			id,
			token_type: 'Bearer',
			issued_at: issuedAt,
		},
		NO_STORE,
	);
}

function formOf(req: ApiRequest): URLSearchParams {
	// Parameters in the form body; the query string is read too, as Salesforce accepts both (UNCONFIRMED).
	const form = new URLSearchParams(req.body);
	for (const [k, v] of req.query) if (!form.has(k)) form.set(k, v);
	return form;
}

function token(org: Org, req: ApiRequest): ApiResponse {
	if (req.method !== 'POST') return oauthError({error: 'invalid_request', description: 'must use HTTP POST'});
	const f = formOf(req);
	const grantType = f.get('grant_type');
	const clientId = f.get('client_id') ?? '';
	if (grantType === 'authorization_code') {
		const r = org.oauth.redeemCode({
			code: f.get('code') ?? '',
			clientId,
			redirectUri: f.get('redirect_uri') ?? '',
			verifier: f.get('code_verifier'),
		});
		return r.ok ? tokenResponse(org, req, r.grant) : oauthError(r.err);
	}
	if (grantType === 'refresh_token') {
		const r = org.oauth.refresh({refreshToken: f.get('refresh_token') ?? '', clientId});
		return r.ok ? tokenResponse(org, req, r.grant) : oauthError(r.err);
	}
	return oauthError({error: 'unsupported_grant_type', description: 'grant type not supported'});
}

function revoke(org: Org, req: ApiRequest): ApiResponse {
	const t = formOf(req).get('token');
	if (!t || !org.oauth.revoke(t))
		return oauthError({error: 'unsupported_token_type', description: 'this token type is not supported'});
	// Mobile SDK docs: "HTTP 200 status code" — no body.
	return {status: 200, headers: {'Content-Length': '0', ...NO_STORE}, body: undefined};
}

export function handleOAuthEndpoint(org: Org, req: ApiRequest): ApiResponse {
	return req.path.replace(/\/+$/, '') === TOKEN_PATH ? token(org, req) : revoke(org, req);
}
