// Points real Salesforce hostnames at the local org inside one Playwright BrowserContext, so tests and
// the demo run the manifest that ships (R26: no localhost, no <all_urls>). `context.route()` also
// intercepts the service worker's own fetch (engineering guide, "Facts about this stack").
//
// The org sees the original Host (and X-Forwarded-Proto: https), so its absolute URLs, redirects and
// Set-Cookie headers speak of `https://<name>.my.salesforce.com`, never of 127.0.0.1.

import {request as httpRequest} from 'node:http';
import type {BrowserContext, Route} from 'playwright-core';
import type {Org, OrgUser} from '../org/org.js';

export const DEFAULT_ORG_NAME = 'tickler-demo';

/** The two hosts of a My Domain (salesforce-facts.md §8). */
export type SalesforceHosts = {myDomain: string; lightning: string};

export function salesforceHosts(orgName: string = DEFAULT_ORG_NAME): SalesforceHosts {
	return {myDomain: `${orgName}.my.salesforce.com`, lightning: `${orgName}.lightning.force.com`};
}

/** What routing needs of a running local org: its base URL (`http://127.0.0.1:PORT`). */
export type RoutableOrg = {url: string};

export type RoutingOptions = {
	orgName?: string;
	/** Called for every forwarded request (method, URL, status): handy when a test needs to see traffic. */
	onRequest?: (entry: {method: string; url: string; status: number}) => void;
};

/**
 * Routes `https://<name>.my.salesforce.com/**` and `https://<name>.lightning.force.com/**` in `context`
 * to the local org. Call it before any page opens or the worker fetches (launchExtension({org}) does).
 */
export async function routeSalesforceToOrg(
	context: BrowserContext,
	org: RoutableOrg,
	options: RoutingOptions = {},
): Promise<SalesforceHosts> {
	const hosts = salesforceHosts(options.orgName);
	const target = new URL(org.url);
	for (const host of [hosts.myDomain, hosts.lightning]) {
		await context.route(`https://${host}/**`, async route => {
			try {
				const status = await forward(route, target);
				options.onRequest?.({method: route.request().method(), url: route.request().url(), status});
			} catch (error) {
				// The org closed under us (a test ending) — abort instead of letting Playwright log a crash.
				await route.abort('connectionrefused').catch(() => undefined);
				if (!isClosedError(error)) throw error;
			}
		});
	}

	return hosts;
}

/** Forwards one intercepted request to the org over HTTP, keeping method, headers (Host, Cookie, Authorization) and body. */
async function forward(route: Route, target: URL): Promise<number> {
	const original = route.request();
	const url = new URL(original.url());
	// allHeaders() includes Cookie and Authorization, which headers() may leave out.
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(await original.allHeaders())) {
		// HTTP/2 pseudo-headers and hop-by-hop headers are not forwardable over HTTP/1.1.
		if (name.startsWith(':') || name === 'connection' || name === 'content-length') continue;
		headers[name] = value;
	}
	headers['host'] = url.host;
	headers['x-forwarded-host'] = url.host;
	headers['x-forwarded-proto'] = 'https';
	const body = original.postDataBuffer();

	const response = await new Promise<{status: number; headers: Record<string, string>; body: Buffer}>(
		(resolve, reject) => {
			const outgoing = httpRequest(
				{
					host: target.hostname,
					port: target.port,
					method: original.method(),
					path: `${url.pathname}${url.search}`,
					headers: body ? {...headers, 'content-length': String(body.length)} : headers,
				},
				incoming => {
					const chunks: Buffer[] = [];
					incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
					incoming.on('error', reject);
					incoming.on('end', () => {
						resolve({
							status: incoming.statusCode ?? 502,
							headers: flattenHeaders(incoming.headers),
							body: Buffer.concat(chunks),
						});
					});
				},
			);
			outgoing.on('error', reject);
			outgoing.end(body ?? undefined);
		},
	);

	await route.fulfill({status: response.status, headers: response.headers, body: response.body});
	return response.status;
}

/**
 * Playwright's fulfill takes one string per header; several Set-Cookie values are joined with "\n",
 * which Chromium splits back into separate cookies.
 */
function flattenHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || name === 'transfer-encoding' || name === 'connection') continue;
		out[name] = Array.isArray(value) ? value.join('\n') : value;
	}

	return out;
}

function isClosedError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return /ECONNREFUSED|ECONNRESET|closed|Target page, context or browser has been closed/i.test(message);
}

export type SignedIn = {user: OrgUser; hosts: SalesforceHosts};

/**
 * Signs `user` in the way Salesforce leaves a browser after login (salesforce-facts.md §1.2): an
 * API-capable `sid` cookie on the My Domain host and a separate, non-API one on the Lightning host,
 * both host-only and Secure. The session ids are returned to nobody but the org: tests that need them
 * read `org.sessions`.
 */
export async function signIn(context: BrowserContext, org: Org, user: OrgUser = org.users.rep): Promise<SignedIn> {
	const hosts = salesforceHosts(org.name);
	const apiSid = org.sessions.create(user.id, 'api');
	const lightningSid = org.sessions.create(user.id, 'lightning');
	await context.addCookies([sidCookie(hosts.myDomain, apiSid), sidCookie(hosts.lightning, lightningSid)]);
	return {user, hosts};
}

/**
 * Ends sessions on the org's side, as a timeout or a logout elsewhere does: the browser keeps its stale
 * `sid` cookies (that is what the extension meets in real life). `user` limits it to one user's sessions;
 * `clearCookies` also removes the cookies, as signing out in the browser would.
 */
export async function expireSession(
	context: BrowserContext,
	org: Org,
	options: {user?: OrgUser; clearCookies?: boolean} = {},
): Promise<void> {
	for (const session of org.sessions.list()) {
		if (options.user === undefined || session.userId === options.user.id) org.sessions.expire(session.sid);
	}

	if (options.clearCookies === true) {
		const hosts = salesforceHosts(org.name);
		await context.clearCookies({name: 'sid', domain: hosts.myDomain});
		await context.clearCookies({name: 'sid', domain: hosts.lightning});
	}
}

function sidCookie(host: string, value: string): Parameters<BrowserContext['addCookies']>[0][number] {
	// `url` (not `domain`) makes a host-only cookie, as Salesforce's sid is.
	return {name: 'sid', value, url: `https://${host}/`, secure: true, httpOnly: false, sameSite: 'None'};
}
