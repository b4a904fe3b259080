// @vitest-environment happy-dom
/** R46: the All reminders page in an Italian browser — groups, search, sending, counts and errors in Italian. */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {setPageLanguage} from '@/shared/i18n/page-language.js';
import {t} from '@/shared/i18n/t.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {setUiLanguage} from '../../../test/fakes/browser.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {pageRootPerTest, workerDb as db} from '../../../test/fakes/worker-for-pages.js';
import {AllRemindersApp} from './all-reminders-app.js';
import {sendConfirmation} from './groups.js';

let root: HTMLElement;

pageRootPerTest(fresh => (root = fresh));

beforeEach(() => {
	setUiLanguage('it');
});

afterEach(async () => {
	setUiLanguage('en');
});

const button = (label: string) => {
	const found = [...root.querySelectorAll('button')].find(node => node.textContent.startsWith(label));
	if (!found) throw new Error(`No button ${label}`);
	return found;
};

test('R46: the All reminders page speaks Italian — title, groups, counts, sending and its confirmation', async () => {
	setPageLanguage(document.documentElement, t('allPageTitle'));
	expect(document.documentElement.lang).toBe('it');
	expect(document.title).toBe('Tutti i promemoria — Tickler');
	const old = await addReminder(db, {name: 'Da prima della sincronizzazione', dueDate: null});
	await db.partitions.put(partitionFixture({enabled: true, enabledAt: Date.now() - 60_000}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	await db.reminders.update(old.id, {partition: TEST_PARTITION_ID, localOnly: true, syncState: 'local-only'});
	await addReminder(db, {name: 'Rinnovo Ferri', dueDate: '2999-01-04'});
	await act(() => {
		render(<AllRemindersApp />, root);
	});
	await vi.waitFor(() => expect(button('In scadenza').textContent).toBe('In scadenza (1)'));
	expect(root.querySelector('h1')?.textContent).toBe('Tutti i promemoria');
	expect(root.textContent).toContain('Cerca per oggetto');
	expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Quali promemoria');
	// A date in another year shows its year, in Italian.
	expect(root.textContent).toContain('Scadenza ven 4 gen 2999');
	for (const label of ['Senza scadenza', 'Completati', 'Solo su questo computer']) button(label);
	await act(() => button('Solo su questo computer').click());
	expect(root.textContent).toContain('restano su questo computer finché non li invii');
	await act(() => button('Invia tutti a Salesforce').click());
	const dialog = root.querySelector('[role=alertdialog]')!;
	expect(dialog.textContent).toContain('Inviare questo promemoria a Salesforce?');
	expect(dialog.textContent).toContain('Verrà creata 1 attività in Salesforce, assegnata a te.');
	await act(() => [...dialog.querySelectorAll('button')].find(node => node.textContent === 'Invia')!.click());
	await vi.waitFor(() => expect(root.textContent).toContain('Inviato 1 promemoria'));
	for (const english of ['Upcoming', 'Search', 'Send', 'Completed', 'Due '])
		expect(root.textContent).not.toContain(english);
});

test('R46: the confirmation counts Tasks with Italian plurals and Italian numbers', () => {
	expect(sendConfirmation(3)).toBe('Verranno create 3 attività in Salesforce, assegnate a te.');
	expect(sendConfirmation(1200)).toBe('Verranno create 1200 attività in Salesforce, assegnate a te.');
});
