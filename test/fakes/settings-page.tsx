/**
 * The settings page under test with a stand-in worker: records what the page asks for and answers like the real
 * one would (getConnectionSettings from `page.connectionSettings`, which tests change; enableSync refused as an
 * org without API access when a client id is set, else as no session). Call once at a test file's top: it
 * registers its own beforeEach/afterEach.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, vi} from 'vitest';
import browser from 'webextension-polyfill';
import type {Partition} from '@/shared/store/schema.js';
import type {ConnectionSettings} from '@/shared/types.js';
import {App} from '@/options/settings-app.js';
import {db} from '@/options/settings-db.js';
import {resetFakeBrowser} from './browser.js';
import {createDomRoot, removeDomRoot} from './dom-root.js';
import {partitionFixture, TEST_PARTITION_ID} from './partition.js';

export const REFUSED_SENTENCE =
	"Your company's Salesforce doesn't let browser sessions use the API. Connect Tickler once to sync.";

export function settingsPage() {
	const page = {
		root: undefined as unknown as HTMLElement,
		messages: [] as unknown[],
		connectionSettings: {
			redirectUrl: 'https://fakeextensionid.chromiumapp.org/',
			presets: {},
			oauth: [],
		} as ConnectionSettings,
		text: () => page.root.textContent,
		button(name: string): HTMLButtonElement {
			const found = [...page.root.querySelectorAll('button')].find(
				element => element.textContent === name || element.getAttribute('aria-label') === name,
			);
			if (!found) throw new Error(`No button ${name}`);
			return found;
		},
		partition: (overrides: Partial<Partition> = {}): Partition =>
			partitionFixture({
				enabledAt: Date.now() - 60_000,
				apiUsage: {used: 1200, limit: 15_000, at: Date.now()},
				status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
				...overrides,
			}),
		async enable(overrides: Partial<Partition> = {}) {
			await db.partitions.put(page.partition(overrides));
			await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
		},
		async mount() {
			await act(() => {
				render(<App />, page.root);
			});
			await vi.waitFor(() => expect(page.text()).toContain('Sync reminders with Salesforce Tasks'));
		},
		sent: (method: string) => page.messages.filter(message => (message as {method: string}).method === method),
	};

	beforeEach(async () => {
		await resetFakeBrowser();
		page.messages.length = 0;
		page.connectionSettings = {redirectUrl: 'https://fakeextensionid.chromiumapp.org/', presets: {}, oauth: []};
		browser.runtime.onMessage.addListener(async (message: unknown) => {
			page.messages.push(message);
			const {method} = message as {method: string};
			if (method === 'getConnectionSettings') return {ok: true, value: page.connectionSettings};
			if (method === 'enableSync' && page.connectionSettings.clientId !== undefined)
				return {ok: false, error: {name: 'ApiAccessRefusedError', message: REFUSED_SENTENCE}};
			if (method === 'enableSync')
				return {
					ok: false,
					error: {name: 'NoSessionError', message: 'Sign in to Salesforce in a tab first, then turn sync on.'},
				};
			return {ok: true, value: method === 'forgetPartition' ? {deletedReminders: 1} : {queued: true}};
		});
		await Promise.all(db.tables.map(table => table.clear()));
		page.root = createDomRoot();
	});

	afterEach(async () => {
		await removeDomRoot(page.root);
	});

	return page;
}
