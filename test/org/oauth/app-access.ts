// Which users may use an app (salesforce-facts.md §14.12; Salesforce Help, "Use Any API Client – Restriction" and
// "API Access Control"; KB 005132365). A user with the "Use Any API Client" permission is not restricted. For
// anyone else, an app that is blocked (blocked by the admin, or — under API Access Control or since September
// 2025 — not installed and approved) gets `error=OAUTH_APP_BLOCKED` ("this app is blocked by admin") on the
// authorize redirect, and an app whose policy is "Admin approved users are pre-authorized" gets
// `OAUTH_APP_ACCESS_DENIED` ("user is not admin approved to access this app") for a user it does not list. At
// the token endpoint both are `invalid_app_access`. UNCONFIRMED: the token endpoint's error_description (the
// authorize wording is reused), that "Use Any API Client" also lifts the admin-approved-users policy, and that
// an access token already issued stops working on the API once its app is refused (auth.ts).

import type {OAuthApp, OAuthError} from './oauth.js';

export const APP_BLOCKED: OAuthError = {error: 'OAUTH_APP_BLOCKED', description: 'this app is blocked by admin'};
export const APP_ACCESS_DENIED: OAuthError = {
	error: 'OAUTH_APP_ACCESS_DENIED',
	description: 'user is not admin approved to access this app',
};
export const APP_ACCESS_REFUSED_AT_TOKEN: OAuthError = {
	error: 'invalid_app_access',
	description: 'user is not admin approved to access this app',
};

export function appAccessRefusal(
	app: Pick<OAuthApp, 'blocked' | 'permittedUsers'>,
	userId: string,
	useAnyApiClient: boolean,
): OAuthError | undefined {
	if (useAnyApiClient) return undefined;
	if (app.blocked) return APP_BLOCKED;
	if (app.permittedUsers !== 'all' && !app.permittedUsers.includes(userId)) return APP_ACCESS_DENIED;
	return undefined;
}
