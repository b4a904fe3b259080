// Browser-facing pages: the login page (sets `sid` cookies as Salesforce does: an API-capable one on
// `<name>.my.salesforce.com`, a non-API one on `<name>.lightning.force.com` — salesforce-facts.md §1.2),
// the Lightning-like app (`/lightning/...`, client-rendered, pushState navigation), and Classic record pages
// (`/<id>`, server-rendered, full reloads) with the Classic home `/home/home.jsp`. Markup is documented in
// docs/local-org.md. Every HTML page carries a strict Content-Security-Policy (page-html.ts), so the
// pages' script and stylesheets are served from /_ui/.

import {json} from '../api/api-types.js';
import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import {escapeHtml, html, redirect} from './page-html.js';
import {hostKind, lightningHostFor, myDomainHostFor, parseCookies} from '../hosts.js';
import {normalizeId} from '../records/ids.js';
import type {Org, OrgUser} from '../org.js';
import {handlePageApi} from './page-api.js';
import {PAGE_CLIENT_JS} from './page-client.js';
import {CLASSIC_CSS, LIGHTNING_CSS} from './page-styles.js';
import type {SessionKind} from '../records/sessions.js';
import {classicAction, classicHome, classicPage} from './pages-classic.js';

/** Every demo user signs in with this password (shown on the login page). */
export const DEMO_PASSWORD = 'demo';
const HOME = '/lightning/page/home';

function host(req: ApiRequest): string {
	return req.headers['host'] ?? new URL(req.origin).host;
}

function proto(req: ApiRequest): string {
	return req.origin.startsWith('https') ? 'https' : 'http';
}

/** Host-only `sid` cookie (no Domain), like Salesforce's; `Secure` only when the page is https. Not HttpOnly (see docs). */
function sidCookie(req: ApiRequest, sid: string): string {
	return proto(req) === 'https' ? `sid=${sid}; Path=/; Secure; SameSite=None` : `sid=${sid}; Path=/; SameSite=Lax`;
}

function safeReturn(url: string | null | undefined): string {
	return url && url.startsWith('/') && !url.startsWith('//') ? url : HOME;
}

/** The signed-in user of a page request: any valid session kind (the UI is not the API). */
function pageUser(org: Org, req: ApiRequest): OrgUser | undefined {
	const sid = parseCookies(req.headers['cookie']).get('sid');
	if (!sid) return undefined;
	const check = org.sessions.check(sid, false);
	return check.ok ? org.user(check.session.userId) : undefined;
}

/** After login on the My Domain host, hand a separate lightning-kind session to the Lightning host (frontdoor). */
function afterLogin(org: Org, req: ApiRequest, user: OrgUser, startUrl: string): ApiResponse {
	// §13.1: a login on the way to OAuth authorize goes straight back to it, on this (My Domain) host.
	if (startUrl.startsWith('/services/oauth2/authorize?')) return redirect(startUrl);
	if (hostKind(host(req)) === 'my-domain') {
		const lsid = org.createSession(user.id, 'lightning');
		return redirect(
			`${proto(req)}://${lightningHostFor(host(req))}/secur/frontdoor.jsp?sid=${encodeURIComponent(lsid)}&retURL=${encodeURIComponent(startUrl)}`,
		);
	}
	return redirect(startUrl);
}

function loginRedirect(req: ApiRequest): ApiResponse {
	const start = encodeURIComponent(req.path + (req.query.size ? `?${req.query.toString()}` : ''));
	if (hostKind(host(req)) === 'lightning')
		return redirect(`${proto(req)}://${myDomainHostFor(host(req))}/login?startURL=${start}`);
	return redirect(`/login?startURL=${start}`);
}

