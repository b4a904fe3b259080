/**
 * R52/R2 for the badge of an OAuth partition: the token answers the Task lookups, but the browser session signed in
 * on that org must be the partition's own user before the badge shows the rep's reminder name, state or error.
 * One identity request per browser session, cached apart from the token's, within the tab's allowance (R38).
 * Salesforce is two counting fakes: the token's port and the browser session's (which caches its identity where
 * badge-session.ts tells it to, as the adapter does).
 */
import {beforeEach, expect, test, vi} from 'vitest';
import type {IdentityCache} from '@/background/salesforce/jsforce-adapter.js';
import {sessionKey} from '@/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {SalesforceApiError} from '@/background/salesforce/errors.js';
import {BADGE_COPY} from '@/shared/copy.js';
import {to18} from '@/shared/record-ids.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {resetFakeBrowser, setCookie} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import type {FoundSession} from '../session/find-session.js';

type CountingPort = SalesforcePort & {requests: () => number};
const fakes = vi.hoisted(
	(): {signedIn: {orgId: string; userId: string}; refusesApi: boolean; token: unknown; browser: unknown} => ({
		/** Who the browser session signed in on the org is. */
		signedIn: {orgId: '', userId: ''},
		/** The org refuses browser sessions the API (R28): the session's identity cannot be asked. */
		refusesApi: false,
		token: undefined,
		browser: undefined,
	}),
);
vi.mock('../engine-deps.js', () => ({
	credentialsForPartition: async () => ({kind: 'oauth', port: fakes.token}),
	portForSession: async (session: FoundSession, cache: IdentityCache) => {
		const port = browserPort(session, cache);
		fakes.browser = port;
		return port;
	},
}));
const {getTaskBadge} = await import('./badge-answer.js');
const {patchWorkerState} = await import('../runner/worker-state.js');
const {takeBadgeSpend, TAB_SPENDS_PER_WINDOW} = await import('./badge-allowance.js');

const dbs = openTestWorkerDbs('badge-session');
const {db} = dbs;
const PARTITION = partitionFixture();
const HOST = PARTITION.instanceHost;
const TASK = to18('00T000000000001');
const input = {host: HOST, taskId: TASK};

function tokenPort(): CountingPort {
	let requests = 0;
	return {
		requests: () => requests,
		requestCount: () => requests,
		responseMeta: () => ({}),
		async identity() {
			requests++;
			return {
				orgId: PARTITION.orgId,
				userId: PARTITION.userId,
				username: 'rep',
				displayName: 'Rep',
				instanceHost: HOST,
			};
		},
		async query() {
			requests++;
			return {records: [], done: true, totalSize: 0};
		},
	} as unknown as CountingPort;
}

/** The browser session's port: its identity asked once per session, then read from `cache` (as the adapter does). */
function browserPort(session: FoundSession, cache: IdentityCache): CountingPort {
	let requests = 0;
	return {
		requests: () => requests,
		requestCount: () => requests,
		responseMeta: () => ({}),
		async identity() {
			const key = await sessionKey(`https://${session.host}`, session.sid);
			const known = await cache.get(key);
			if (known) return known;
			requests++;
			if (fakes.refusesApi)
				throw new SalesforceApiError('INVALID_SESSION_ID', 'This session is not valid for use with the REST API', {
					status: 401,
				});
			const identity = {...fakes.signedIn, username: 'someone', displayName: 'Someone', instanceHost: HOST};
			await cache.set(key, identity);
			return identity;
		},
	} as unknown as CountingPort;
}

const browserRequests = () => (fakes.browser as CountingPort | undefined)?.requests() ?? 0;
const tokenRequests = () => (fakes.token as CountingPort).requests();

