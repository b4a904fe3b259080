// @vitest-environment happy-dom
/**
 * R47 in the popup: the line's parts show as it is typed, each droppable by click and by Backspace, Enter
 * adds the reminder through the worker, "More options…" opens the form filled in — in English and Italian.
 */
import 'fake-indexeddb/auto';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, expect, test, vi} from 'vitest';
import {formatClockTime} from '@/shared/i18n/format.js';
import {setUiLanguage} from '../../../test/fakes/browser.js';
import {fieldByLabel, typeInto} from '../../../test/fakes/popup-form.js';
import {pageRootPerTest, workerDb as db} from '../../../test/fakes/worker-for-pages.js';
import {localDays} from '../dates.js';
import {App} from '../popup-app.js';
import {AllRemindersApp} from '../all/all-reminders-app.js';

let root: HTMLElement;

pageRootPerTest(fresh => (root = fresh));

afterEach(async () => {
	setUiLanguage('en');
});

async function mount() {
	await act(() => {
		render(<App />, root);
	});
	await vi.waitFor(() => expect(root.querySelector('.quick-add input')).not.toBeNull());
	return root.querySelector('.quick-add input') as HTMLInputElement;
}

const parts = () => [...root.querySelectorAll('.quick-part')].map(part => part.textContent);
const button = (name: string) => {
	const found = [...root.querySelectorAll('button')].find(
		b => (b.getAttribute('aria-label') ?? b.textContent) === name,
	);
	if (!found) throw new Error(`no button ${name}`);
	return found;
};

/** Tomorrow at 10:00 on this computer's clock, as stored and as shown. */
function tomorrowAtTen() {
	const now = new Date();
	const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);
	return {iso: at.toISOString(), shown: formatClockTime(at)};
}

/** Types `text`; the parser is loaded at the first keystroke, so the parts follow once it is there. */
async function type(field: HTMLInputElement, text: string, name: string) {
	await act(() => typeInto(field, text));
	await vi.waitFor(() => expect(parts()[0]).toBe(name));
}

test('R47: "Call Rossi tomorrow at 10" shows its parts, and Enter adds it due tomorrow with a 10:00 reminder', async () => {
	const field = await mount();
	const {iso, shown} = tomorrowAtTen();
	await type(field, 'Call Rossi tomorrow at 10', 'Name: Call Rossi');
	await vi.waitFor(() => expect(parts()).toEqual(['Name: Call Rossi', 'Due tomorrow×', `Remind at ${shown}×`]));
	await act(() => field.form?.requestSubmit());
	await vi.waitFor(async () => expect(await db.reminders.count()).toBe(1));
	const [added] = await db.reminders.toArray();
	expect(added).toMatchObject({name: 'Call Rossi', dueDate: localDays().tomorrow, reminderAt: iso, priority: 'normal'});
	// The field is ready for the next line, and the reminder is on the list.
	await vi.waitFor(() => expect(field.value).toBe(''));
	await vi.waitFor(() => expect(root.textContent).toContain('Call Rossi'));
});

test('R47: no date is due today; numbers that are not dates stay in the name', async () => {
	const field = await mount();
	await act(() => typeInto(field, 'Email the 5 case studies'));
	await vi.waitFor(() => expect(parts()).toEqual(['Name: Email the 5 case studies', 'Due today']));
	await act(() => field.form?.requestSubmit());
	await vi.waitFor(async () => expect(await db.reminders.count()).toBe(1));
	const [added] = await db.reminders.toArray();
	expect(added).toMatchObject({name: 'Email the 5 case studies', dueDate: localDays().today});
	expect(added?.reminderAt ?? null).toBeNull();
});

test('R47: each part can be dropped, by its button or by Backspace at the start of the field', async () => {
	const field = await mount();
	const {shown} = tomorrowAtTen();
	await type(field, 'Call Rossi tomorrow at 10', 'Name: Call Rossi');
	await act(() => button(`Remove the reminder time ${shown}`).click());
	expect(parts()).toEqual(['Name: Call Rossi', 'Due tomorrow×']);
	expect(document.activeElement).toBe(field);
	// Backspace at the very start drops the last part left: the date's words go back into the name.
	field.setSelectionRange(0, 0);
	await act(() => {
		field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Backspace', bubbles: true, cancelable: true}));
	});
	expect(parts()).toEqual(['Name: Call Rossi tomorrow at 10', 'Due today']);
	// Elsewhere in the field Backspace is just Backspace.
	await type(field, 'Call Ana friday', 'Name: Call Ana');
	field.setSelectionRange(4, 4);
	const key = new KeyboardEvent('keydown', {key: 'Backspace', bubbles: true, cancelable: true});
	await act(() => {
		field.dispatchEvent(key);
	});
	expect(key.defaultPrevented).toBe(false);
});

test('R47: "More options…" opens the full form with what the line said', async () => {
	const field = await mount();
	await type(field, 'Call Rossi tomorrow at 10', 'Name: Call Rossi');
	await act(() => button('More options…').click());
	const form = root.querySelector('[aria-label="Add a reminder"]') as HTMLFormElement;
	expect(fieldByLabel(form, 'Name').value).toBe('Call Rossi');
	expect(fieldByLabel(form, 'Due date').value).toBe(localDays().tomorrow);
	expect(fieldByLabel(form, 'Reminder time').value).toBe('10:00');
	expect(field.value).toBe('');
});

test('R47: under an Italian UI, "Chiamare Rossi domani alle 10" is understood, and English still is', async () => {
	setUiLanguage('it');
	const field = await mount();
	const {iso, shown} = tomorrowAtTen();
	await type(field, 'Chiamare Rossi domani alle 10', 'Oggetto: Chiamare Rossi');
	await vi.waitFor(() =>
		expect(parts()).toEqual(['Oggetto: Chiamare Rossi', 'Scadenza domani×', `Avviso alle ${shown}×`]),
	);
	await act(() => field.form?.requestSubmit());
	await vi.waitFor(async () => expect(await db.reminders.count()).toBe(1));
	expect((await db.reminders.toArray())[0]).toMatchObject({name: 'Chiamare Rossi', reminderAt: iso});
	await vi.waitFor(() => expect(field.value).toBe(''));
	await type(field, 'Call Bianchi tomorrow at 10', 'Oggetto: Call Bianchi');
});

test('R47 on All reminders: the same field adds a reminder, and "More options…" opens the form there too', async () => {
	await act(() => {
		render(<AllRemindersApp />, root);
	});
	await vi.waitFor(() => expect(root.querySelector('.quick-add input')).not.toBeNull());
	const field = root.querySelector('.quick-add input') as HTMLInputElement;
	await type(field, 'Send 3 quotes by Friday', 'Name: Send 3 quotes');
	await act(() => field.form?.requestSubmit());
	await vi.waitFor(async () => expect(await db.reminders.count()).toBe(1));
	const [added] = await db.reminders.toArray();
	expect(added?.name).toBe('Send 3 quotes');
	expect(new Date(`${added?.dueDate ?? ''}T12:00`).getDay()).toBe(5);
	await type(field, 'Call Ana tomorrow', 'Name: Call Ana');
	await act(() => button('More options…').click());
	const form = root.querySelector('[aria-label="Add a reminder"]') as HTMLFormElement;
	expect(fieldByLabel(form, 'Name').value).toBe('Call Ana');
	expect(fieldByLabel(form, 'Due date').value).toBe(localDays().tomorrow);
});
