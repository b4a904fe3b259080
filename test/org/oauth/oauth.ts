// The org's OAuth 2.0 model (salesforce-facts.md §13.1): External Client Apps (client id, callback URLs,
// scopes, PKCE), authorization codes, refresh tokens and the access tokens issued from them. Access tokens
// are ordinary API sessions tagged with the app's client id (sessions.ts), so every REST route accepts them
// as it accepts a session id. HTTP lives in oauth-routes.ts; this file is the state and its rules.

import {createHash, createHmac, randomBytes} from 'node:crypto';
import type {Sessions} from '../records/sessions.js';
import {APP_ACCESS_REFUSED_AT_TOKEN, appAccessRefusal} from './app-access.js';
import {DEFAULT_POLICY, grantsToRevoke, refreshTokenExpired, type RefreshPolicy} from './refresh-tokens.js';

export type OAuthApp = {
	clientId: string;
	name: string;
	callbackUrls: string[];
	scopes: string[];
	requirePkce: boolean;
	/** "Admin approved users are pre-authorized": no approval page. Default false (the page is always shown). */
	preAuthorized: boolean;
	/** Used only to sign token responses (`signature`); the web-server flow with PKCE sends no secret. */
	secret: string;
} & AppPolicy;
/**
 * What an admin sets on an app (salesforce-facts.md §14.10, §14.12; refresh-tokens.ts and app-access.ts say
 * what each does). Every field can be changed later (`updateApp`, `PATCH /__org__/oauth/apps/<clientId>`).
 */
export type AppPolicy = {
	/** §14.10: when refresh tokens expire; `{}` = valid until revoked (the default). */
	refreshTokenPolicy: RefreshPolicy;
	/** §14.10: each refresh returns a new refresh token and invalidates the one used. Default false. */
	rotateRefreshTokens: boolean;
	/** §14.10: grants per user for this app; a new approval beyond it revokes the oldest. Default 5. */
	maxGrantsPerUser: number;
	/** §14.12: not allowed to users without "Use Any API Client" (blocked, or not installed). Default false. */
	blocked: boolean;
	/** §14.12: 'all', or only these admin-approved users (ids). Default 'all'. */
	permittedUsers: 'all' | string[];
};
export type AppInput = {
	clientId?: string;
	name?: string;
	callbackUrls: string[];
	scopes?: string[];
	requirePkce?: boolean;
	preAuthorized?: boolean;
} & Partial<AppPolicy>;

/** A checked authorize request of a signed-in user (oauth-routes.ts), waiting for Allow/Deny or turned into a code. */
export type Authorization = {
	clientId: string;
	userId: string;
	redirectUri: string;
	challenge: string | undefined;
	scopes: string[];
	state: string | null;
};
type AuthCode = Authorization & {expiresAt: number};
export type RefreshToken = {
	token: string;
	clientId: string;
	userId: string;
	scopes: string[];
	createdAt: number;
	lastUsedAt: number;
	revoked: boolean;
	/** §14.10: the approval this token belongs to; rotation hands it on. Absent in older data files (= token). */
	grantId?: string;
	/** When that approval was made (for "the oldest grant"). Absent in older data files (= createdAt). */
	grantCreatedAt?: number;
};
type AccessTokenRecord = {
	token: string;
	clientId: string;
	userId: string;
	refreshToken: string | undefined;
	issuedAt: number;
	revoked: boolean;
};

/** What a successful grant hands to the token route, which adds instance_url, id and signature. */
export type Grant = {
	accessToken: string;
	refreshToken: string | undefined;
	userId: string;
	app: OAuthApp;
	scopes: string[];
};
/** RFC 6749 §5.2 error, as Salesforce words it (§13.1; descriptions partly UNCONFIRMED, docs/local-org.md). */
export type OAuthError = {error: string; description: string};
export type GrantResult = {ok: true; grant: Grant} | {ok: false; err: OAuthError};

/** UNCONFIRMED: Salesforce documents no lifetime; 15 minutes on the org clock (docs/local-org.md). */
export const CODE_LIFETIME_MS = 15 * 60_000;
export const DEFAULT_SCOPES = ['api', 'refresh_token'];

const INVALID_CLIENT: OAuthError = {error: 'invalid_client_id', description: 'client identifier invalid'};
const BAD_CODE: OAuthError = {error: 'invalid_grant', description: 'invalid authorization code'};
const REDIRECT_MISMATCH: OAuthError = {
	error: 'redirect_uri_mismatch',
	description: 'redirect_uri must match configuration',
};
const EXPIRED_REFRESH: OAuthError = {error: 'invalid_grant', description: 'expired access/refresh token'};
const BAD_VERIFIER: OAuthError = {error: 'invalid_grant', description: 'invalid code verifier'};

