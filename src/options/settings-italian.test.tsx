// @vitest-environment happy-dom
/** R46: the settings page in an Italian browser — every heading, label and number in Italian. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import browser from 'webextension-polyfill';
import {resetFakeBrowser, setUiLanguage} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {createDomRoot, removeDomRoot} from '../../test/fakes/dom-root.js';
import {App} from './settings-app.js';
import {db} from './settings-db.js';

let root: HTMLElement;

beforeEach(async () => {
	await resetFakeBrowser();
	setUiLanguage('it');
	browser.runtime.onMessage.addListener(async (message: unknown) =>
		(message as {method: string}).method === 'getConnectionSettings'
			? {ok: true, value: {redirectUrl: 'https://fakeextensionid.chromiumapp.org/', presets: {}, oauth: []}}
			: {ok: true, value: undefined},
	);
	await db.delete();
	await db.open();
	root = createDomRoot();
});

afterEach(async () => {
	await removeDomRoot(root);
	await resetFakeBrowser();
});

test('R46: an Italian browser sees the settings in Italian, numbers written the Italian way', async () => {
	await db.partitions.put(
		partitionFixture({
			enabledAt: Date.now() - 60_000,
			apiUsage: {used: 1200, limit: 15_000, at: Date.now()},
			status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
		}),
	);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.textContent).toContain('Connessione a Salesforce'));
	const text = root.textContent;
	for (const words of [
		'Impostazioni di Tickler',
		'Sincronizza i promemoria con le attività Salesforce',
		'Account Salesforce',
		'1200 di 15.000 richieste nelle ultime 24 ore (8%)',
		'Avvisi dei promemoria',
		'Cronologia di sincronizzazione',
		'I tuoi dati',
		'Esporta i dati locali (JSON)',
	]) {
		expect(text).toContain(words);
	}
	for (const english of ['Settings', 'Sync history', 'Your data', 'requests', 'Reminder alerts']) {
		expect(text).not.toContain(english);
	}
});
