// Authentication and identity (salesforce-facts.md §1): Bearer/OAuth sid, the two 401 bodies, the versions
// list, the resources map, /services/oauth2/userinfo and /id/<org>/<user> (so `conn.identity()` works), and
// API Access Control (§13.1): when the org has it on, only OAuth tokens of registered apps reach the API.

import {json} from './api-types.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import {zoneOffsetMs} from '../soql/dates.js';
import type {Org, OrgUser} from '../org.js';
import type {Session} from '../records/sessions.js';

/**
 * API versions (salesforce-facts.md §14.7; REST API Developer Guide, "API End-of-Life Policy",
 * developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/api_rest_eol.htm): 41.0–67.0 are supported;
 * 7.0–20.0 retired in Summer '22, 21.0–30.0 in Summer '25, and 31.0–40.0 are "retired from Summer '28" — the
 * org plays that state already, so nothing leans on a version about to go. A retired version answers
 * "410:GONE"; one that never existed (or not yet), 404.
 */
export const MIN_VERSION = 41;
export const MAX_VERSION = 67;
export const OLDEST_RETIRED_VERSION = 7;
/** v31.0 = Summer '14: the anchor of the release names. */
const LABEL_ANCHOR = 31;

export type AuthResult = {ok: true; session: Session; sid: string} | {ok: false; response: ApiResponse};

/** §1.1: 401 with `WWW-Authenticate: Token` and no Sforce-Limit-Info. */
export function unauthorized(message = 'Session expired or invalid'): ApiResponse {
	return json(401, [{message, errorCode: 'INVALID_SESSION_ID'}], {'WWW-Authenticate': 'Token'});
}

export function bearerToken(req: ApiRequest): string | undefined {
	const h = req.headers['authorization'];
	const m = h ? /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(h) : null;
	return m?.[1] ?? req.query.get('oauth_token') ?? undefined;
}

export function authenticate(org: Org, req: ApiRequest, requireApi = true): AuthResult {
	const h = req.headers['authorization'];
	// Public client comment (§1.1, UNCONFIRMED): a malformed Authorization header is INVALID_AUTH_HEADER.
	if (h !== undefined && !/^(?:Bearer|OAuth)\s+\S+\s*$/i.test(h)) {
		return {
			ok: false,
			response: json(401, [{message: 'INVALID_HEADER_TYPE', errorCode: 'INVALID_AUTH_HEADER'}], {
				'WWW-Authenticate': 'Token',
			}),
		};
	}
	const sid = bearerToken(req);
	if (!sid) return {ok: false, response: unauthorized()};
	const check = org.sessions.check(sid, requireApi);
	if (!check.ok) {
		// §1.1: jsforce treats this message as "do not refresh".
		return {ok: false, response: check.reason === 'not-api' ? notApiSession() : unauthorized()};
	}
	// §13.1 API Access Control: only tokens of an installed (registered) app may use the API; a browser
	// session gets the same 401 as any non-API session — Salesforce does not tell the reasons apart. §14.12: a
	// user with "Use Any API Client" is not restricted; a token of an app the user may no longer use is refused.
	const {clientId, userId} = check.session;
	const exempt = org.useAnyApiClient.has(userId);
	if (requireApi && org.apiAccessControl && !exempt && !org.oauth.app(clientId))
		return {ok: false, response: notApiSession()};
	if (requireApi && org.oauth.refusesApiFor(clientId, userId)) return {ok: false, response: notApiSession()};
	return {ok: true, session: check.session, sid};
}

/** §1.1, §13.1: a valid session that may not use the REST API. */
export function notApiSession(): ApiResponse {
	return json(
		401,
		[{errorCode: 'INVALID_SESSION_ID', message: 'This session is not valid for use with the REST API'}],
		{
			'WWW-Authenticate': 'Token',
		},
	);
}

/** Release names: v31.0 = Summer '14, then Winter/Spring/Summer each +1.0 (v62.0 = Winter '25, v67.0 = Summer '26). */
export function versionLabel(v: number): string {
	const idx = v - LABEL_ANCHOR;
	const season = ['Summer', 'Winter', 'Spring'][idx % 3] ?? 'Summer';
	return `${season} '${14 + Math.floor((idx + 2) / 3)}`;
}

