import {expect, test} from 'vitest';
import type {Partition, PartitionStatus} from '@/shared/store/schema.js';
import {RECONNECT_COPY, SYNC_STATUS_COPY} from '@/shared/copy.js';
import {partitionFixture} from '../../test/fakes/partition.js';
import {signInPage, statusView, syncOffText} from './status-text.js';

function partition(status: Partial<PartitionStatus>, extra: Partial<Partition> = {}): Partition {
	return partitionFixture({status: {phase: 'idle', budget: 'normal', ...status}, ...extra});
}

const view = (p: Partition | undefined, pending = 0, errors = 0) =>
	statusView({partition: p, pending, errors, formatTime: () => '10:42'});

test('R3: no partition, or a disabled one, reads "Sync is off — turn it on in Settings"', () => {
	expect(view(undefined)).toEqual({kind: 'off', text: syncOffText()});
	expect(view(partition({}, {enabled: false}))).toEqual({kind: 'off', text: syncOffText()});
	expect(syncOffText()).toBe('Sync is off — turn it on in Settings');
});

test.each(['no-session', 'session-expired'] as const)(
	'R20: paused for %s reads "Sign in to Salesforce to resume sync"',
	reason => {
		expect(view(partition({phase: 'paused', pauseReason: reason, message: 'anything'}))).toEqual({
			kind: 'paused',
			text: SYNC_STATUS_COPY.signIn,
			signIn: true,
			// R20: one click to the org's own My Domain sign-in page.
			signInUrl: 'https://acme.my.salesforce.com/',
		});
		expect(SYNC_STATUS_COPY.signIn).toBe('Sign in to Salesforce to resume sync');
	},
);

test('R2: another identity pauses with the engine’s explanation', () => {
	expect(
		view(partition({phase: 'paused', pauseReason: 'other-identity', message: 'Signed in as someone else'})),
	).toMatchObject({
		kind: 'paused',
		text: 'Signed in as someone else',
		signIn: false,
	});
});

test('R22: last sync, pending and errors', () => {
	expect(view(partition({}))).toMatchObject({kind: 'running', text: 'Not synced yet'});
	expect(view(partition({lastSyncAt: 1}), 2, 1)).toMatchObject({
		kind: 'running',
		text: 'Last sync 10:42 · 2 pending · 1 error',
		syncing: false,
	});
	expect(view(partition({phase: 'syncing', lastSyncAt: 1}))).toMatchObject({syncing: true});
});

test('R21: API usage is shown only when high', () => {
	expect(view(partition({lastSyncAt: 1}, {apiUsage: {used: 10, limit: 100, at: 0}}))).not.toHaveProperty('usage');
	expect(view(partition({lastSyncAt: 1}, {apiUsage: {used: 85, limit: 100, at: 0}}))).toMatchObject({
		usage: 'Org API usage 85% — syncing less often',
	});
});

test('R20: the sign-in page is the My Domain root of the partition’s org, whatever host was recorded', () => {
	expect(signInPage('acme.my.salesforce.com')).toBe('https://acme.my.salesforce.com/');
	expect(signInPage('acme--uat.sandbox.lightning.force.com')).toBe('https://acme--uat.sandbox.my.salesforce.com/');
	expect(signInPage('evil.example.com')).toBeUndefined();
});

test('R28/R54: a refused refresh reads "Reconnect to Salesforce" with why; a refused browser session says to connect', () => {
	expect(view(partition({phase: 'paused', pauseReason: 'reconnect'}))).toEqual({
		kind: 'paused',
		text: 'Reconnect to Salesforce',
		signIn: false,
		connect: 'reconnect',
	});
	expect(view(partition({phase: 'paused', pauseReason: 'reconnect', message: RECONNECT_COPY.expired}))).toEqual({
		kind: 'paused',
		text: RECONNECT_COPY.expired,
		signIn: false,
		connect: 'reconnect',
	});
	expect(view(partition({phase: 'paused', pauseReason: 'api-access-refused'}))).toEqual({
		kind: 'paused',
		text: "Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.",
		signIn: false,
		connect: 'connect',
	});
});

test('R28: sync turned off while the org refused the browser session says that reason, not "turn it on in Settings"', () => {
	expect(view(partition({phase: 'off', pauseReason: 'api-access-refused'}, {enabled: false}))).toEqual({
		kind: 'paused',
		text: SYNC_STATUS_COPY.apiAccessRefused,
		signIn: false,
		connect: 'connect',
	});
	expect(view(partition({phase: 'off', pauseReason: 'session-expired'}, {enabled: false}))).toEqual({
		kind: 'off',
		text: syncOffText(),
	});
});

test('a pause stored without the worker’s sentence reads the sentence the worker writes for its reason (copy.ts)', () => {
	expect(view(partition({phase: 'paused', pauseReason: 'other-identity'}))).toMatchObject({
		text: SYNC_STATUS_COPY.otherIdentity,
	});
	expect(view(partition({phase: 'paused', pauseReason: 'api-limit'}))).toMatchObject({
		text: SYNC_STATUS_COPY.limitExceeded,
	});
	expect(view(partition({phase: 'paused', pauseReason: 'org-moved'}))).toMatchObject({text: SYNC_STATUS_COPY.orgMoved});
	expect(view(partition({phase: 'paused'}))).toMatchObject({kind: 'paused', text: 'Sync paused', signIn: false});
	// A stored sentence always wins over the table: here the worker's slowdown wording for the same reason.
	expect(
		view(partition({phase: 'paused', pauseReason: 'api-limit', message: SYNC_STATUS_COPY.manualOnly})),
	).toMatchObject({
		text: SYNC_STATUS_COPY.manualOnly,
	});
});

test('R28: no partition yet, the first "turn sync on" refused by the org: that reason and Connect, not "turn it on"', () => {
	const refused = statusView({partition: undefined, pending: 0, errors: 0, formatTime: () => '', enableRefused: true});
	expect(refused).toEqual({kind: 'paused', text: SYNC_STATUS_COPY.apiAccessRefused, signIn: false, connect: 'connect'});
	// A partition that syncs says its own state, whatever an older refusal said.
	expect(
		statusView({partition: partition({}), pending: 0, errors: 0, formatTime: () => '', enableRefused: true}),
	).toMatchObject({kind: 'running'});
});
