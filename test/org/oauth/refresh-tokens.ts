// Refresh-token policy (salesforce-facts.md §14.10; Salesforce Help, "OAuth 2.0 Refresh Token Flow" and "Limit
// the Idle Refresh Token TTL in Connected Apps"): an app's refresh tokens are valid until revoked, expire a set
// time after they were issued, or expire when unused for a set time (an app can force a 30-day idle limit);
// rotation may be on (each refresh returns a new refresh token and invalidates the one used); a user holds at
// most 5 grants per app, and a sixth approval revokes the oldest. An expired or revoked token is `invalid_grant`
// "expired access/refresh token" (oauth.ts). UNCONFIRMED: that "after N" counts from each token's issue (a
// rotated token starts anew), and that a rotated-out token's access tokens keep working until they expire.

import type {RefreshToken} from './oauth.js';

/** Both limits may be set; none = "Refresh token is valid until revoked". Milliseconds on the org clock. */
export type RefreshPolicy = {expiresAfterMs?: number; idleMs?: number};

export const DEFAULT_POLICY: RefreshPolicy = {};

export function refreshTokenExpired(r: RefreshToken, policy: RefreshPolicy, now: number): boolean {
	if (policy.expiresAfterMs !== undefined && now - r.createdAt >= policy.expiresAfterMs) return true;
	return policy.idleMs !== undefined && now - r.lastUsedAt >= policy.idleMs;
}

/** The live grants to revoke so a new one fits under `max`: the oldest approvals first. */
export function grantsToRevoke(live: readonly RefreshToken[], max: number): RefreshToken[] {
	const excess = live.length + 1 - Math.max(1, max);
	if (excess <= 0) return [];
	return [...live]
		.sort((a, b) => (a.grantCreatedAt ?? a.createdAt) - (b.grantCreatedAt ?? b.createdAt))
		.slice(0, excess);
}
