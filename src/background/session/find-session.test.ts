import {beforeEach, expect, test} from 'vitest';
import {openTab, resetFakeBrowser, setCookie} from '../../../test/fakes/browser.js';
import {findSession, isSessionCookieChange, salesforceHostsInUse, sessionForHost} from './find-session.js';

const ACME_API = '00D000000000001!apiSession';
const ACME_LIGHTNING = '00D000000000001!lightningSession';
const BETA_API = '00D000000000002!betaSession';

beforeEach(async () => {
	await resetFakeBrowser();
});

test('R25: a Lightning tab leads to the My Domain cookie, never the Lightning one', async () => {
	openTab('https://acme.lightning.force.com/lightning/r/Task/00T000000000001AAA/view', {active: true});
	setCookie({name: 'sid', value: ACME_LIGHTNING, domain: 'acme.lightning.force.com'});
	setCookie({name: 'sid', value: ACME_API, domain: 'acme.my.salesforce.com'});
	expect(await findSession()).toEqual({host: 'acme.my.salesforce.com', orgId15: '00D000000000001', sid: ACME_API});
});

test('R20: only a Lightning cookie means no API-capable session', async () => {
	openTab('https://acme.lightning.force.com/lightning/page/home', {active: true});
	setCookie({name: 'sid', value: ACME_LIGHTNING, domain: 'acme.lightning.force.com'});
	expect(await findSession()).toBeUndefined();
});

test('sandbox and developer tabs map to their own My Domain hosts', async () => {
	openTab('https://acme--uat.sandbox.lightning.force.com/lightning/page/home', {lastAccessed: 2});
	openTab('https://me-dev-ed.develop.lightning.force.com/lightning/page/home', {lastAccessed: 1});
	expect(await salesforceHostsInUse()).toEqual([
		'acme--uat.sandbox.my.salesforce.com',
		'me-dev-ed.develop.my.salesforce.com',
	]);
});

test('the most recently used Salesforce tab picks the org when no partition is enabled', async () => {
	openTab('https://beta.lightning.force.com/lightning/page/home', {lastAccessed: 1});
	openTab('https://acme.lightning.force.com/lightning/page/home', {lastAccessed: 5});
	setCookie({name: 'sid', value: BETA_API, domain: 'beta.my.salesforce.com'});
	setCookie({name: 'sid', value: ACME_API, domain: 'acme.my.salesforce.com'});
	expect((await findSession())?.host).toBe('acme.my.salesforce.com');
});

test("the enabled partition's host wins over another org's more recent tab (R2)", async () => {
	openTab('https://beta.lightning.force.com/lightning/page/home', {active: true});
	setCookie({name: 'sid', value: BETA_API, domain: 'beta.my.salesforce.com'});
	setCookie({name: 'sid', value: ACME_API, domain: 'acme.my.salesforce.com'});
	expect((await findSession('acme.my.salesforce.com'))?.host).toBe('acme.my.salesforce.com');
});

test("R2/R20: signed out of the enabled partition's org, another org's session is not used", async () => {
	openTab('https://beta.lightning.force.com/lightning/page/home', {active: true});
	setCookie({name: 'sid', value: BETA_API, domain: 'beta.my.salesforce.com'});
	expect(await findSession('acme.my.salesforce.com')).toBeUndefined();
	expect((await findSession())?.host).toBe('beta.my.salesforce.com');
});

test('with no Salesforce tab open, a signed-in My Domain is still found', async () => {
	setCookie({name: 'sid', value: ACME_API, domain: 'acme.my.salesforce.com'});
	expect((await findSession())?.orgId15).toBe('00D000000000001');
});

test('a cookie that is not a session id, or not Secure, is ignored', async () => {
	setCookie({name: 'sid', value: 'garbage', domain: 'acme.my.salesforce.com'});
	setCookie({name: 'sid', value: ACME_API, domain: 'beta.my.salesforce.com', secure: false});
	expect(await sessionForHost('acme.my.salesforce.com')).toBeUndefined();
	expect(await sessionForHost('beta.my.salesforce.com')).toBeUndefined();
	expect(await sessionForHost('acme.lightning.force.com')).toBeUndefined();
});

test('only sid cookies on API hosts count as session changes', () => {
	expect(isSessionCookieChange({name: 'sid', domain: 'acme.my.salesforce.com'})).toBe(true);
	expect(isSessionCookieChange({name: 'sid', domain: 'acme.lightning.force.com'})).toBe(false);
	expect(isSessionCookieChange({name: 'oid', domain: 'acme.my.salesforce.com'})).toBe(false);
});
