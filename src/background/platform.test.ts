import {afterEach, describe, expect, it, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {setOptionalPermission} from '../../test/fakes/browser.js';
import {browserFamily, readCookies} from './platform.js';

afterEach(() => {
	vi.restoreAllMocks();
});

function asFirefox(): void {
	vi.spyOn(browser.runtime, 'getURL').mockImplementation(path => `moz-extension://0f1e2d3c/${path}`);
}

const sid = (value: string, partitionKey?: {topLevelSite: string}) => ({
	name: 'sid',
	value,
	domain: 'acme.my.salesforce.com',
	hostOnly: true,
	path: '/',
	secure: true,
	httpOnly: true,
	sameSite: 'no_restriction' as const,
	session: true,
	storeId: '0',
	firstPartyDomain: '',
	...(partitionKey ? {partitionKey} : {}),
});

describe('R42: browser differences live in platform.ts', () => {
	it('R42: tells Chrome from Firefox by the extension URL scheme', () => {
		expect(browserFamily()).toBe('chrome');
		asFirefox();
		expect(browserFamily()).toBe('firefox');
	});

	it('R42: in Chrome the cookie query is unchanged (no keys Chrome 116 would reject)', async () => {
		const getAll = vi.spyOn(browser.cookies, 'getAll').mockResolvedValue([]);
		await readCookies({name: 'sid', domain: 'acme.my.salesforce.com'});
		expect(getAll).toHaveBeenCalledWith({name: 'sid', domain: 'acme.my.salesforce.com'});
	});

	it('R42: in Firefox the query spans first-party isolation and every cookie partition', async () => {
		asFirefox();
		const getAll = vi.spyOn(browser.cookies, 'getAll').mockResolvedValue([]);
		await readCookies({name: 'sid', domain: 'acme.my.salesforce.com'});
		expect(getAll).toHaveBeenCalledWith({
			name: 'sid',
			domain: 'acme.my.salesforce.com',
			firstPartyDomain: null,
			partitionKey: {},
		});
	});

	it('R42: the unpartitioned (first-party) session comes before a partitioned copy', async () => {
		asFirefox();
		vi.spyOn(browser.cookies, 'getAll').mockResolvedValue([
			sid('00D000000000001!partitioned', {topLevelSite: 'https://example.com'}),
			sid('00D000000000001!own'),
		]);
		const cookies = await readCookies({name: 'sid', domain: 'acme.my.salesforce.com'});
		expect(cookies.map(cookie => cookie.value)).toEqual(['00D000000000001!own', '00D000000000001!partitioned']);
	});
});

describe('R42: the OAuth redirect URL is the browser’s own', () => {
	it('R42: comes from identity.getRedirectURL, which is chromiumapp.org in Chrome and extensions.allizom.org in Firefox', async () => {
		const {oauthRedirectUrl} = await import('./platform.js');
		setOptionalPermission('identity', true);
		const identity = (browser as unknown as {identity: {getRedirectURL: () => string}}).identity;
		vi.spyOn(identity, 'getRedirectURL').mockReturnValue('https://0123abcd.extensions.allizom.org/');
		expect(oauthRedirectUrl()).toBe('https://0123abcd.extensions.allizom.org/');
	});

	it('R28/R42: before Chrome grants the optional identity permission, the same chromiumapp.org URL, by its documented form', async () => {
		const {oauthRedirectUrl} = await import('./platform.js');
		setOptionalPermission('identity', false);
		expect((browser as {identity?: unknown}).identity).toBeUndefined();
		expect(oauthRedirectUrl()).toBe(`https://${browser.runtime.id}.chromiumapp.org/`);
	});
});
