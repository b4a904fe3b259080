import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {createFakeLocks} from '../../../test/fakes/web-locks.js';
import {authPause, OAuthReconnectNeededError} from '../salesforce/errors.js';
import {RECONNECT_COPY} from '@/shared/copy.js';
import {refreshLockName, refreshStored, type OAuthPortOptions} from './oauth-port.js';
import {type CredentialsDb, openCredentialsDb, readTokens, saveTokens} from './token-store.js';

const PARTITION = '00D000000000001AAA:005000000000001AAA';
const HOST = 'acme.my.salesforce.com';
let credentials: CredentialsDb;

/**
 * Salesforce's token endpoint with rotation on (Salesforce Help "OAuth 2.0 Refresh Token Flow"): each refresh
 * answers a new access token and a new refresh token and invalidates the one it used; a refresh token it does
 * not know (used, revoked, expired) gets 400 `invalid_grant` "expired access/refresh token". Answers after a
 * macrotask, so concurrent callers really overlap.
 */
function rotatingEndpoint(firstRefreshToken: string) {
	let valid = new Set([firstRefreshToken]);
	let issued = 0;
	const refreshes: string[] = [];
	const answer = (status: number, body: unknown) =>
		new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});
	const fetchImpl: typeof fetch = async (input, init) => {
		expect(input).toBe(`https://${HOST}/services/oauth2/token`);
		const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
		await new Promise(resolve => setTimeout(resolve, 5));
		const used = form.get('refresh_token') ?? '';
		refreshes.push(used);
		if (!valid.has(used))
			return answer(400, {error: 'invalid_grant', error_description: 'expired access/refresh token'});
		issued++;
		valid = new Set([`refresh-${issued}`]);
		return answer(200, {access_token: `access-${issued}`, refresh_token: `refresh-${issued}`, token_type: 'Bearer'});
	};

	return {
		fetchImpl,
		refreshes,
		revokeAll() {
			valid = new Set();
		},
	};
}

async function connectWith(refreshToken: string): Promise<void> {
	await saveTokens(credentials, {
		partition: PARTITION,
		host: HOST,
		instanceHost: HOST,
		clientId: '3MVG9clientid',
		accessToken: 'access-0',
		refreshToken,
		connectedAt: 0,
	});
}