/** `GET /services/data/` — the supported versions; public, no Sforce-Limit-Info, not an API call (§6, §11.1; shape UNCONFIRMED). */
export function versionsList(): ApiResponse {
	const out = [];
	for (let v = MIN_VERSION; v <= MAX_VERSION; v++)
		out.push({label: versionLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0`});
	return json(200, out);
}

export function identityUrl(org: Org, origin: string, userId: string): string {
	return `${origin}/id/${org.orgId}/${userId}`;
}

/** `GET /services/data/vXX.X` resources map [REST:dome_discoveryresource]; identity is absolute. */
export function resources(org: Org, req: ApiRequest, version: string, userId: string): ApiResponse {
	const b = `/services/data/v${version}`;
	return json(200, {
		tooling: `${b}/tooling`,
		metadata: `${b}/metadata`,
		eclair: `${b}/eclair`,
		folders: `${b}/folders`,
		prechatForms: `${b}/prechatForms`,
		chatter: `${b}/chatter`,
		tabs: `${b}/tabs`,
		appMenu: `${b}/appMenu`,
		quickActions: `${b}/quickActions`,
		queryAll: `${b}/queryAll`,
		commerce: `${b}/commerce`,
		wave: `${b}/wave`,
		iot: `${b}/iot`,
		analytics: `${b}/analytics`,
		search: `${b}/search`,
		identity: identityUrl(org, req.origin, userId),
		composite: `${b}/composite`,
		parameterizedSearch: `${b}/parameterizedSearch`,
		theme: `${b}/theme`,
		nouns: `${b}/nouns`,
		recent: `${b}/recent`,
		licensing: `${b}/licensing`,
		limits: `${b}/limits`,
		process: `${b}/process`,
		async: `${b}/async`,
		query: `${b}/query`,
		match: `${b}/match`,
		emailConnect: `${b}/emailConnect`,
		compactLayouts: `${b}/compactLayouts`,
		knowledgeManagement: `${b}/knowledgeManagement`,
		sobjects: `${b}/sobjects`,
		actions: `${b}/actions`,
		support: `${b}/support`,
	});
}

function urls(origin: string, org: Org, u: OrgUser): Record<string, string> {
	const v = `${MAX_VERSION}.0`;
	return {
		enterprise: `${origin}/services/Soap/c/{version}/${org.orgId}`,
		metadata: `${origin}/services/Soap/m/{version}/${org.orgId}`,
		partner: `${origin}/services/Soap/u/{version}/${org.orgId}`,
		rest: `${origin}/services/data/v{version}/`,
		sobjects: `${origin}/services/data/v{version}/sobjects/`,
		search: `${origin}/services/data/v{version}/search/`,
		query: `${origin}/services/data/v{version}/query/`,
		recent: `${origin}/services/data/v{version}/recent/`,
		profile: `${origin}/${u.id}`,
		feeds: `${origin}/services/data/v${v}/chatter/feeds`,
		users: `${origin}/services/data/v${v}/chatter/users`,
		custom_domain: origin,
	};
}

/** `GET /id/<org>/<user>` — the fields jsforce's IdentityInfo declares plus common extras (§1.3; list partly UNCONFIRMED). */
export function identity(org: Org, req: ApiRequest, u: OrgUser): ApiResponse {
	const photo = `${req.origin}/img/userprofile/default_profile_200_v2.png`;
	return json(200, {
		id: identityUrl(org, req.origin, u.id),
		asserted_user: true,
		user_id: u.id,
		organization_id: org.orgId,
		username: u.username,
		nick_name: u.alias,
		display_name: u.name,
		email: u.email,
		email_verified: true,
		first_name: u.firstName,
		last_name: u.lastName,
		timezone: u.timeZone,
		photos: {picture: photo, thumbnail: photo},
		addr_street: null,
		addr_city: null,
		addr_state: null,
		addr_country: null,
		addr_zip: null,
		mobile_phone: null,
		mobile_phone_verified: false,
		is_lightning_login_user: false,
		status: {created_date: null, body: null},
		urls: urls(req.origin, org, u),
		active: true,
		user_type: 'STANDARD',
		language: u.language,
		locale: u.locale,
		utcOffset: zoneOffsetMs(org.clock.nowMs(), u.timeZone),
		last_modified_date: '2024-01-01T00:00:00.000+0000',
		is_app_installed: true,
	});
}

/** `GET /services/oauth2/userinfo` (OpenID Connect shape; §1.3 Option A). */
export function userinfo(org: Org, req: ApiRequest, u: OrgUser): ApiResponse {
	const photo = `${req.origin}/img/userprofile/default_profile_200_v2.png`;
	return json(200, {
		sub: identityUrl(org, req.origin, u.id),
		user_id: u.id,
		organization_id: org.orgId,
		preferred_username: u.username,
		nickname: u.alias,
		name: u.name,
		email: u.email,
		email_verified: true,
		given_name: u.firstName,
		family_name: u.lastName,
		zoneinfo: u.timeZone,
		photos: {picture: photo, thumbnail: photo},
		profile: `${req.origin}/${u.id}`,
		picture: photo,
		address: {},
		urls: urls(req.origin, org, u),
		active: true,
		user_type: 'STANDARD',
		language: u.language,
		locale: u.locale,
		utcOffset: zoneOffsetMs(org.clock.nowMs(), u.timeZone),
		updated_at: '2024-01-01T00:00:00Z',
		is_app_installed: true,
	});
}
