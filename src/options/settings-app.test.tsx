// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {addReminder} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import type {ConnectionSettings} from '@/shared/types.js';
import {resetFakeBrowser} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {App} from './settings-app.js';
import {db} from './settings-db.js';
import {SYNC_EXPLANATION} from './sync-toggle.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';

const PARTITION = TEST_PARTITION_ID;
let root: HTMLElement;
const messages: unknown[] = [];
/** What the stand-in worker answers to getConnectionSettings (R28, R30); tests change it. */
let connectionSettings: ConnectionSettings;

function partition(overrides: Partial<Partition> = {}): Partition {
	return partitionFixture({
		enabledAt: Date.now() - 60_000,
		apiUsage: {used: 1200, limit: 15_000, at: Date.now()},
		status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
		...overrides,
	});
}

async function enable(overrides: Partial<Partition> = {}) {
	await db.partitions.put(partition(overrides));
	await db.meta.put({key: 'activePartition', value: PARTITION});
}

const text = () => root.textContent;
const button = (name: string) => {
	const found = [...root.querySelectorAll('button')].find(
		element => element.textContent === name || element.getAttribute('aria-label') === name,
	);
	if (!found) throw new Error(`No button ${name}`);
	return found;
};

beforeEach(async () => {
	await resetFakeBrowser();
	messages.length = 0;
	connectionSettings = {redirectUrl: 'https://fakeextensionid.chromiumapp.org/', presets: {}, oauth: []};
	// A stand-in worker: records what the page asks for and answers like the real one would.
	browser.runtime.onMessage.addListener(async (message: unknown) => {
		messages.push(message);
		const {method} = message as {method: string};
		if (method === 'getConnectionSettings') return {ok: true, value: connectionSettings};
		if (method === 'enableSync' && connectionSettings.clientId !== undefined)
			return {
				ok: false,
				error: {
					name: 'ApiAccessRefusedError',
					message: "Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.",
				},
			};
		if (method === 'enableSync')
			return {
				ok: false,
				error: {name: 'NoSessionError', message: 'Sign in to Salesforce in a tab first, then turn sync on.'},
			};
		return {ok: true, value: method === 'forgetPartition' ? {deletedReminders: 1} : {queued: true}};
	});
	await Promise.all(db.tables.map(table => table.clear()));
	root = createDomRoot();
});

afterEach(async () => {
	await removeDomRoot(root);
});

async function mount() {
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(text()).toContain('Sync reminders with Salesforce Tasks'));
}

test('R3: sync is off by default, and the checkbox explains R4–R6 in plain words', async () => {
	await mount();
	const checkbox = root.querySelector('input[type=checkbox]') as HTMLInputElement;
	expect(checkbox.checked).toBe(false);
	expect(root.querySelector(`#${CSS.escape(checkbox.getAttribute('aria-describedby')!)}`)?.textContent).toBe(
		SYNC_EXPLANATION,
	);
	expect(SYNC_EXPLANATION).toContain('last 24 hours are imported');
	expect(SYNC_EXPLANATION).toContain('stay on this computer only');
});

test('R20: turning sync on without a Salesforce session says what to do', async () => {
	await mount();
	await act(() => {
		(root.querySelector('input[type=checkbox]') as HTMLInputElement).click();
	});
	await vi.waitFor(() =>
		expect(root.querySelector('[role=alert]')?.textContent).toBe(
			'Sign in to Salesforce in a tab first, then turn sync on.',
		),
	);
	expect(messages).toContainEqual({channel: 'tickler', method: 'enableSync', input: undefined});
});

