import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {QueryPage, SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {sessionKey} from '@/background/salesforce/jsforce-adapter.js';
import {to18} from '@/shared/record-ids.js';
import type {Partition} from '@/shared/store/schema.js';
import {resetFakeBrowser, setCookie} from '../../../test/fakes/browser.js';
import {openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {ALL_SPENDS_PER_WINDOW, TAB_SPENDS_PER_WINDOW, TAB_WINDOW_MS} from './badge-allowance.js';
import {patchWorkerState} from '../runner/worker-state.js';
import {GLANCE_SYNC_MIN_GAP_MS} from '../runner/schedule-policy.js';
import {storageSessionIdentityCache} from '../session/session-identity.js';
import {VERDICT_TTL_MS} from './verdict-cache.js';

// R38 end to end inside the worker: messages as Chromium delivers them (with the sender tab's address),
// through the boundary (router.ts) and the API to the real badge code, the real storage.session
// state and the real store; only Salesforce (a counting port) and the sync cycle (counted) are fakes.

const port = vi.hoisted((): {current: unknown} => ({current: undefined}));
vi.mock('../engine-deps.js', () => ({
	portForSession: async () => port.current,
	// No OAuth tokens here: the browser session of the partition's host, found in the fake cookies (R25, R28).
	credentialsForPartition: async (_credentials: unknown, partition: {instanceHost: string}) => {
		const {sessionForHost} = await import('../session/find-session.js');
		const session = await sessionForHost(partition.instanceHost);
		return session ? {kind: 'session', port: port.current, session} : {kind: 'session', port: null};
	},
}));
const cycles = vi.hoisted(() => ({started: 0}));
vi.mock('../runner/cycle-runner.js', () => ({
	startCycle: () => {
		cycles.started++;
		// As requestCycle does: the cycle's start is what the next glance compares with.
		void patchWorkerState({cycleStartedAt: Date.now()});
	},
	triggerFor: (reason: string) => reason,
}));
const {createBackgroundApi} = await import('../background-api.js');
const {handleMessage} = await import('../messaging/router.js');

const dbs = openTestWorkerDbs('badge-spend');
const {db} = dbs;
const backgroundApi = createBackgroundApi(dbs);

const ORG = '00D000000000001AAA';
const USER = '005000000000001AAA';
const HOST = 'acme.my.salesforce.com';
const SID = `${ORG.slice(0, 15)}!session`;
const SELF = {
	id: 'fakeextensionidaaaaaaaaaaaaaaaa',
	pagesBaseUrl: 'chrome-extension://fakeextensionidaaaaaaaaaaaaaaaa/',
};
const START = Date.parse('2026-03-05T12:00:00.000Z');

function partition(): Partition {
	return {
		id: `${ORG}:${USER}`,
		orgId: ORG,
		userId: USER,
		instanceHost: HOST,
		username: 'rep',
		displayName: 'Rep',
		enabled: true,
		enabledAt: START - 60_000,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		status: {phase: 'idle', budget: 'normal', lastSyncAt: START},
	};
}

/** Salesforce as the badge sees it: every request counted, every response carrying Sforce-Limit-Info. */
function countingPort(): SalesforcePort & {requests: () => number} {
	let requests = 0;
	return {
		requests: () => requests,
		requestCount: () => requests,
		responseMeta: () => ({apiUsage: {used: 1000 + requests, limit: 15_000}}),
		// As the adapter does with the worker's cache: one userinfo request per session.
		async identity() {
			const key = await sessionKey(`https://${HOST}`, SID);
			const known = await storageSessionIdentityCache.get(key);
			if (known) return known;
			requests++;
			const identity = {orgId: ORG, userId: USER, username: 'rep', displayName: 'Rep', instanceHost: HOST};
			await storageSessionIdentityCache.set(key, identity);
			return identity;
		},
		async query<T>(soql: string): Promise<QueryPage<T>> {
			requests++;
			const id = /'(00T\w+)'/.exec(soql)?.[1] ?? '';
			// Half the Tasks are the rep's own and in scope (they read "pending"), half a colleague's.
			const mine = Number.parseInt(id.slice(10, 13), 10) % 2 === 0;
			const record = {
				Id: id,
				Subject: 'A Task',
				OwnerId: mine ? USER : '005000000000002AAA',
				TaskSubtype: 'Task',
				IsRecurrence: false,
				IsArchived: false,
				LastModifiedDate: '2026-03-05T11:00:00.000+0000',
			};
			return {records: [record as T], done: true, totalSize: 1};
		},
	} as unknown as SalesforcePort & {requests: () => number};
}

const taskIds = Array.from({length: 300}, (_, index) => to18(`00T5g00000${String(index).padStart(3, '0')}ab`));
const address = (taskId: string): string => `https://acme.lightning.force.com/lightning/r/Task/${taskId}/view`;

async function askFromTab(tabId: number, href: string, taskId: string) {
	return handleMessage(
		backgroundApi,
		{channel: 'tickler', method: 'getTaskBadge', input: {host: 'acme.lightning.force.com', taskId}},
		{id: SELF.id, url: href, frameId: 0, tab: {id: tabId, url: href}},
		SELF,
	);
}

beforeEach(async () => {
	vi.useFakeTimers({toFake: ['Date']});
	vi.setSystemTime(START);
	await resetFakeBrowser();
	await Promise.all(db.tables.map(table => table.clear()));
	await db.partitions.put(partition());
	await db.meta.put({key: 'activePartition', value: partition().id});
	setCookie({name: 'sid', value: SID, domain: HOST});
	cycles.started = 0;
	port.current = countingPort();
});
afterEach(() => {
	vi.useRealTimers();
});

test('R38: 1,000 address changes across 300 Task ids cost no more than the per-tab allowance, all of it counted', async () => {
	// Sync already knows this session's identity (session-identity.ts): the badge's R2 check is free.
	await storageSessionIdentityCache.set(await sessionKey(`https://${HOST}`, SID), {
		orgId: ORG,
		userId: USER,
		username: 'rep',
		displayName: 'Rep',
		instanceHost: HOST,
	});
	const sf = port.current as ReturnType<typeof countingPort>;
	const STEP_MS = 600; // ten minutes in all
	let refused = 0;
	for (let change = 0; change < 1000; change++) {
		vi.setSystemTime(START + change * STEP_MS);
		const shown = taskIds[(change * 7) % taskIds.length] ?? '';
		// The content script asks about the Task in its address, with no debounce (the worst case)…
		expect(await askFromTab(1, address(shown), shown)).toMatchObject({ok: true});
		// …and an ask about any other Task id than the address shows is refused before it costs anything.
		const other = taskIds[(change * 13 + 1) % taskIds.length] ?? '';
		if (other !== shown && !(await askFromTab(1, address(shown), other)).ok) refused++;
	}

	const minutes = Math.ceil((1000 * STEP_MS) / TAB_WINDOW_MS);
	// Lookups, and the "ready to sync" cycle starts the page could cause, share the tab's allowance…
	expect(sf.requests()).toBeGreaterThan(0);
	expect(sf.requests()).toBeLessThanOrEqual(TAB_SPENDS_PER_WINDOW * minutes);
	// …and glance cycles stay at one per GLANCE_SYNC_MIN_GAP_MS, as for a page that never moves.
	const glances = Math.ceil((1000 * STEP_MS) / GLANCE_SYNC_MIN_GAP_MS) + 1;
	expect(sf.requests() + cycles.started).toBeLessThanOrEqual(TAB_SPENDS_PER_WINDOW * minutes + glances);
	expect(refused).toBeGreaterThan(900);
	// Counted where the rep and the budget look: the history's API requests and the org's usage figure.
	const rows = await db.syncHistory
		.where('[partition+startedAt]')
		.between([partition().id, 0], [partition().id, Infinity])
		.toArray();
	const counted = rows.filter(row => row.trigger === 'task-badge').reduce((sum, row) => sum + row.apiRequests, 0);
	expect(counted).toBe(sf.requests());
	expect((await db.partitions.get(partition().id))?.apiUsage?.used).toBe(1000 + sf.requests());
});

test('R38: one Task costs at most one request per VERDICT_TTL_MS, however often it is asked', async () => {
	await storageSessionIdentityCache.set(await sessionKey(`https://${HOST}`, SID), {
		orgId: ORG,
		userId: USER,
		username: 'rep',
		displayName: 'Rep',
		instanceHost: HOST,
	});
	const sf = port.current as ReturnType<typeof countingPort>;
	const theirs = taskIds[1] ?? '';
	for (let ask = 0; ask < 100; ask++) {
		vi.setSystemTime(START + ask * 1000);
		expect(await askFromTab(1, address(theirs), theirs)).toMatchObject({
			ok: true,
			value: {state: 'not-linked', reason: 'owned-by-someone-else'},
		});
	}

	expect(sf.requests()).toBe(1);
	vi.setSystemTime(START + VERDICT_TTL_MS + 1);
	await askFromTab(1, address(theirs), theirs);
	expect(sf.requests()).toBe(2);
});

test('R38: many tabs together stay within the overall allowance; a tab over it is told the badge comes in a moment', async () => {
	await storageSessionIdentityCache.set(await sessionKey(`https://${HOST}`, SID), {
		orgId: ORG,
		userId: USER,
		username: 'rep',
		displayName: 'Rep',
		instanceHost: HOST,
	});
	const sf = port.current as ReturnType<typeof countingPort>;
	const answers = [];
	for (let tab = 1; tab <= 10; tab++) {
		const id = taskIds[tab * 2 + 1] ?? '';
		answers.push(await askFromTab(tab, address(id), id));
	}

	expect(sf.requests()).toBe(ALL_SPENDS_PER_WINDOW);
	expect(answers.at(-1)).toMatchObject({
		ok: true,
		value: {state: 'not-linked', message: 'Tickler will check this Task in a moment.'},
	});
});

test('R2/R38: with the session’s identity not known yet, finding it out is one request, counted, then cached', async () => {
	const sf = port.current as ReturnType<typeof countingPort>;
	const mine = taskIds[0] ?? '';
	expect(await askFromTab(1, address(mine), mine)).toMatchObject({ok: true, value: {state: 'pending'}});
	// The identity (one request) and the lookup (one).
	expect(sf.requests()).toBe(2);
	const rows = await db.syncHistory.toArray();
	expect(rows.map(row => [row.trigger, row.apiRequests])).toEqual([['task-badge', 2]]);
});