/** An app's policy fields, defaults filled in (§14.10, §14.12). */
function withPolicy(input: Partial<AppPolicy>): AppPolicy {
	return {
		refreshTokenPolicy: {...DEFAULT_POLICY, ...input.refreshTokenPolicy},
		rotateRefreshTokens: input.rotateRefreshTokens ?? false,
		maxGrantsPerUser: input.maxGrantsPerUser ?? 5,
		blocked: input.blocked ?? false,
		permittedUsers: input.permittedUsers ?? 'all',
	};
}

function opaque(bytes: number): string {
	return randomBytes(bytes).toString('base64url');
}

/** RFC 7636 §4.2 S256: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
export function s256(verifier: string): string {
	return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export class OAuth {
	private readonly apps = new Map<string, OAuthApp>();
	private readonly codes = new Map<string, AuthCode>();
	/** Approval pages shown and not yet answered: the form carries only this id, bound to the signed-in user. */
	private readonly pending = new Map<string, AuthCode>();
	private readonly refreshTokens = new Map<string, RefreshToken>();
	private readonly accessTokens = new Map<string, AccessTokenRecord>();
	private readonly sessions: Sessions;
	private readonly now: () => number;
	private readonly changed: () => void;
	/** §14.12: the user holds "Use Any API Client" (org.ts). */
	private readonly useAnyApiClient: (userId: string) => boolean;

	constructor(deps: {
		sessions: Sessions;
		now: () => number;
		changed: () => void;
		useAnyApiClient?: (userId: string) => boolean;
	}) {
		this.sessions = deps.sessions;
		this.now = deps.now;
		this.changed = deps.changed;
		this.useAnyApiClient = deps.useAnyApiClient ?? (() => false);
	}

	// ---- External Client Apps ----
	registerApp(input: AppInput): {clientId: string} {
		if (!Array.isArray(input.callbackUrls) || input.callbackUrls.length === 0)
			throw new Error('callbackUrls: at least one callback URL is required');
		for (const u of input.callbackUrls) new URL(u); // throws on a malformed URL
		// Real consumer keys start `3MVG9` and run ~85 characters; the shape carries no meaning.
		const clientId = input.clientId ?? `3MVG9${opaque(60)}`;
		this.apps.set(clientId, {
			clientId,
			name: input.name ?? 'External Client App',
			callbackUrls: [...input.callbackUrls],
			scopes: input.scopes ?? DEFAULT_SCOPES,
			requirePkce: input.requirePkce ?? true,
			preAuthorized: input.preAuthorized ?? false,
			secret: opaque(32),
			...withPolicy(input),
		});
		this.changed();
		return {clientId};
	}

	/** An admin changes an app's policies (refresh tokens, rotation, grants, access). */
	updateApp(clientId: string, patch: Partial<AppPolicy> & {preAuthorized?: boolean}): Omit<OAuthApp, 'secret'> {
		const app = this.apps.get(clientId);
		if (!app) throw new Error(`No app ${clientId}`);
		Object.assign(
			app,
			withPolicy({...app, ...patch}),
			patch.preAuthorized === undefined ? {} : {preAuthorized: patch.preAuthorized},
		);
		this.changed();
		const {secret: _secret, ...rest} = app;
		return rest;
	}

	/**
	 * §14.12: may this user use this app? An OAuthError naming why not — `OAUTH_APP_BLOCKED` or
	 * `OAUTH_APP_ACCESS_DENIED`, what authorize puts on the redirect — or undefined.
	 */
	accessRefusal(app: OAuthApp, userId: string): OAuthError | undefined {
		return appAccessRefusal(app, userId, this.useAnyApiClient(userId));
	}

	/** §14.12: an access token of an app this user may no longer use is refused by the API too (UNCONFIRMED). */
	refusesApiFor(clientId: string | undefined, userId: string): boolean {
		const app = this.app(clientId);
		return app !== undefined && this.accessRefusal(app, userId) !== undefined;
	}

	app(clientId: string | null | undefined): OAuthApp | undefined {
		return clientId ? this.apps.get(clientId) : undefined;
	}

	listApps(): Omit<OAuthApp, 'secret'>[] {
		return [...this.apps.values()].map(({secret: _secret, ...rest}) => rest);
	}

	/** Scopes granted: the requested ones the app allows, or all of the app's when none are requested (UNCONFIRMED). */
	grantedScopes(app: OAuthApp, requested: string | null): string[] {
		if (!requested) return [...app.scopes];
		const asked = requested.split(/[\s+]+/).filter(Boolean);
		return app.scopes.filter(s => asked.includes(s));
	}

	// ---- approval page ----
	beginApproval(a: Authorization): string {
		const id = opaque(24);
		this.pending.set(id, {...a, expiresAt: this.now() + CODE_LIFETIME_MS});
		return id;
	}

	/** The pending request of this user (single use), or undefined if unknown, expired or another user's. */
	takeApproval(id: string, userId: string): Authorization | undefined {
		const p = this.pending.get(id);
		if (!p || p.userId !== userId) return undefined;
		this.pending.delete(id);
		if (p.expiresAt <= this.now()) return undefined;
		const {expiresAt: _expiresAt, ...a} = p;
		return a;
	}

	// ---- authorization codes ----
	issueCode(c: Authorization): string {
		// Real codes look like `aPrx…` (base64); the shape carries no meaning.
		const code = `aPrx${opaque(60)}`;
		this.codes.set(code, {...c, expiresAt: this.now() + CODE_LIFETIME_MS});
		return code;
	}

	/** `grant_type=authorization_code` (§13.1). A named code is spent by the first attempt (RFC 6749 §4.1.2). */
	redeemCode(p: {code: string; clientId: string; redirectUri: string; verifier: string | null}): GrantResult {
		const app = this.app(p.clientId);
		if (!app) return {ok: false, err: INVALID_CLIENT};
		const c = this.codes.get(p.code);
		if (!c || c.clientId !== app.clientId || c.expiresAt <= this.now()) {
			if (c && c.expiresAt <= this.now()) this.codes.delete(p.code);
			return {ok: false, err: BAD_CODE};
		}
		this.codes.delete(p.code);
		if (c.redirectUri !== p.redirectUri) return {ok: false, err: REDIRECT_MISMATCH};
		if (c.challenge !== undefined) {
			// §14.11: a missing or wrong verifier is 400 invalid_grant "invalid code verifier" (a real answer,
			// captured in cognizant-ai-lab/nsflow#249), and so is one with `~` — Salesforce refuses that RFC 7636
			// character even when the S256 matches (same thread; Trailblazer Community reports).
			if (!p.verifier || p.verifier.includes('~') || s256(p.verifier) !== c.challenge)
				return {ok: false, err: BAD_VERIFIER};
		}
		if (this.accessRefusal(app, c.userId)) return {ok: false, err: APP_ACCESS_REFUSED_AT_TOKEN};
		const wantsRefresh = c.scopes.includes('refresh_token') || c.scopes.includes('offline_access');
		const refreshToken = wantsRefresh ? this.newGrant(app, c.userId, c.scopes) : undefined;
		const accessToken = this.newAccessToken(app.clientId, c.userId, refreshToken);
		this.changed();
		return {ok: true, grant: {accessToken, refreshToken, userId: c.userId, app, scopes: c.scopes}};
	}

	/**
	 * `grant_type=refresh_token`: a new access token (§13.1). §14.10: a revoked or expired refresh token (the
	 * app's policy: after N, or unused for N) is invalid_grant "expired access/refresh token"; with rotation on,
	 * the answer carries a new refresh token and the one used is dead from then on.
	 */
	refresh(p: {refreshToken: string; clientId: string}): GrantResult {
		const app = this.app(p.clientId);
		if (!app) return {ok: false, err: INVALID_CLIENT};
		const r = this.refreshTokens.get(p.refreshToken);
		const now = this.now();
		if (!r || r.revoked || r.clientId !== app.clientId || refreshTokenExpired(r, app.refreshTokenPolicy, now))
			return {ok: false, err: EXPIRED_REFRESH};
		if (this.accessRefusal(app, r.userId)) return {ok: false, err: APP_ACCESS_REFUSED_AT_TOKEN};
		r.lastUsedAt = now;
		const current = app.rotateRefreshTokens ? this.rotate(r) : r;
		const accessToken = this.newAccessToken(app.clientId, r.userId, current.token);
		this.changed();
		const refreshToken = app.rotateRefreshTokens ? current.token : undefined;
		return {ok: true, grant: {accessToken, refreshToken, userId: r.userId, app, scopes: r.scopes}};
	}

	/** §14.10 rotation: the grant goes on under a new token; the old one is dead, its access tokens are not. */
	private rotate(old: RefreshToken): RefreshToken {
		const next = this.storeRefreshToken(old.clientId, old.userId, old.scopes, {
			grantId: old.grantId ?? old.token,
			grantCreatedAt: old.grantCreatedAt ?? old.createdAt,
		});
		old.revoked = true;
		for (const a of this.accessTokens.values()) if (a.refreshToken === old.token) a.refreshToken = next.token;
		return next;
	}

	/** `/services/oauth2/revoke`: an access token (or any session id), or a refresh token and its access tokens. */
	revoke(token: string): boolean {
		const r = this.refreshTokens.get(token);
		if (r) {
			if (!r.revoked) this.revokeRefresh(r);
			this.changed();
			return true;
		}
		if (this.sessions.peek(token)) {
			this.expireAccess(token);
			this.changed();
			return true;
		}
		return false;
	}

	/** Signs `id + issued_at` with the app's secret, as Salesforce does (HMAC-SHA256, base64). */
	signature(app: OAuthApp, id: string, issuedAt: string): string {
		return createHmac('sha256', app.secret)
			.update(id + issuedAt)
			.digest('base64');
	}

	// ---- control (tests) ----
	expireAccessTokens(userId?: string): number {
		let n = 0;
		for (const a of this.accessTokens.values()) {
			if (userId && a.userId !== userId) continue;
			if (this.sessions.peek(a.token)) n++;
			this.expireAccess(a.token, false);
		}
		this.changed();
		return n;
	}

	revokeRefreshTokens(userId?: string): number {
		let n = 0;
		for (const r of this.refreshTokens.values()) {
			if ((userId && r.userId !== userId) || r.revoked) continue;
			this.revokeRefresh(r);
			n++;
		}
		this.changed();
		return n;
	}

	tokens(): Record<string, unknown>[] {
		const out: Record<string, unknown>[] = [];
		const now = this.now();
		for (const r of this.refreshTokens.values()) {
			const policy = this.apps.get(r.clientId)?.refreshTokenPolicy ?? DEFAULT_POLICY;
			const expired = refreshTokenExpired(r, policy, now);
			out.push({
				kind: 'refresh',
				token: r.token,
				userId: r.userId,
				clientId: r.clientId,
				grantId: r.grantId ?? r.token,
				active: !r.revoked && !expired,
				revoked: r.revoked,
				expired,
				issuedAt: new Date(r.createdAt).toISOString(),
				lastUsedAt: new Date(r.lastUsedAt).toISOString(),
			});
		}
		for (const a of this.accessTokens.values()) {
			const s = this.sessions.peek(a.token);
			out.push({
				kind: 'access',
				token: a.token,
				userId: a.userId,
				clientId: a.clientId,
				refreshToken: a.refreshToken ?? null,
				active: Boolean(s),
				revoked: a.revoked,
				issuedAt: new Date(a.issuedAt).toISOString(),
				lastUsedAt: s ? new Date(s.lastUsedAt).toISOString() : null,
			});
		}
		return out;
	}

	// ---- persistence (persistence.ts) ----
	snapshot(): {apps: OAuthApp[]; refreshTokens: RefreshToken[]} {
		return {apps: [...this.apps.values()], refreshTokens: [...this.refreshTokens.values()]};
	}

	restore(s: {apps: OAuthApp[]; refreshTokens: RefreshToken[]}): void {
		// Files saved before §14's policies lack them: the defaults apply.
		for (const a of s.apps) this.apps.set(a.clientId, {...a, ...withPolicy(a)});
		for (const r of s.refreshTokens) this.refreshTokens.set(r.token, {...r});
	}

	/**
	 * A new approval: a refresh token opening a new grant. §14.10: at most `maxGrantsPerUser` live grants per
	 * user and app — the oldest go, with their access tokens (a sixth computer's sign-in ends the first's).
	 */
	private newGrant(app: OAuthApp, userId: string, scopes: string[]): string {
		const now = this.now();
		const live = [...this.refreshTokens.values()].filter(
			r =>
				r.clientId === app.clientId &&
				r.userId === userId &&
				!r.revoked &&
				!refreshTokenExpired(r, app.refreshTokenPolicy, now),
		);
		for (const r of grantsToRevoke(live, app.maxGrantsPerUser)) this.revokeRefresh(r);
		return this.storeRefreshToken(app.clientId, userId, scopes).token;
	}

	private storeRefreshToken(
		clientId: string,
		userId: string,
		scopes: string[],
		grant?: {grantId: string; grantCreatedAt: number},
	): RefreshToken {
		// Real refresh tokens look like `5Aep861…`; the shape carries no meaning.
		const token = `5Aep861${opaque(60)}`;
		const t = this.now();
		const r: RefreshToken = {
			token,
			clientId,
			userId,
			scopes,
			createdAt: t,
			lastUsedAt: t,
			revoked: false,
			grantId: grant?.grantId ?? token,
			grantCreatedAt: grant?.grantCreatedAt ?? t,
		};
		this.refreshTokens.set(token, r);
		return r;
	}

	private newAccessToken(clientId: string, userId: string, refreshToken: string | undefined): string {
		const token = this.sessions.create(userId, 'api', clientId);
		this.accessTokens.set(token, {token, clientId, userId, refreshToken, issuedAt: this.now(), revoked: false});
		return token;
	}

	/** `revoked`: false when the token merely expires (control API), true when it is revoked. */
	private expireAccess(token: string, revoked = true): void {
		this.sessions.expire(token);
		const a = this.accessTokens.get(token);
		if (a && revoked) a.revoked = true;
	}

	private revokeRefresh(r: RefreshToken): void {
		r.revoked = true;
		for (const a of this.accessTokens.values()) if (a.refreshToken === r.token) this.expireAccess(a.token);
	}
}
