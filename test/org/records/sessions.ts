// Session ids shaped `<15-char org id>!<opaque>` (salesforce-facts.md §1.1), of two kinds: 'api' (what the
// my.salesforce.com host hands out) and 'lightning' (non-API, rejected by REST with "This session is not
// valid for use with the REST API", §1.2). Expiry runs on the org clock. An OAuth access token (§13.1) is an
// 'api' session tagged with the client id of the External Client App that obtained it (oauth.ts).

import {randomBytes} from 'node:crypto';

export type SessionKind = 'api' | 'lightning';
export type Session = {
	sid: string;
	userId: string;
	kind: SessionKind;
	createdAt: number;
	lastUsedAt: number;
	/** Set on OAuth access tokens: the app's client id. Absent on browser (login/frontdoor) sessions. */
	clientId?: string;
};
/** Salesforce's default session timeout is 2 hours of inactivity (Setup › Session Settings); absolute cap is ours. */
export type SessionTimeouts = {idleMs: number; absoluteMs: number};

export type SessionCheck = {ok: true; session: Session} | {ok: false; reason: 'invalid' | 'not-api'};

export class Sessions {
	private readonly byId = new Map<string, Session>();
	private readonly orgId15: string;
	private readonly now: () => number;
	timeouts: SessionTimeouts = {idleMs: 2 * 3_600_000, absoluteMs: 24 * 3_600_000};

	constructor(orgId15: string, now: () => number) {
		this.orgId15 = orgId15;
		this.now = now;
	}

	create(userId: string, kind: SessionKind = 'api', clientId?: string): string {
		// The opaque part imitates a real sid's shape (base64-ish, ~96 chars); it carries no meaning.
		const opaque = randomBytes(72)
			.toString('base64')
			.replace(/[+/=]/g, c => (c === '+' ? '.' : c === '/' ? '_' : ''));
		const sid = `${this.orgId15}!${opaque}`;
		const t = this.now();
		this.byId.set(sid, {sid, userId, kind, createdAt: t, lastUsedAt: t, ...(clientId ? {clientId} : {})});
		return sid;
	}

	/** Restores a persisted session verbatim (data files keep the CLI's printed sid usable across restarts). */
	restore(s: Session): void {
		this.byId.set(s.sid, {...s});
	}

	expire(sid: string): void {
		this.byId.delete(sid);
	}

	expireAll(): void {
		this.byId.clear();
	}

	/** The live session without touching it (control API listings, request attribution). */
	peek(sid: string): Session | undefined {
		const s = this.byId.get(sid);
		const t = this.now();
		if (!s || t - s.lastUsedAt > this.timeouts.idleMs || t - s.createdAt > this.timeouts.absoluteMs) return undefined;
		return s;
	}

	/** Validates and touches a session; `requireApi` rejects lightning sessions for REST routes. */
	check(sid: string, requireApi: boolean): SessionCheck {
		const s = this.byId.get(sid);
		const t = this.now();
		if (!s) return {ok: false, reason: 'invalid'};
		if (t - s.lastUsedAt > this.timeouts.idleMs || t - s.createdAt > this.timeouts.absoluteMs) {
			this.byId.delete(sid);
			return {ok: false, reason: 'invalid'};
		}
		if (requireApi && s.kind !== 'api') return {ok: false, reason: 'not-api'};
		s.lastUsedAt = t;
		return {ok: true, session: s};
	}

	list(): Session[] {
		return [...this.byId.values()];
	}
}
