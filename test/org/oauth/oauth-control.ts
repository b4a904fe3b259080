// Control API for OAuth, API Access Control and per-client usage (`/__org__/…`; docs/local-org.md). Not a
// Salesforce route: for the demo and for tests that run the org in another process (extension e2e).

import {json, noContent} from '../api/api-types.js';
import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import type {AppInput} from './oauth.js';
import type {Org} from '../org.js';

/** `userId` may be an id or one of the demo user keys rep / rep2 / admin. */
function userIdOf(org: Org, v: unknown): string | undefined {
	if (typeof v !== 'string') return undefined;
	return v in org.users ? org.users[v as keyof Org['users']].id : v;
}

function appInput(p: Record<string, unknown>): AppInput {
	const strings = (v: unknown): string[] | undefined =>
		Array.isArray(v) && v.every(x => typeof x === 'string') ? v : undefined;
	const callbackUrls = strings(p['callbackUrls']);
	if (!callbackUrls) throw new Error('callbackUrls: an array of URLs is required');
	const scopes = strings(p['scopes']);
	return {
		callbackUrls,
		...(typeof p['clientId'] === 'string' ? {clientId: p['clientId']} : {}),
		...(typeof p['name'] === 'string' ? {name: p['name']} : {}),
		...(scopes ? {scopes} : {}),
		...(typeof p['requirePkce'] === 'boolean' ? {requirePkce: p['requirePkce']} : {}),
		...(typeof p['preAuthorized'] === 'boolean' ? {preAuthorized: p['preAuthorized']} : {}),
	};
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
			return json(201, org.oauth.registerApp(appInput(p)));
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
			return undefined;
	}
}