test('R23: the connected org and user, API usage, history, errors with retry, conflicts', async () => {
	await enable();
	const broken = await addReminder(db, {name: 'Too long', dueDate: null});
	await db.reminders.update(broken.id, {
		syncState: 'error',
		error: {code: 'STRING_TOO_LONG', message: 'Salesforce refused this change: too long', hint: 'Shorten it.'},
	});
	await db.syncHistory.add({
		partition: PARTITION,
		trigger: 'alarm',
		startedAt: Date.now(),
		endedAt: Date.now(),
		outcome: 'ok',
		pulled: 3,
		pushed: 2,
		deleted: 1,
		conflicts: 1,
		apiRequests: 4,
		errors: [],
		notes: [],
	});
	await db.conflicts.add({
		partition: PARTITION,
		reminderId: broken.id,
		taskId: '00T000000000001AAA',
		field: 'dueDate',
		overwritten: '2026-03-05',
		kept: '2026-03-06',
		winner: 'salesforce',
		at: Date.now(),
	});
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Rita Rep (rep@acme.example)'));
	expect((root.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
	expect(text()).toContain('acme.my.salesforce.com');
	expect(text()).toContain('(8%)');
	const history = [...root.querySelectorAll('table')].find(table => table.textContent.includes('API requests'))!;
	expect([...history.querySelectorAll('tbody td')].slice(1, 7).map(td => td.textContent)).toEqual([
		'OK',
		'3',
		'2',
		'1',
		'1',
		'4',
	]);
	expect(text()).toContain('Salesforce refused this change: too long');
	expect(text()).toContain('2026-03-05');
	expect(text()).toContain('Due date');
	await act(() => {
		button('Retry Too long').click();
	});
	// The page writes nothing itself: it asks the worker (errors-section.test.tsx runs that on the real worker).
	await vi.waitFor(() =>
		expect(messages).toContainEqual({channel: 'tickler', method: 'retryReminder', input: {id: broken.id}}),
	);
});

test('Disconnect asks for confirmation before asking the worker to forget the partition', async () => {
	await enable();
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Disconnect…'));
	await act(() => {
		button('Disconnect…').click();
	});
	expect(messages.filter(message => (message as {method: string}).method === 'forgetPartition')).toEqual([]);
	expect(root.querySelector('[aria-label="Confirm disconnect"]')?.textContent).toContain(
		'Your Tasks in Salesforce stay as they are',
	);
	await act(() => {
		button('Disconnect and delete local data').click();
	});
	await vi.waitFor(() =>
		expect(messages).toContainEqual({channel: 'tickler', method: 'forgetPartition', input: {partition: PARTITION}}),
	);
});

test('R2: another org’s account on this computer is listed and can be disconnected on its own', async () => {
	await enable();
	const other = '00D000000000002AAA:005000000000002AAA';
	await db.partitions.put(
		partition({
			id: other,
			orgId: '00D000000000002AAA',
			userId: '005000000000002AAA',
			username: 'rep@sandbox.example',
			enabled: false,
		}),
	);
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Another Salesforce account on this computer'));
	expect(text()).toContain('rep@sandbox.example');
	const buttons = [...root.querySelectorAll('button')].filter(element => element.textContent === 'Disconnect…');
	expect(buttons).toHaveLength(2);
	await act(() => {
		buttons[1]!.click();
	});
	await act(() => {
		button('Disconnect and delete local data').click();
	});
	await vi.waitFor(() =>
		expect(messages).toContainEqual({channel: 'tickler', method: 'forgetPartition', input: {partition: other}}),
	);
});

test('R28: when the org refuses the browser session, the page says so plainly and offers Connect, which runs in the worker', async () => {
	connectionSettings = {...connectionSettings, clientId: '3MVG9clientid', suggestedHost: 'acme.my.salesforce.com'};
	await mount();
	await act(() => {
		(root.querySelector('input[type=checkbox]') as HTMLInputElement).click();
	});
	await vi.waitFor(() =>
		expect(root.querySelector('#api-access-refused')?.textContent).toBe(
			"Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.",
		),
	);
	await act(() => {
		button('Connect with Salesforce').click();
	});
	await vi.waitFor(() =>
		expect(messages).toContainEqual({
			channel: 'tickler',
			method: 'connectSalesforce',
			input: {host: 'acme.my.salesforce.com'},
		}),
	);
	// The page never holds a token: nothing it received carries one.
	expect(JSON.stringify(connectionSettings)).not.toMatch(/token/i);
});

test('R28: a refused refresh shows "Reconnect to Salesforce"; Disconnect OAuth asks the worker to revoke', async () => {
	await enable({
		status: {phase: 'paused', budget: 'normal', pauseReason: 'reconnect', message: 'Reconnect to Salesforce'},
	});
	connectionSettings = {
		...connectionSettings,
		clientId: '3MVG9clientid',
		oauth: [{partition: PARTITION, host: 'acme.my.salesforce.com', needsReconnect: true}],
	};
	await mount();
	await vi.waitFor(() => expect(button('Reconnect to Salesforce')).toBeTruthy());
	await act(() => {
		button('Disconnect OAuth').click();
	});
	await vi.waitFor(() =>
		expect(messages).toContainEqual({channel: 'tickler', method: 'disconnectOAuth', input: {partition: PARTITION}}),
	);
});

test('R30: preset values win and are shown as set by the admin', async () => {
	await enable();
	connectionSettings = {
		...connectionSettings,
		clientId: '3MVG9presetid',
		presets: {
			oauthClientId: '3MVG9presetid',
			allowedMyDomainHosts: ['acme.my.salesforce.com'],
			subjectTemplate: 'Tickler: {{activity_subject}}',
			syncEnabled: true,
		},
	};
	await mount();
	await vi.waitFor(() => expect(text()).toContain('Set by your administrator: sync on.'));
	const inputs = [...root.querySelectorAll('input')];
	const client = inputs.find(input => input.value === '3MVG9presetid');
	expect(client?.disabled).toBe(true);
	const template = inputs.find(input => input.value === 'Tickler: {{activity_subject}}');
	expect(template?.disabled).toBe(true);
	expect((root.querySelector('input[type=checkbox]') as HTMLInputElement).disabled).toBe(true);
	expect(text()).toContain('Tickler syncs only with acme.my.salesforce.com');
});
