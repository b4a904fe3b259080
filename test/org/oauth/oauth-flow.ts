// The OAuth web-server flow as a browser and an app walk it against the local org (for oauth-policies.int.test.ts):
// sign in through the org's login form, open authorize, click Allow, exchange the code with its verifier.
import {createHash, randomBytes} from 'node:crypto';
import {httpCall} from '../contract-target.js';
import type {LocalOrg} from '../index.js';

export const MY = 'tickler-demo.my.salesforce.com';
export const CALLBACK = 'https://abcdefghijklmnop.chromiumapp.org/';
const FORM = {'content-type': 'application/x-www-form-urlencoded'};

type Http = Awaited<ReturnType<typeof httpCall>>;
export type TokenAnswer = {status: number; json: Record<string, unknown>};

const header = (r: Http, name: string): string => {
	const v = r.headers[name];
	return Array.isArray(v) ? v.join(';') : (v ?? '');
};

export function pkce(): {verifier: string; challenge: string} {
	const verifier = randomBytes(48).toString('base64url');
	return {verifier, challenge: createHash('sha256').update(verifier).digest('base64url')};
}

export function oauthFlow(local: LocalOrg) {
	async function login(userKey: keyof LocalOrg['org']['users'] = 'rep'): Promise<string> {
		const body = new URLSearchParams({username: local.org.users[userKey].username, pw: 'demo', startURL: '/'});
		const res = await httpCall(local.url, '/login', {Host: MY, ...FORM}, 'POST', body.toString());
		return /sid=([^;]*)/.exec(header(res, 'set-cookie'))?.[1] ?? '';
	}

	/** Opens authorize for a signed-in browser: the callback URL it ends on (after Allow when a page is shown). */
	async function authorize(sid: string, clientId: string, challenge: string): Promise<URL> {
		const params = new URLSearchParams({
			response_type: 'code',
			client_id: clientId,
			redirect_uri: CALLBACK,
			code_challenge: challenge,
			code_challenge_method: 'S256',
			state: 'st-1',
		});
		const page = await httpCall(local.url, `/services/oauth2/authorize?${params.toString()}`, {
			Host: MY,
			Cookie: `sid=${sid}`,
		});
		if (page.status === 302) return new URL(header(page, 'location'));
		const approval = /name="approval" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
		const res = await httpCall(
			local.url,
			'/setup/secur/RemoteAccessAuthorizationPage.apexp',
			{Host: MY, Cookie: `sid=${sid}`, ...FORM},
			'POST',
			new URLSearchParams({approval, decision: 'allow'}).toString(),
		);
		return new URL(header(res, 'location'));
	}

	async function token(params: Record<string, string>): Promise<TokenAnswer> {
		const res = await httpCall(
			local.url,
			'/services/oauth2/token',
			{Host: MY, ...FORM},
			'POST',
			new URLSearchParams(params).toString(),
		);
		return {status: res.status, json: res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {}};
	}

	/** The whole flow for a user: the token endpoint's answer to the code exchange. */
	async function connect(clientId: string, userKey: keyof LocalOrg['org']['users'] = 'rep'): Promise<TokenAnswer> {
		const {verifier, challenge} = pkce();
		const back = await authorize(await login(userKey), clientId, challenge);
		return token({
			grant_type: 'authorization_code',
			code: back.searchParams.get('code') ?? '',
			client_id: clientId,
			redirect_uri: CALLBACK,
			code_verifier: verifier,
		});
	}

	const refresh = (clientId: string, refreshToken: string): Promise<TokenAnswer> =>
		token({grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId});

	return {login, authorize, token, connect, refresh};
}