function loginPage(org: Org, req: ApiRequest, error?: string): ApiResponse {
	const users = org
		.allUsers()
		.map(
			u =>
				`<li><code data-testid="demo-username">${escapeHtml(u.username)}</code> (${escapeHtml(u.name)}, ${escapeHtml(u.timeZone)})</li>`,
		)
		.join('');
	const start = escapeHtml(safeReturn(req.query.get('startURL')));
	return html(
		error ? 401 : 200,
		`<!doctype html><html><head><meta charset="utf-8"><title>Login | Salesforce</title></head><body>
<main data-testid="login-page"><h1>Log in to ${escapeHtml(org.name)} (local Salesforce org)</h1>
${error ? `<p data-testid="login-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login" data-testid="login-form">
<input type="hidden" name="startURL" value="${start}">
<label>Username <input name="username" data-testid="username" value="${escapeHtml(org.users.rep.username)}"></label>
<label>Password <input name="pw" type="password" data-testid="password" value=""></label>
<button type="submit" data-testid="login">Log In</button></form>
<p>Demo users (password <code data-testid="demo-password">${DEMO_PASSWORD}</code>):</p><ul>${users}</ul></main></body></html>`,
	);
}

function shell(org: Org, user: OrgUser): ApiResponse {
	return html(
		200,
		`<!doctype html><html><head><meta charset="utf-8"><title>Salesforce</title>
<link rel="stylesheet" href="/_ui/app.css"></head>
<body><div id="app" data-testid="lightning-app" data-org-id="${org.orgId}">
<header data-testid="global-header"><strong>${escapeHtml(org.name)}</strong>
<a data-nav href="${HOME}" data-testid="nav-home">Home</a><a data-nav href="/lightning/o/Task/list" data-testid="nav-tasks">Tasks</a>
<span data-testid="current-user" data-user-id="${user.id}">${escapeHtml(user.name)}</span><a href="/secur/logout.jsp" data-testid="logout">Log out</a></header>
<p data-testid="message" role="status"></p><main data-testid="page" data-page="loading"></main></div>
<script src="/_ui/app.js"></script></body></html>`,
	);
}

export function handlePage(org: Org, req: ApiRequest): ApiResponse {
	const path = req.path;
	if (path === '/_ui/app.js')
		return {status: 200, headers: {'Content-Type': 'application/javascript;charset=UTF-8'}, body: PAGE_CLIENT_JS};
	if (path === '/_ui/app.css')
		return {status: 200, headers: {'Content-Type': 'text/css;charset=UTF-8'}, body: LIGHTNING_CSS};
	if (path === '/_ui/classic.css')
		return {status: 200, headers: {'Content-Type': 'text/css;charset=UTF-8'}, body: CLASSIC_CSS};
	if (path === '/favicon.ico') return {status: 204, headers: {}, body: undefined};
	if (path === '/login' || path === '/') {
		if (req.method === 'POST') {
			const form = new URLSearchParams(req.body);
			const user = org.userByUsername(form.get('username') ?? '');
			if (!user || form.get('pw') !== DEMO_PASSWORD)
				return loginPage(org, req, 'Please check your username and password.');
			const kind: SessionKind = hostKind(host(req)) === 'lightning' ? 'lightning' : 'api';
			const sid = org.createSession(user.id, kind);
			const res = afterLogin(org, req, user, safeReturn(form.get('startURL')));
			return {...res, headers: {...res.headers, 'Set-Cookie': sidCookie(req, sid)}};
		}
		const user = pageUser(org, req);
		if (user && hostKind(host(req)) !== 'lightning')
			return afterLogin(org, req, user, safeReturn(req.query.get('startURL')));
		if (user) return redirect(HOME);
		if (hostKind(host(req)) === 'lightning') return loginRedirect(req);
		return loginPage(org, req);
	}
	if (path === '/secur/frontdoor.jsp') {
		const sid = req.query.get('sid') ?? '';
		if (!org.sessions.check(sid, false).ok) return loginRedirect(req);
		return redirect(safeReturn(req.query.get('retURL')), {'Set-Cookie': sidCookie(req, sid)});
	}
	if (path === '/secur/logout.jsp') {
		const sid = parseCookies(req.headers['cookie']).get('sid');
		if (sid) org.expireSession(sid);
		return redirect('/login', {
			'Set-Cookie': `sid=; Path=/; Max-Age=0${proto(req) === 'https' ? '; Secure; SameSite=None' : ''}`,
		});
	}
	const user = pageUser(org, req);
	if (path.startsWith('/_ui/api/'))
		return user
			? handlePageApi(org, req, user)
			: json(401, {error: {errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid'}});
	if (path === '/one/one.app') return user ? redirect(HOME) : loginRedirect(req);
	if (path === '/lightning' || path.startsWith('/lightning/')) return user ? shell(org, user) : loginRedirect(req);
	if (path === '/home/home.jsp') return user ? classicHome(org, user) : loginRedirect(req);
	const classic = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})$/.exec(path);
	if (classic && normalizeId(classic[1] ?? '')) {
		if (!user) return loginRedirect(req);
		return req.method === 'POST'
			? classicAction(org, req, user, classic[1] ?? '')
			: classicPage(org, user, classic[1] ?? '');
	}
	return html(404, '<!doctype html><html><body><h1 data-testid="page-title">URL No Longer Exists</h1></body></html>');
}
