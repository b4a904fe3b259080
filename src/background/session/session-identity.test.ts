import {beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import {sessionKey} from '@/background/salesforce/jsforce-adapter.js';
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {storageSessionIdentityCache as cache} from './session-identity.js';

const HOST = 'https://acme.my.salesforce.com';
const SID = '00D000000000001!secret-session-value';
const rita: Identity = {
	orgId: '00D000000000001AAA',
	userId: '005000000000001AAA',
	username: 'rita',
	displayName: 'Rita',
	instanceHost: 'acme.my.salesforce.com',
};

beforeEach(async () => {
	await resetFakeBrowser();
});

test('R21: the same session’s identity is remembered across ports', async () => {
	const key = await sessionKey(HOST, SID);
	expect(await cache.get(key)).toBeUndefined();
	await cache.set(key, rita);
	expect(await cache.get(key)).toEqual(rita);
});

test('R2: another session (a new sign-in, "Login As") is not answered from the cache', async () => {
	await cache.set(await sessionKey(HOST, SID), rita);
	expect(await cache.get(await sessionKey(HOST, '00D000000000001!another-session'))).toBeUndefined();
});

test('R25: storage.session holds a one-way key, never the session id', async () => {
	await cache.set(await sessionKey(HOST, SID), rita);
	const stored = JSON.stringify(await browser.storage.session.get(null));
	expect(stored).not.toContain(SID);
	expect(stored).not.toContain('secret-session-value');
	expect(stored).toMatch(/"key":"[0-9a-f]{64}"/);
});
