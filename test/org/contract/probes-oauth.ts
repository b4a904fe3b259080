// Probes for OAuth (docs/local-org.md "OAuth 2.0 and API Access Control (R28, R29)", its UNCONFIRMED list 1–10, and salesforce-facts.md §14.10–§14.12). What
// needs no app is asked of any org; what needs one takes SF_CLIENT_ID, SF_REDIRECT_URI and SF_REFRESH_TOKEN of
// a connected (External Client) app; what needs a browser is described for a manual run.
import {CALLBACK} from '../oauth/oauth-flow.js';
import type {Probe, ProbeContext} from './probe-kit.js';

type Rec = Record<string, unknown>;
const FORM = {'Content-Type': 'application/x-www-form-urlencoded'};

async function token(ctx: ProbeContext, params: Record<string, string>, method = 'POST'): Promise<Rec> {
	const r = await ctx.raw('/services/oauth2/token', {
		method,
		auth: null,
		headers: FORM,
		...(method === 'POST' ? {body: new URLSearchParams(params).toString()} : {}),
	});
	return {status: r.status, ...(r.json as Rec)};
}

/** The local app a probe uses, registered on the local org; on a real org the one named by SF_CLIENT_ID. */
function appOf(ctx: ProbeContext): {clientId: string; redirectUri: string} {
	if (ctx.local) {
		const existing = ctx.local.oauth.listApps().find(a => a.name === 'Probe app');
		const clientId =
			existing?.clientId ?? ctx.local.oauth.registerApp({name: 'Probe app', callbackUrls: [CALLBACK]}).clientId;
		return {clientId, redirectUri: CALLBACK};
	}
	return {clientId: ctx.env('SF_CLIENT_ID') ?? '', redirectUri: ctx.env('SF_REDIRECT_URI') ?? ''};
}

