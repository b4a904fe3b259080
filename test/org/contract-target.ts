// Where the contract tests run: the local org (default), or a real org when SF_INSTANCE_URL and
// SF_SESSION_ID are set (engineering.md §5 "Contract suite"). Tests that need the local org's control API
// (clock, users, faults, seeded data) use `localOnly` and are skipped — visibly — against a real org.

import {request as httpRequest} from 'node:http';
import {Connection} from 'jsforce';
import {test} from 'vitest';
import {startLocalOrg} from './index.js';
import type {LocalOrg, LocalOrgOptions} from './index.js';
import type {Org} from './org.js';

const realUrl = process.env['SF_INSTANCE_URL'];
const realSid = process.env['SF_SESSION_ID'];
export const REAL = Boolean(realUrl && realSid);
export const API_VERSION = '62.0';

if (REAL) {
	console.warn(
		`\n[contract] SF_INSTANCE_URL is set: running against the REAL org ${realUrl}. Tests that need the local org's control API are SKIPPED.\n`,
	);
}

/** A test that needs the local org (control API, fixed clock, seeded users/data). */
export const localOnly = test.skipIf(REAL);

export type Target = {
	url: string;
	sid: string;
	conn: Connection;
	userId: string;
	local: LocalOrg | undefined;
	org: Org | undefined;
	close(): Promise<void>;
};

export function connect(url: string, sid: string): Connection {
	return new Connection({instanceUrl: url, accessToken: sid, version: API_VERSION});
}

export async function openTarget(options: LocalOrgOptions = {}): Promise<Target> {
	if (REAL && realUrl && realSid) {
		const conn = connect(realUrl, realSid);
		const id = await conn.identity();
		return {
			url: realUrl,
			sid: realSid,
			conn,
			userId: id.user_id,
			local: undefined,
			org: undefined,
			close: async () => {},
		};
	}
	const local = await startLocalOrg(options);
	const sid = local.org.createSession(local.org.users.rep.id);
	return {
		url: local.url,
		sid,
		conn: connect(local.url, sid),
		userId: local.org.users.rep.id,
		local,
		org: local.org,
		close: () => local.close(),
	};
}

/** The local org, for `localOnly` tests (throws if called in real mode, which localOnly prevents). */
export function must<T>(v: T | undefined): T {
	if (v === undefined) throw new Error('local org required');
	return v;
}

/** Raw fetch with the target's session, for shapes jsforce hides (headers, status codes, raw bodies). */
export async function raw(
	t: Pick<Target, 'url' | 'sid'>,
	path: string,
	init: RequestInit & {auth?: string | null} = {},
): Promise<{status: number; headers: Headers; text: string; json: unknown}> {
	const headers = new Headers(init.headers);
	if (init.auth !== null) headers.set('Authorization', init.auth ?? `Bearer ${t.sid}`);
	const res = await fetch(t.url + path, {...init, headers, redirect: 'manual'});
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? (JSON.parse(text) as unknown) : undefined;
	} catch {
		json = undefined;
	}
	return {status: res.status, headers: res.headers, text, json};
}

/** Captures a rejected promise's error for field assertions. */
export async function failure(
	p: PromiseLike<unknown>,
): Promise<Error & {errorCode?: string; data?: unknown; statusCode?: number}> {
	try {
		await p;
	} catch (e) {
		return e as Error & {errorCode?: string};
	}
	throw new Error('expected the call to fail');
}

/** node:http request with an arbitrary Host header (fetch forbids setting Host); never follows redirects. */
export function httpCall(
	url: string,
	path: string,
	headers: Record<string, string>,
	method = 'GET',
	body?: string,
): Promise<{status: number; headers: Record<string, string | string[] | undefined>; text: string}> {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const req = httpRequest({host: u.hostname, port: u.port, path, method, headers}, res => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, text}));
		});
		req.on('error', reject);
		req.end(body);
	});
}

export const getWithHost = (url: string, path: string, headers: Record<string, string>): ReturnType<typeof httpCall> =>
	httpCall(url, path, headers);

/** After a clock jump beyond the session lifetime, give the target a fresh API session (local org only). */
export function renewSession(t: Target): void {
	const org = must(t.org);
	t.sid = org.createSession(t.userId);
	t.conn = connect(t.url, t.sid);
}
