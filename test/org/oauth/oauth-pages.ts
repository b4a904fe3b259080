// The OAuth pages a browser sees during the web-server flow (salesforce-facts.md §13.1): the approval page
// ("Allow Access?", naming the app, with Allow/Deny) and the error page Salesforce shows instead of
// redirecting to an unknown client or an unregistered callback URL. Both carry the org's strict CSP
// (page-html.ts) and use the served Classic stylesheet. Element ids are documented in docs/local-org.md.

import type {ApiResponse} from '../api/api-types.js';
import type {OAuthApp} from './oauth.js';
import type {OrgUser} from '../org.js';
import {escapeHtml, html} from '../pages/page-html.js';

/** Where the approval form posts, and where the error page lives: the paths Salesforce uses. */
export const APPROVAL_PATH = '/setup/secur/RemoteAccessAuthorizationPage.apexp';
export const ERROR_PATH = '/setup/secur/RemoteAccessErrorPage.apexp';

/** Labels of the scopes the approval page lists (Salesforce's wording for these scopes; others shown as-is). */
const SCOPE_LABELS: Record<string, string> = {
	api: 'Manage user data via APIs (api)',
	refresh_token: 'Perform requests at any time (refresh_token, offline_access)',
	offline_access: 'Perform requests at any time (refresh_token, offline_access)',
	full: 'Full access (full)',
	id: 'Access the identity URL service (id, profile, email, address, phone)',
	openid: 'Access unique user identifiers (openid)',
	web: 'Access the Salesforce API Platform (web)',
};

function document(title: string, body: string, status = 200): ApiResponse {
	return html(
		status,
		`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce</title>
<link rel="stylesheet" href="/_ui/classic.css"></head>
<body class="classic">${body}</body></html>`,
	);
}

export function approvalPage(app: OAuthApp, user: OrgUser, scopes: string[], approvalId: string): ApiResponse {
	const labels = [...new Set(scopes.map(s => SCOPE_LABELS[s] ?? s))];
	const items = labels.map(l => `<li data-testid="oauth-scope">${escapeHtml(l)}</li>`).join('');
	return document(
		'Allow Access?',
		`<main id="oauth-approval" data-testid="oauth-approval-page">
<h1 data-testid="oauth-title">Allow Access?</h1>
<p><strong id="oauth-app-name" data-testid="oauth-app-name">${escapeHtml(app.name)}</strong> is asking to:</p>
<ul data-testid="oauth-scopes">${items}</ul>
<p>Signed in as <span data-testid="oauth-username">${escapeHtml(user.username)}</span>.
Do you want to allow access for ${escapeHtml(user.name)}?</p>
<form method="post" action="${APPROVAL_PATH}" id="oauth-approval-form" data-testid="oauth-approval-form">
<input type="hidden" name="approval" value="${escapeHtml(approvalId)}">
<button type="submit" name="decision" value="deny" id="oauth-deny" data-testid="oauth-deny">Deny</button>
<button type="submit" name="decision" value="allow" id="oauth-approve" data-testid="oauth-approve">Allow</button>
</form></main>`,
	);
}

/** `/setup/secur/RemoteAccessErrorPage.apexp?error=…&error_description=…` (the error is in the URL, as on Salesforce). */
export function errorPage(error: string, description: string): ApiResponse {
	return document(
		'Error',
		`<main id="oauth-error" data-testid="oauth-error-page">
<h1>OAuth Error</h1>
<p>We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.</p>
<p><code id="oauth-error-code" data-testid="oauth-error-code">${escapeHtml(error)}</code>:
<span data-testid="oauth-error-description">${escapeHtml(description)}</span></p></main>`,
		400,
	);
}

export function approvalGonePage(): ApiResponse {
	return document(
		'Error',
		`<main id="oauth-error" data-testid="oauth-error-page"><h1>OAuth Error</h1>
<p data-testid="oauth-error-description">This approval request is no longer valid. Start again from the app.</p></main>`,
		400,
	);
}
