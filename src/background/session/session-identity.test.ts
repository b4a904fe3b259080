import {beforeEach, expect, test} from 'vitest';
import browser from 'webextension-polyfill';
import type {Identity, SalesforcePort} from '@/background/salesforce/port.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {withRememberedIdentity} from './session-identity.js';

const SID = '00D000000000001!secret-session-value';
const rita: Identity = {
	orgId: '00D000000000001AAA',
	userId: '005000000000001AAA',
	username: 'rita',
	displayName: 'Rita',
	instanceHost: 'acme.my.salesforce.com',
};

function countingPort(identity: Identity): SalesforcePort & {calls: () => number} {
	let calls = 0;
	return {
		identity: async () => {
			calls++;
			return identity;
		},
		calls: () => calls,
	} as unknown as SalesforcePort & {calls: () => number};
}

beforeEach(async () => {
	await resetFakeBrowser();
});

test('R21: the same session’s identity is asked once, then remembered across ports (one request per idle poll)', async () => {
	const first = countingPort(rita);
	expect(await (await withRememberedIdentity(first, SID)).identity()).toEqual(rita);
	const second = countingPort(rita);
	expect(await (await withRememberedIdentity(second, SID)).identity()).toEqual(rita);
	expect(first.calls() + second.calls()).toBe(1);
});

test('R2: a different session (a new sign-in, "Login As") is asked again', async () => {
	await (await withRememberedIdentity(countingPort(rita), SID)).identity();
	const sam = {...rita, userId: '005000000000002AAA'};
	const other = countingPort(sam);
	expect(await (await withRememberedIdentity(other, '00D000000000001!another-session')).identity()).toEqual(sam);
	expect(other.calls()).toBe(1);
});

test('R25: storage.session holds a fingerprint, never the session id', async () => {
	await (await withRememberedIdentity(countingPort(rita), SID)).identity();
	const stored = JSON.stringify(await browser.storage.session.get(null));
	expect(stored).not.toContain(SID);
	expect(stored).not.toContain('secret-session-value');
	expect(stored).toMatch(/"fingerprint":"[0-9a-f]{64}"/);
});