beforeEach(async () => {
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(PARTITION);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	// The rep's reminder for the Task, with a sync error whose text names the rep's data.
	const reminder = await addReminder(db, {name: 'Call Ana about the renewal', dueDate: null});
	await db.reminders.update(reminder.id, {
		taskId: TASK,
		syncState: 'error',
		error: {
			code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
			message: 'Ana’s phone is required',
			hint: 'Add it in Salesforce',
		},
	});
	fakes.signedIn = {orgId: PARTITION.orgId, userId: PARTITION.userId};
	fakes.refusesApi = false;
	fakes.token = tokenPort();
	fakes.browser = undefined;
});

const signInAs = (sid: string) => {
	setCookie({name: 'sid', value: `${PARTITION.orgId.slice(0, 15)}!${sid}`, domain: HOST});
};

test('R2: an OAuth partition’s badge with nobody signed in on the org in this browser says nothing of the rep', async () => {
	expect(await getTaskBadge(dbs, input)).toEqual({
		state: 'not-linked',
		reason: 'signed-out',
		message: BADGE_COPY.signedOut,
	});
	expect(tokenRequests()).toBe(0);
});

test('R2: a colleague signed in on the org in this browser sees no reminder name, state or error of the rep', async () => {
	signInAs('colleague');
	fakes.signedIn = {orgId: PARTITION.orgId, userId: '005000000000009AAA'};
	const badge = await getTaskBadge(dbs, input);
	expect(badge).toEqual({state: 'not-linked', reason: 'other-user', message: BADGE_COPY.otherUser});
	expect(JSON.stringify(badge)).not.toMatch(/Ana/);
	// One identity request, through the browser session; the token looked nothing up. Counted (R21).
	expect(browserRequests()).toBe(1);
	expect(tokenRequests()).toBe(0);
	expect((await db.syncHistory.toArray()).map(row => row.apiRequests)).toEqual([1]);
});

test('R2/R21: the rep signed in: the badge shows the reminder, after one identity request for that session, cached apart from the token’s', async () => {
	signInAs('rep');
	expect(await getTaskBadge(dbs, input)).toMatchObject({state: 'error', reminderName: 'Call Ana about the renewal'});
	expect(browserRequests()).toBe(1);
	// A sync cycle with the token keeps the token's identity in its own slot: the browser session's stays.
	await patchWorkerState({
		identity: {
			key: 'token-key',
			identity: {...fakes.signedIn, username: 'rep', displayName: 'Rep', instanceHost: HOST},
		},
	});
	expect(await getTaskBadge(dbs, input)).toMatchObject({state: 'error', reminderName: 'Call Ana about the renewal'});
	expect(browserRequests()).toBe(0); // a new port, and no request: its identity came from the cache
	expect((await db.syncHistory.toArray()).map(row => row.apiRequests)).toEqual([1]);
	// Another sign-in (a new session id) is identified afresh.
	signInAs('rep-again');
	await getTaskBadge(dbs, input);
	expect(browserRequests()).toBe(1);
});

test('R2/R38: the identity request draws on the asking tab’s allowance; with none left the badge says "in a moment"', async () => {
	signInAs('rep');
	for (let i = 0; i < TAB_SPENDS_PER_WINDOW; i++) await takeBadgeSpend('tab:4', Date.now());
	const tab = {kind: 'tab', tabId: 4, url: `https://${HOST}/${TASK}`, frameId: 0} as const;
	expect(await getTaskBadge(dbs, input, {caller: tab})).toEqual({
		state: 'not-linked',
		reason: 'not-found',
		message: BADGE_COPY.checkInAMoment,
	});
	expect(browserRequests()).toBe(0);
	expect(tokenRequests()).toBe(0);
});

test('R2/R28: in an org that refuses browser sessions the API, who is signed in cannot be asked: nothing of the rep, and the badge says why', async () => {
	signInAs('rep');
	fakes.refusesApi = true;
	const badge = await getTaskBadge(dbs, input);
	expect(badge).toEqual({state: 'not-linked', reason: 'other-user', message: BADGE_COPY.userUnconfirmed});
	expect(JSON.stringify(badge)).not.toMatch(/Ana/);
	expect(badge).not.toMatchObject({message: BADGE_COPY.signedOut});
	expect(tokenRequests()).toBe(0);
});
