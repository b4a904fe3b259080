// @vitest-environment happy-dom
/**
 * The top of the settings page (issue 20): sync on or off in one clear state, the account with its one
 * Disconnect, and the connection (R28) whose client id is the admin's (R30).
 */
import 'fake-indexeddb/auto';
import {act} from 'preact/test-utils';
import {expect, test, vi} from 'vitest';
import {TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {REFUSED_SENTENCE, settingsPage} from '../../test/fakes/settings-page.js';

const PARTITION = TEST_PARTITION_ID;
const page = settingsPage();

test('R20: turning sync on without a Salesforce session says what to do, with a link to sign in', async () => {
	await page.mount();
	// Before: one state, off, and where to sign in (no org known yet: Salesforce's own login page).
	expect(page.root.querySelector('#sync-state')?.textContent).toContain('Sync is off. Sign in to Salesforce in a tab');
	expect(page.root.querySelector<HTMLAnchorElement>('#sign-in-salesforce')?.href).toBe('https://login.salesforce.com/');
	await act(() => {
		(page.root.querySelector('input[type=checkbox]') as HTMLInputElement).click();
	});
	await vi.waitFor(() =>
		expect(page.root.querySelector('[role=alert]')?.textContent).toBe(
			'Sign in to Salesforce in a tab first, then turn sync on. Sign in to Salesforce',
		),
	);
	expect(page.root.querySelector('#sync-state')).toBeNull();
	expect(page.messages).toContainEqual({channel: 'tickler', method: 'enableSync', input: undefined});
});

test('R23/issue 20: success is said — "Sync is on for <user>" — and the sign-in link goes to the org’s own host', async () => {
	await page.enable({
		status: {
			phase: 'paused',
			budget: 'normal',
			pauseReason: 'session-expired',
			message: 'Sign in to Salesforce to resume sync',
		},
	});
	await page.mount();
	await vi.waitFor(() =>
		expect(page.root.querySelector('#sync-state')?.textContent).toBe('Sync is on for rep@acme.example.'),
	);
	expect(page.text()).toContain('Sign in to Salesforce to resume sync');
	expect(page.root.querySelector<HTMLAnchorElement>('#sign-in-salesforce')?.href).toMatch(
		/^https:\/\/[a-z0-9-]+\.my\.salesforce\.com\/$/,
	);
	// The account comes right after sync, before the connection's details.
	const headings = [...page.root.querySelectorAll('h2')].map(h => h.textContent);
	expect(headings.slice(0, 3)).toEqual(['Sync', 'Salesforce account', 'Connection to Salesforce']);
});

test('issue 20: the refusal met turning sync on goes once sync is on through Connect — no stale error', async () => {
	page.connectionSettings = {
		...page.connectionSettings,
		clientId: '3MVG9clientid',
		suggestedHost: 'acme.my.salesforce.com',
	};
	await page.mount();
	await act(() => {
		(page.root.querySelector('input[type=checkbox]') as HTMLInputElement).click();
	});
	await vi.waitFor(() => expect(page.root.querySelector('#api-access-refused')).not.toBeNull());
	expect(page.root.querySelector('#sync-error')?.textContent).toContain('needs Tickler connected first');
	// Connect succeeded in the worker: the partition is on and connected with OAuth.
	page.connectionSettings = {
		...page.connectionSettings,
		oauth: [{partition: PARTITION, host: 'acme.my.salesforce.com', needsReconnect: false}],
	};
	await act(async () => page.enable());
	await vi.waitFor(() =>
		expect(page.root.querySelector('#sync-state')?.textContent).toBe('Sync is on for rep@acme.example.'),
	);
	expect(page.root.querySelector('#api-access-refused')).toBeNull();
	expect(page.root.querySelector('#sync-error')).toBeNull();
	expect(page.root.querySelector('.error')).toBeNull();
});

test('issue 20: with no client id, Connect is disabled and says why; the client id is the admin’s, under its own section', async () => {
	await page.mount();
	await vi.waitFor(() => expect(page.button('Connect with Salesforce').disabled).toBe(true));
	const connect = page.button('Connect with Salesforce');
	expect(connect.title).toContain('Enter the client id first');
	expect(page.root.querySelector(`#${connect.getAttribute('aria-describedby')!}`)?.textContent).toContain(
		'Enter the client id first',
	);
	const admin = page.root.querySelector('details#for-admin');
	expect(admin?.querySelector('summary')?.textContent).toBe('For your Salesforce admin');
	expect(admin?.textContent).toContain("Client id of Tickler's External Client App");
	expect(page.button('Save client id').disabled).toBe(true);
	expect(page.button('Save client id').title).toBe('Enter the client id first.');
});

test('R28: when the org refuses the browser session, the page says so plainly and offers Connect, which runs in the worker', async () => {
	page.connectionSettings = {
		...page.connectionSettings,
		clientId: '3MVG9clientid',
		suggestedHost: 'acme.my.salesforce.com',
	};
	await page.mount();
	await act(() => {
		(page.root.querySelector('input[type=checkbox]') as HTMLInputElement).click();
	});
	await vi.waitFor(() => expect(page.root.querySelector('#api-access-refused')?.textContent).toBe(REFUSED_SENTENCE));
	await act(() => {
		page.button('Connect with Salesforce').click();
	});
	await vi.waitFor(() =>
		expect(page.messages).toContainEqual({
			channel: 'tickler',
			method: 'connectSalesforce',
			input: {host: 'acme.my.salesforce.com'},
		}),
	);
	// The page never holds a token: nothing it received carries one.
	expect(JSON.stringify(page.connectionSettings)).not.toMatch(/token/i);
});

test('R28: a refused refresh shows "Reconnect to Salesforce"; the one Disconnect says it revokes the grant too', async () => {
	await page.enable({
		status: {phase: 'paused', budget: 'normal', pauseReason: 'reconnect', message: 'Reconnect to Salesforce'},
	});
	page.connectionSettings = {
		...page.connectionSettings,
		clientId: '3MVG9clientid',
		oauth: [{partition: PARTITION, host: 'acme.my.salesforce.com', needsReconnect: true}],
	};
	await page.mount();
	await vi.waitFor(() => expect(page.button('Reconnect to Salesforce')).toBeTruthy());
	const disconnects = [...page.root.querySelectorAll('button')].filter(element =>
		element.textContent.includes('Disconnect'),
	);
	expect(disconnects.map(element => element.textContent)).toEqual(['Disconnect…']);
	await act(() => {
		page.button('Disconnect…').click();
	});
	// The confirmation first reads what Disconnect would delete (disconnect-stakes.ts).
	await vi.waitFor(() =>
		expect(page.root.querySelector('[aria-label="Confirm disconnect"]')?.textContent).toContain(
			"Tickler's access to Salesforce at acme.my.salesforce.com is revoked too.",
		),
	);
	await act(() => {
		page.button('Disconnect and delete local data').click();
	});
	// forgetPartition revokes the OAuth grant in the worker (sync-switch.ts); the page sends nothing else.
	await vi.waitFor(() =>
		expect(page.messages).toContainEqual({
			channel: 'tickler',
			method: 'forgetPartition',
			input: {partition: PARTITION},
		}),
	);
	expect(page.messages.some(message => (message as {method: string}).method === 'disconnectOAuth')).toBe(false);
});

test('R30: preset values win and are shown as set by the admin', async () => {
	await page.enable();
	page.connectionSettings = {
		...page.connectionSettings,
		clientId: '3MVG9presetid',
		presets: {
			oauthClientId: '3MVG9presetid',
			allowedMyDomainHosts: ['acme.my.salesforce.com'],
			subjectTemplate: 'Tickler: {{activity_subject}}',
			syncEnabled: true,
		},
	};
	await page.mount();
	await vi.waitFor(() => expect(page.text()).toContain('Set by your administrator: sync on.'));
	const inputs = [...page.root.querySelectorAll('input')];
	// The admin supplied the client id: the rep never meets it.
	expect(inputs.some(input => input.value === '3MVG9presetid')).toBe(false);
	expect(page.text()).not.toContain("Client id of Tickler's External Client App");
	expect(page.button('Connect with Salesforce').disabled).toBe(false);
	const template = inputs.find(input => input.value === 'Tickler: {{activity_subject}}');
	expect(template?.disabled).toBe(true);
	expect((page.root.querySelector('input[type=checkbox]') as HTMLInputElement).disabled).toBe(true);
	expect(page.text()).toContain('Tickler syncs only with acme.my.salesforce.com');
});
