// @vitest-environment happy-dom
/** R46: the popup in an Italian browser — its words, dates and the page's language all Italian. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {setUiLanguage} from '../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../test/fakes/worker-for-pages.js';
import {App} from './popup-app.js';
import {localDays} from './dates.js';

let root: HTMLElement;

pageRootPerTest(fresh => (root = fresh));

beforeEach(() => {
	setUiLanguage('it');
});

afterEach(async () => {
	setUiLanguage('en');
});

test('R46: an Italian browser sees the popup in Italian, with Italian dates, and <html lang="it">', async () => {
	setPageLanguage();
	expect(document.documentElement.lang).toBe('it');
	const {today} = localDays();
	await db.partitions.put(
		partitionFixture({
			enabledAt: Date.now() - 60_000,
			status: {phase: 'idle', budget: 'normal', lastSyncAt: Date.now()},
		}),
	);
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	await addReminder(db, {name: 'Chiamare Rossi', dueDate: today, priority: 'high'});
	await addReminder(db, {name: 'Preventivo Bianchi', dueDate: '2000-01-03'});
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.textContent).toContain('Chiamare Rossi'));
	const text = root.textContent;
	for (const words of ['Nuovo', 'Tutti i promemoria', 'Oggi', 'Domani', 'Niente in scadenza domani']) {
		expect(text).toContain(words);
	}
	expect(text).toContain('Priorità alta');
	expect(text).toContain('In ritardo');
	expect(text).toContain('In attesa di sincronizzazione');
	expect(text).toContain('Sincronizza ora');
	// A date in another year shows its year, in Italian: Monday 3 January 2000.
	expect(text).toContain('Scadenza lun 3 gen 2000');
	expect(root.querySelector('[aria-label="Completa Chiamare Rossi"]')?.tagName).toBe('INPUT');
	expect(root.querySelector('[aria-label="Elimina Chiamare Rossi"]')?.getAttribute('title')).toBe('Elimina');
	for (const english of ['Add reminder', 'Today', 'Overdue', 'Due ', 'Sync now', 'priority']) {
		expect(text).not.toContain(english);
	}
});
