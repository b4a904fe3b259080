import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {
	authWindowUrls,
	resetFakeBrowser,
	setAuthWindow,
	setManagedStorage,
	setOptionalPermission,
} from '../../../test/fakes/browser.js';
import {CONNECT_COPY, ENABLE_SYNC_COPY} from '@/shared/copy.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {connectionSettings, connectWithOAuth} from './connect-oauth.js';

// The worker's databases, on a fresh fake IndexedDB.
const dbs = openTestWorkerDbs('connect-oauth');
const {db, credentials: credentialsDb} = dbs;

const HOST = 'acme.my.salesforce.com';
const ORG = '00D000000000001AAA';
const USER = '005000000000001AAA';
/** What reached "Salesforce": every token and revoke request, by path. */
const requests: Array<{path: string; form: URLSearchParams}> = [];

/** The auth window: Salesforce answers with a code and the request's own state. */
const approve = async (url: string) =>
	`https://fakeextensionidaaaaaaaaaaaaaaaa.chromiumapp.org/?code=the-code&state=${new URL(url).searchParams.get('state') ?? ''}`;

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all([...db.tables, ...credentialsDb.tables].map(table => table.clear()));
	requests.length = 0;
	vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
		const url = new URL(input);
		const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
		requests.push({path: url.pathname, form});
		if (url.pathname === '/services/oauth2/token')
			return new Response(
				JSON.stringify({
					access_token: 'access-1',
					refresh_token: 'refresh-1',
					instance_url: `https://${HOST}`,
					id: `https://login.salesforce.com/id/${ORG}/${USER}`,
					issued_at: '1',
				}),
				{status: 200},
			);
		return new Response(null, {status: 200});
	});
});
afterEach(() => {
	vi.unstubAllGlobals();
});

test('R28: without the optional identity permission no sign-in window opens, and the rep is told why', async () => {
	setManagedStorage({oauthClientId: '3MVG9adminsid.x'});
	setAuthWindow(approve);
	const refused: unknown = await connectWithOAuth(dbs, {host: HOST}).catch((error: unknown) => error);
	expect((refused as Error).message).toBe(CONNECT_COPY.permissionRefused);
	expect(authWindowUrls()).toEqual([]);
	expect(requests).toEqual([]);
	// The callback URL an admin registers is known without the permission.
	expect((await connectionSettings(dbs)).redirectUrl).toBe('https://fakeextensionidaaaaaaaaaaaaaaaa.chromiumapp.org/');
});

test('R30: an admin’s "sync off" is honoured at once by Connect: no window, no token, nothing turned on', async () => {
	setOptionalPermission('identity', true);
	setManagedStorage({oauthClientId: '3MVG9adminsid.x', syncEnabled: false});
	setAuthWindow(approve);
	const refused: unknown = await connectWithOAuth(dbs, {host: HOST}).catch((error: unknown) => error);
	expect(refused).toMatchObject({name: 'SyncTurnedOffByAdminError', message: ENABLE_SYNC_COPY.turnedOffByAdmin});
	expect(authWindowUrls()).toEqual([]);
	expect(requests).toEqual([]);
	expect(await credentialsDb.tokens.count()).toBe(0);
	expect(await db.partitions.count()).toBe(0);
});

test('R30: a "sync off" preset that arrives while the rep is in the Salesforce window: the new token is revoked, not kept', async () => {
	setOptionalPermission('identity', true);
	setManagedStorage({oauthClientId: '3MVG9adminsid.x'});
	setAuthWindow(async url => {
		setManagedStorage({oauthClientId: '3MVG9adminsid.x', syncEnabled: false});
		return approve(url);
	});
	const refused: unknown = await connectWithOAuth(dbs, {host: HOST}).catch((error: unknown) => error);
	expect(refused).toMatchObject({name: 'SyncTurnedOffByAdminError'});
	expect(authWindowUrls()).toHaveLength(1);
	expect(await credentialsDb.tokens.count()).toBe(0);
	expect(await db.partitions.count()).toBe(0);
	expect(requests.map(request => request.path)).toEqual(['/services/oauth2/token', '/services/oauth2/revoke']);
	expect(requests[1]?.form.get('token')).toBe('refresh-1');
	expect(await credentialsDb.revocations.count()).toBe(0);
});
