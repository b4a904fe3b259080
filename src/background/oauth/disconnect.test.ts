import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {disconnectOAuth, pendingRevocations, retryRevocations} from './disconnect.js';
import {type CredentialsDb, openCredentialsDb, readTokens, saveTokens} from './token-store.js';

const PARTITION = '00D000000000001AAA:005000000000001AAA';
const HOST = 'acme.my.salesforce.com';
let credentials: CredentialsDb;

/** Salesforce's revoke endpoint, or no answer at all (offline): records every token it was sent. */
function revokeEndpoint(answer: () => number | 'offline') {
	const sent: string[] = [];
	const fetchImpl: typeof fetch = async (input, init) => {
		expect(input).toBe(`https://${HOST}/services/oauth2/revoke`);
		const status = answer();
		if (status === 'offline') throw new TypeError('Failed to fetch');
		sent.push(new URLSearchParams(typeof init?.body === 'string' ? init.body : '').get('token') ?? '');
		return new Response(null, {status});
	};

	return {fetchImpl, sent};
}

beforeEach(async () => {
	credentials = openCredentialsDb({name: `creds-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange});
	await saveTokens(credentials, {
		partition: PARTITION,
		host: HOST,
		instanceHost: HOST,
		clientId: '3MVG9clientid',
		accessToken: 'access-1',
		refreshToken: 'refresh-1',
		connectedAt: 0,
	});
});
afterEach(() => {
	credentials.close();
});

test('R28: a revoke that failed on Disconnect is kept, said to the settings page, and sent again until Salesforce confirms', async () => {
	let online = false;
	const endpoint = revokeEndpoint(() => (online ? 200 : 'offline'));
	const options = {fetchImpl: endpoint.fetchImpl, now: 1000};
	expect(await disconnectOAuth(credentials, PARTITION, options)).toEqual({revoked: false});
	// Disconnected here at once: sync no longer uses the connection.
	expect(await readTokens(credentials, PARTITION)).toBeUndefined();
	// The settings page learns where and since when — never the token.
	expect(await pendingRevocations(credentials)).toEqual([{partition: PARTITION, host: HOST, since: 1000}]);

	// Still offline at the next start: kept.
	expect(await retryRevocations(credentials, options)).toBe(1);
	online = true;
	expect(await retryRevocations(credentials, options)).toBe(0);
	// The refresh token was revoked (it revokes its access tokens too), once.
	expect(endpoint.sent).toEqual(['refresh-1']);
	expect(await pendingRevocations(credentials)).toEqual([]);
});

test('R28: a token Salesforce no longer knows (400) needs no more tries; a 5xx is tried again', async () => {
	const answers = [503, 400];
	const endpoint = revokeEndpoint(() => answers.shift() ?? 200);
	const options = {fetchImpl: endpoint.fetchImpl};
	expect(await disconnectOAuth(credentials, PARTITION, options)).toEqual({revoked: false});
	expect(await pendingRevocations(credentials)).toHaveLength(1);
	expect(await retryRevocations(credentials, options)).toBe(0);
	expect(endpoint.sent).toEqual(['refresh-1', 'refresh-1']);
});

test('R28: a revoke Salesforce confirms at once leaves nothing behind', async () => {
	const endpoint = revokeEndpoint(() => 200);
	expect(await disconnectOAuth(credentials, PARTITION, {fetchImpl: endpoint.fetchImpl})).toEqual({revoked: true});
	expect(await pendingRevocations(credentials)).toEqual([]);
	expect(await credentials.revocations.count()).toBe(0);
	// Nothing to disconnect any more: no request.
	expect(await disconnectOAuth(credentials, PARTITION, {fetchImpl: endpoint.fetchImpl})).toEqual({revoked: false});
	expect(endpoint.sent).toEqual(['refresh-1']);
});