beforeEach(() => {
	credentials = openCredentialsDb({name: `creds-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange});
});
afterEach(() => {
	credentials.close();
});

test('R54: two callers refused with the same expired token at once cause exactly one refresh, and both succeed', async () => {
	const endpoint = rotatingEndpoint('refresh-0');
	await connectWith('refresh-0');
	const locks = createFakeLocks();
	const options: OAuthPortOptions = {credentials, fetchImpl: endpoint.fetchImpl, locks};
	// A sync cycle and a badge lookup, each with its own port that sent `access-0` and was told it expired.
	const [cycle, badge] = await Promise.all([
		refreshStored(PARTITION, options, 'access-0'),
		refreshStored(PARTITION, options, 'access-0'),
	]);
	expect(endpoint.refreshes).toEqual(['refresh-0']);
	expect(cycle).toBe('access-1');
	expect(badge).toBe('access-1');
	// The rotated refresh token is kept: the next refresh (once access-1 expires) succeeds with it.
	expect(await readTokens(credentials, PARTITION)).toMatchObject({accessToken: 'access-1', refreshToken: 'refresh-1'});
	expect(await refreshStored(PARTITION, options, 'access-1')).toBe('access-2');
	expect(endpoint.refreshes).toEqual(['refresh-0', 'refresh-1']);
	expect((await readTokens(credentials, PARTITION))?.needsReconnect).toBeUndefined();
	expect(locks.queued(refreshLockName(PARTITION))).toBe(0);
});

test('R54: a refresh waits for the partition’s lock, and one holding it keeps every other caller out', async () => {
	const endpoint = rotatingEndpoint('refresh-0');
	await connectWith('refresh-0');
	const locks = createFakeLocks();
	let releaseHeld: () => void = () => undefined;
	const held = locks.request(
		refreshLockName(PARTITION),
		async () =>
			new Promise<void>(resolve => {
				releaseHeld = resolve;
			}),
	);
	const waiting = refreshStored(PARTITION, {credentials, fetchImpl: endpoint.fetchImpl, locks}, 'access-0');
	await new Promise(resolve => setTimeout(resolve, 20));
	expect(endpoint.refreshes).toEqual([]);
	releaseHeld();
	await held;
	expect(await waiting).toBe('access-1');
});

test('R54: an expired or revoked refresh token pauses for Reconnect with the reason in plain words, once', async () => {
	const endpoint = rotatingEndpoint('refresh-0');
	await connectWith('refresh-0');
	endpoint.revokeAll();
	const options: OAuthPortOptions = {credentials, fetchImpl: endpoint.fetchImpl, locks: createFakeLocks()};
	const error: unknown = await refreshStored(PARTITION, options, 'access-0').catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(OAuthReconnectNeededError);
	expect((error as OAuthReconnectNeededError).reason).toBe('expired');
	expect(authPause(error)).toEqual({pauseReason: 'reconnect', message: RECONNECT_COPY.expired});
	expect(RECONNECT_COPY.expired).toMatch(/expired or was revoked.*more than five computers.*Reconnect to Salesforce/);
	expect(await readTokens(credentials, PARTITION)).toMatchObject({needsReconnect: true, reconnectReason: 'expired'});
	// Marked: a later caller gets the same reason without another request (no loop, R54).
	const again: unknown = await refreshStored(PARTITION, options, 'access-0').catch((caught: unknown) => caught);
	expect((again as OAuthReconnectNeededError).reason).toBe('expired');
	expect(endpoint.refreshes).toHaveLength(1);
});

test('R54: an app the org has not approved (invalid_app_access) says what the admin must do', async () => {
	await connectWith('refresh-0');
	const fetchImpl: typeof fetch = async () =>
		new Response(JSON.stringify({error: 'invalid_app_access', error_description: 'user is not admin approved'}), {
			status: 400,
		});
	const error: unknown = await refreshStored(PARTITION, {credentials, fetchImpl, locks: createFakeLocks()}).catch(
		(caught: unknown) => caught,
	);
	expect((error as OAuthReconnectNeededError).reason).toBe('app-not-approved');
	expect(authPause(error)?.message).toBe(RECONNECT_COPY['app-not-approved']);
	expect(RECONNECT_COPY['app-not-approved']).toMatch(/admin has not approved Tickler.*Ask them to approve/);
	expect((await readTokens(credentials, PARTITION))?.reconnectReason).toBe('app-not-approved');
});

test('R54: a server error at the token endpoint is not a refusal: nothing is marked, the next cycle retries', async () => {
	await connectWith('refresh-0');
	const fetchImpl: typeof fetch = async () => new Response('<html>down</html>', {status: 503});
	const error: unknown = await refreshStored(PARTITION, {credentials, fetchImpl, locks: createFakeLocks()}).catch(
		(caught: unknown) => caught,
	);
	expect(error).not.toBeInstanceOf(OAuthReconnectNeededError);
	expect((await readTokens(credentials, PARTITION))?.needsReconnect).toBeUndefined();
});

test('R54: a token endpoint that never answers gives up after the timeout — a transient failure — and frees the lock', async () => {
	await connectWith('refresh-0');
	// Answers only when aborted: a connection that stays open with nothing coming back.
	const silent: typeof fetch = async (_input, init) =>
		new Promise<Response>((_resolve, reject) => {
			init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
		});
	const locks = createFakeLocks();
	const error: unknown = await refreshStored(PARTITION, {credentials, fetchImpl: silent, locks, timeoutMs: 30}).catch(
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(TypeError);
	expect(String(error)).toContain('did not answer within 30 ms');
	expect((await readTokens(credentials, PARTITION))?.needsReconnect).toBeUndefined();

	// The lock is free again: the next caller refreshes at once.
	const endpoint = rotatingEndpoint('refresh-0');
	await expect(
		refreshStored(PARTITION, {credentials, fetchImpl: endpoint.fetchImpl, locks, timeoutMs: 30}),
	).resolves.toBe('access-1');
});
