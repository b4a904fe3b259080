// Control API for OAuth, API Access Control and per-client usage (`/__org__/…`; docs/local-org.md). Not a
// Salesforce route: for the demo and for tests that run the org in another process (extension e2e).

import {json, noContent} from '../api/api-types.js';
import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import type {AppInput, AppPolicy} from './oauth.js';
import type {Org} from '../org.js';

/** `userId` may be an id or one of the demo user keys rep / rep2 / admin. */
function userIdOf(org: Org, v: unknown): string | undefined {
	if (typeof v !== 'string') return undefined;
	return v in org.users ? org.users[v as keyof Org['users']].id : v;
}

const strings = (v: unknown): string[] | undefined =>
	Array.isArray(v) && v.every(x => typeof x === 'string') ? v : undefined;

function appInput(org: Org, p: Record<string, unknown>): AppInput {
	const callbackUrls = strings(p['callbackUrls']);
	if (!callbackUrls) throw new Error('callbackUrls: an array of URLs is required');
	const scopes = strings(p['scopes']);
	return {
		callbackUrls,
		...(typeof p['clientId'] === 'string' ? {clientId: p['clientId']} : {}),
		...(typeof p['name'] === 'string' ? {name: p['name']} : {}),
		...(scopes ? {scopes} : {}),
		...(typeof p['requirePkce'] === 'boolean' ? {requirePkce: p['requirePkce']} : {}),
		...policyInput(org, p),
	};
}

/**
 * §14.10, §14.12 app policies: `refreshTokenPolicy {expiresAfterMs?, idleMs?}` (`{}` = valid until revoked),
 * `rotateRefreshTokens`, `maxGrantsPerUser`, `blocked`, `permittedUsers` ('all' or user ids / keys), `preAuthorized`.
 */
function policyInput(org: Org, p: Record<string, unknown>): Partial<AppPolicy> & {preAuthorized?: boolean} {
	const out: Partial<AppPolicy> & {preAuthorized?: boolean} = {};
	const policy = p['refreshTokenPolicy'];
	if (policy !== undefined) {
		if (typeof policy !== 'object' || policy === null) throw new Error('refreshTokenPolicy: an object is required');
		const {expiresAfterMs, idleMs} = policy as Record<string, unknown>;
		out.refreshTokenPolicy = {
			...(typeof expiresAfterMs === 'number' ? {expiresAfterMs} : {}),
			...(typeof idleMs === 'number' ? {idleMs} : {}),
		};
	}
	if (typeof p['rotateRefreshTokens'] === 'boolean') out.rotateRefreshTokens = p['rotateRefreshTokens'];
	if (typeof p['maxGrantsPerUser'] === 'number') out.maxGrantsPerUser = p['maxGrantsPerUser'];
	if (typeof p['blocked'] === 'boolean') out.blocked = p['blocked'];
	if (typeof p['preAuthorized'] === 'boolean') out.preAuthorized = p['preAuthorized'];
	const users = p['permittedUsers'];
	if (users === 'all') out.permittedUsers = 'all';
	else if (users !== undefined) {
		const list = strings(users);
		if (!list) throw new Error("permittedUsers: 'all' or an array of users is required");
		out.permittedUsers = list.map(u => userIdOf(org, u) ?? u);
	}
	return out;
}

/** `route` is `<METHOD> <path after /__org__/>`; returns undefined for routes that are not OAuth's. */
export function oauthControl(
	org: Org,
	req: ApiRequest,
	route: string,
	p: Record<string, unknown>,
): ApiResponse | undefined {
	switch (route) {
		case 'POST oauth/apps':
			return json(201, org.oauth.registerApp(appInput(org, p)));
		case 'GET oauth/apps':
			return json(200, org.oauth.listApps());
		case 'GET oauth/tokens': {
			const user = userIdOf(org, req.query.get('userId'));
			return json(
				200,
				org.oauth.tokens().filter(t => !user || t['userId'] === user),
			);
		}
		case 'POST oauth/expire-access-tokens':
			return json(200, {expired: org.oauth.expireAccessTokens(userIdOf(org, p['userId']))});
		case 'POST oauth/revoke-refresh-tokens':
			return json(200, {revoked: org.oauth.revokeRefreshTokens(userIdOf(org, p['userId']))});
		case 'POST api-access-control':
			if (typeof p['enabled'] !== 'boolean') throw new Error('enabled: a boolean is required');
			org.setApiAccessControl(p['enabled']);
			return json(200, {enabled: org.apiAccessControl});
		case 'GET api-access-control':
			return json(200, {enabled: org.apiAccessControl});
		case 'GET usage/clients':
			return json(200, {byClient: org.clientUsage.clients(), byApp: org.clientUsage.apps()});
		case 'DELETE usage/clients':
			org.clientUsage.reset();
			return noContent();
		default:
			return appRoute(org, route, p);
	}
}

/** `PATCH oauth/apps/<clientId>` (policies) and `POST users/<user>/permissions` (§14.10, §14.12). */
function appRoute(org: Org, route: string, p: Record<string, unknown>): ApiResponse | undefined {
	const patch = /^PATCH oauth\/apps\/([^/]+)$/.exec(route);
	if (patch) return json(200, org.oauth.updateApp(decodeURIComponent(patch[1] ?? ''), policyInput(org, p)));
	const permissions = /^POST users\/([^/]+)\/permissions$/.exec(route);
	if (permissions) {
		const user = userIdOf(org, permissions[1]) ?? '';
		if (!org.user(user)) throw new Error(`No user ${permissions[1] ?? ''}`);
		if (typeof p['useAnyApiClient'] !== 'boolean') throw new Error('useAnyApiClient: a boolean is required');
		org.setUseAnyApiClient(user, p['useAnyApiClient']);
		return json(200, {userId: user, useAnyApiClient: org.useAnyApiClient.has(user)});
	}
	return undefined;
}
