import {beforeEach, expect, test} from 'vitest';
import type {IdentityCache} from '../src/background/salesforce/jsforce-adapter.js';
import type {Identity} from '../src/background/salesforce/salesforce-port.js';
import {storageSessionIdentityCache} from '../src/background/session/session-identity.js';
import {resetFakeBrowser} from '../test/fakes/browser.js';
import {sessionStorageIdentityCache} from './lib/session-identity-stand-in.js';

/**
 * The bench's rigs give each simulated rep its own identity cache (bench/lib/session-identity-stand-in.ts),
 * because the worker's (src/background/session/session-identity.ts) lives in the one global `browser`.
 * R21: the stand-in must answer exactly as the worker's cache, or the bench's idle-poll count would not be
 * what a rep's worker sends. Here both get the same calls (the worker's on the behavioural browser fake).
 */

const identity = (userId: string): Identity => ({
	userId,
	orgId: '00DTk00000DEMO1AAA',
	username: `${userId}@example.com`,
	displayName: 'Rita Rep',
	instanceHost: 'tickler-demo.my.salesforce.com',
});

beforeEach(async () => resetFakeBrowser());

async function script(cache: IdentityCache): Promise<unknown[]> {
	const answers: unknown[] = [];
	answers.push(await cache.get('session-a'));
	await cache.set('session-a', identity('005A'));
	answers.push(await cache.get('session-a'), await cache.get('session-b'));
	// A new sign-in (another key) replaces the entry: one entry, the latest session.
	await cache.set('session-b', identity('005B'));
	answers.push(await cache.get('session-a'), await cache.get('session-b'));
	// What was handed out is a copy: changing it does not change the cache.
	const handed = await cache.get('session-b');
	if (handed) handed.displayName = 'changed';
	answers.push(await cache.get('session-b'));
	return answers;
}

test('R21: the bench rig’s per-rep identity cache answers as the worker’s storage.session cache', async () => {
	const worker = await script(storageSessionIdentityCache);
	const standIn = await script(sessionStorageIdentityCache());
	expect(standIn).toEqual(worker);
	// The script could fail: the cache is hit for the remembered session and missed for any other.
	expect(worker).toEqual([undefined, identity('005A'), undefined, undefined, identity('005B'), identity('005B')]);
});
