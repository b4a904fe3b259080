// @vitest-environment happy-dom
/**
 * The connection section on the settings page (R28): Connect asks for the optional `identity` permission in
 * the rep's click, and a Disconnect whose revoke Salesforce has not confirmed is said. A stand-in worker answers.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {CONNECT_COPY} from '@/shared/copy.js';
import type {ConnectionSettings} from '@/shared/types.js';
import {answerPermissionRequests, requestedPermissions, resetFakeBrowser} from '../../test/fakes/browser.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {App} from './settings-app.js';
import {db} from './settings-db.js';

let root: HTMLElement;
const messages: unknown[] = [];
let connectionSettings: ConnectionSettings;

async function enable() {
	await db.partitions.put(partitionFixture({enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
}

const button = (name: string) => {
	const found = [...root.querySelectorAll('button')].find(element => element.textContent === name);
	if (!found) throw new Error(`No button ${name}`);
	return found;
};

beforeEach(async () => {
	await resetFakeBrowser();
	messages.length = 0;
	connectionSettings = {redirectUrl: 'https://fakeextensionid.chromiumapp.org/', presets: {}, oauth: []};
	browser.runtime.onMessage.addListener(async (message: unknown) => {
		messages.push(message);
		const {method} = message as {method: string};
		if (method === 'getConnectionSettings') return {ok: true, value: connectionSettings};
		if (method === 'connectSalesforce') return {ok: true, value: {username: 'rep@acme.example'}};
		return {ok: true, value: {queued: true}};
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
	await vi.waitFor(() => expect(root.textContent).toContain('Sync reminders with Salesforce Tasks'));
}

test('R28: a Disconnect whose revoke Salesforce has not confirmed is said, with where and that Tickler retries', async () => {
	await enable();
	connectionSettings = {
		...connectionSettings,
		revocationsPending: [{host: 'acme.my.salesforce.com', since: Date.now()}],
	};
	await mount();
	await vi.waitFor(() =>
		expect(root.querySelector('#revoke-pending')?.textContent).toContain(
			'Tickler is disconnected from acme.my.salesforce.com here, but Salesforce has not yet confirmed revoking its access',
		),
	);
	expect(root.querySelector('#revoke-pending')?.textContent).toContain('asks again whenever your browser is open');
});

test('R28: "Connect with Salesforce" asks for the optional identity permission in the click; refused, nothing is sent', async () => {
	connectionSettings = {...connectionSettings, clientId: '3MVG9clientid', suggestedHost: 'acme.my.salesforce.com'};
	await mount();
	answerPermissionRequests(false);
	await vi.waitFor(() => expect(button('Connect with Salesforce')).toBeTruthy());
	await act(() => {
		button('Connect with Salesforce').click();
		// Asked synchronously inside the click: a browser accepts a permission request only in a user gesture.
		expect(requestedPermissions()).toEqual([{permissions: ['identity']}]);
	});
	await vi.waitFor(() =>
		expect(root.querySelector('#connection-message')?.textContent).toBe(CONNECT_COPY.permissionRefused),
	);
	expect(messages).not.toContainEqual(expect.objectContaining({method: 'connectSalesforce'}));

	answerPermissionRequests(true);
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
});