export const oauthProbes: Probe[] = [
	{
		id: 'oauth-error-descriptions',
		item: 'OAuth UNCONFIRMED 2',
		question:
			'The token endpoint’s answers to an unknown client, an unknown grant type, a GET, and revoke of an unknown token',
		async run(ctx) {
			const revoke = await ctx.raw('/services/oauth2/revoke', {
				method: 'POST',
				auth: null,
				headers: FORM,
				body: 'token=nope',
			});
			return {
				unknownClient: await token(ctx, {
					grant_type: 'authorization_code',
					code: 'x',
					client_id: 'no-such-client',
					redirect_uri: CALLBACK,
				}),
				unknownGrant: await token(ctx, {grant_type: 'password-ish', client_id: 'x'}),
				get: await token(ctx, {}, 'GET'),
				revokeUnknown: {status: revoke.status, ...(revoke.json as Rec)},
			};
		},
		local: {
			unknownClient: {status: 400, error: 'invalid_client_id', error_description: 'client identifier invalid'},
			unknownGrant: {status: 400, error: 'unsupported_grant_type', error_description: 'grant type not supported'},
			get: {status: 400, error: 'invalid_request', error_description: 'must use HTTP POST'},
			revokeUnknown: {
				status: 400,
				error: 'unsupported_token_type',
				error_description: 'this token type is not supported',
			},
		},
	},
	{
		id: 'oauth-error-page',
		item: 'OAuth UNCONFIRMED 3',
		question: 'Where authorize sends a browser for an unknown client_id (before any sign-in)',
		async run(ctx) {
			const q = new URLSearchParams({response_type: 'code', client_id: 'no-such-client', redirect_uri: CALLBACK});
			const r = await ctx.raw(`/services/oauth2/authorize?${q.toString()}`, {auth: null, redirect: 'manual'});
			const to = new URL(r.headers.get('location') ?? '/', 'https://org.example');
			return {status: r.status, path: to.pathname, error: to.searchParams.get('error')};
		},
		local: {status: 302, path: '/setup/secur/RemoteAccessErrorPage.apexp', error: 'invalid_client_id'},
	},
	{
		id: 'oauth-pkce-method',
		item: 'OAuth UNCONFIRMED 4',
		question:
			'authorize with a code_challenge but no code_challenge_method, not signed in: an error on the callback or the login page first?',
		needs: ['SF_CLIENT_ID', 'SF_REDIRECT_URI'],
		async run(ctx) {
			const {clientId, redirectUri} = appOf(ctx);
			const q = new URLSearchParams({
				response_type: 'code',
				client_id: clientId,
				redirect_uri: redirectUri,
				code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
				state: 's',
			});
			const r = await ctx.raw(`/services/oauth2/authorize?${q.toString()}`, {auth: null, redirect: 'manual'});
			const to = new URL(r.headers.get('location') ?? '/', 'https://org.example');
			return {status: r.status, toCallback: to.href.startsWith(redirectUri), error: to.searchParams.get('error')};
		},
		local: {status: 302, toCallback: true, error: 'invalid_request'},
	},
	{
		id: 'oauth-refresh-answer',
		item: 'OAuth UNCONFIRMED 6, 7 (§14.10)',
		question: 'A refresh: the fields of the answer, the id host, whether a new refresh token comes back (rotation)',
		needs: ['SF_CLIENT_ID', 'SF_REFRESH_TOKEN'],
		async run(ctx) {
			let refresh = ctx.env('SF_REFRESH_TOKEN') ?? '';
			const {clientId} = appOf(ctx);
			if (ctx.local) {
				const code = ctx.local.oauth.issueCode({
					clientId,
					userId: ctx.userId,
					redirectUri: CALLBACK,
					challenge: undefined,
					scopes: ['api', 'refresh_token'],
					state: null,
				});
				const g = ctx.local.oauth.redeemCode({code, clientId, redirectUri: CALLBACK, verifier: null});
				refresh = g.ok ? (g.grant.refreshToken ?? '') : '';
			}
			const r = await token(ctx, {grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId});
			return {
				status: r['status'],
				fields: Object.keys(r)
					.filter(k => k !== 'status')
					.sort(),
				idHost: typeof r['id'] === 'string' ? new URL(r['id']).host : null,
			};
		},
		local: {
			status: 200,
			fields: ['access_token', 'id', 'instance_url', 'issued_at', 'scope', 'signature', 'token_type'],
			idHost: 'login.salesforce.com',
		},
	},
	{
		id: 'oauth-code-lifetime',
		item: 'OAuth UNCONFIRMED 1',
		question: 'How long an authorization code stays valid; is it spent by a failed exchange?',
		manual:
			'In a browser, authorize the app and keep the code from the callback; exchange it after 2, 5, 10 and 16 minutes (a new code each time); exchange one first with a wrong verifier, then with the right one.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const {clientId} = appOf(ctx);
			const issue = () =>
				ctx.local?.oauth.issueCode({
					clientId,
					userId: ctx.userId,
					redirectUri: CALLBACK,
					challenge: undefined,
					scopes: ['api'],
					state: null,
				}) ?? '';
			const exchange = (code: string) =>
				token(ctx, {grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: CALLBACK});
			const fresh = issue();
			ctx.local.clock.advance(14 * 60_000);
			const at14min = (await exchange(fresh))['status'];
			const old = issue();
			ctx.local.clock.advance(16 * 60_000);
			return {at14min, at16min: (await exchange(old))['status']};
		},
		local: {at14min: 200, at16min: 400},
	},
	{
		id: 'oauth-approval-page',
		item: 'OAuth UNCONFIRMED 5',
		question: 'Is the approval page shown again on a second authorize by the same user (no prompt=consent)?',
		manual: 'In a browser: authorize the app, Allow; authorize again: is "Allow Access?" shown?',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			return {shownEveryTime: !(ctx.local.oauth.app(appOf(ctx).clientId)?.preAuthorized ?? false)};
		},
		local: {shownEveryTime: true},
	},
	{
		id: 'oauth-token-lifetime',
		item: 'OAuth UNCONFIRMED 8 (§14.10)',
		question: 'Does an OAuth access token expire like a session (2 h unused)?',
		manual: 'Get an access token, leave it unused for 2 h 5 min, call /limits with it.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const {clientId} = appOf(ctx);
			const code = ctx.local.oauth.issueCode({
				clientId,
				userId: ctx.userId,
				redirectUri: CALLBACK,
				challenge: undefined,
				scopes: ['api'],
				state: null,
			});
			const g = ctx.local.oauth.redeemCode({code, clientId, redirectUri: CALLBACK, verifier: null});
			const access = g.ok ? g.grant.accessToken : '';
			ctx.local.clock.advance(121 * 60_000);
			return {after121min: (await ctx.raw('/services/data/v62.0/limits', {auth: `Bearer ${access}`})).status};
		},
		local: {after121min: 401},
	},
	{
		id: 'oauth-app-access',
		item: 'OAuth UNCONFIRMED 9 (§14.12)',
		question:
			'invalid_app_access: its error_description; does an issued access token stop working once the app is refused?',
		manual:
			'Block the app (Connected Apps OAuth Usage › Block) or limit it to admin-approved users without the session user; refresh with SF_REFRESH_TOKEN and call /limits with an access token issued before.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const clientId = ctx.local.oauth.registerApp({name: `${ctx.tag} blocked`, callbackUrls: [CALLBACK]}).clientId;
			const code = ctx.local.oauth.issueCode({
				clientId,
				userId: ctx.userId,
				redirectUri: CALLBACK,
				challenge: undefined,
				scopes: ['api', 'refresh_token'],
				state: null,
			});
			const g = ctx.local.oauth.redeemCode({code, clientId, redirectUri: CALLBACK, verifier: null});
			if (!g.ok) return g.err;
			ctx.local.oauth.updateApp(clientId, {blocked: true});
			const refreshed = await token(ctx, {
				grant_type: 'refresh_token',
				refresh_token: g.grant.refreshToken ?? '',
				client_id: clientId,
			});
			const api = await ctx.raw('/services/data/v62.0/limits', {auth: `Bearer ${g.grant.accessToken}`});
			return {refresh: refreshed, issuedToken: api.status};
		},
		local: {
			refresh: {
				status: 400,
				error: 'invalid_app_access',
				error_description: 'user is not admin approved to access this app',
			},
			issuedToken: 401,
		},
	},
	{
		id: 'client-usage',
		item: 'OAuth UNCONFIRMED 10',
		question: 'Per-client counts (Sforce-Call-Options client=): where Salesforce shows them',
		manual:
			'Salesforce shows per-client usage only in event logs (API Total Usage) and usage reports; compare with /__org__/usage/clients.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			ctx.local.clientUsage.reset();
			await ctx.api('/limits', {headers: {'Sforce-Call-Options': 'client=Probe/1'}});
			return ctx.local.clientUsage.clients();
		},
		local: {'Probe/1': 1},
	},
];
