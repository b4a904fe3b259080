// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {RecordPage} from '@/shared/record-page-url.js';
import {createRemindControl} from './remind-me-control.js';
import {REMIND_ME_TAG, type RemindInput} from './remind-me-form.js';
import {prefilledName, readRecordName} from './record-name.js';
import {repClick} from '../../../test/fakes/rep-input.js';
import {captureShadowRoots} from '../../../test/fakes/closed-roots.js';
import {setUiLanguage} from '../../../test/fakes/browser.js';

function fixture(name: string): Document {
	const doc = document.implementation.createHTMLDocument('fixture');
	doc.body.innerHTML = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
	return doc;
}

describe('R34: the record name from the page header', () => {
	test('Lightning highlights panel: the primary field, without the entity label', () => {
		expect(readRecordName(fixture('lightning-task-record.html'), 'Task')).toBe('Call Acme about renewal');
	});

	test('Classic title block', () => {
		expect(readRecordName(fixture('classic-task-detail.html'), 'Task')).toBe('Call Acme about renewal');
	});

	test('the older SLDS page header, without a highlights panel', () => {
		expect(readRecordName(fixture('lightning-contact-record.html'), 'Contact')).toBe('Ana Ruiz');
	});

	test('the Lightning tab title when no header is drawn yet; undefined (fail-safe) when nothing says', () => {
		const doc = document.implementation.createHTMLDocument('');
		doc.title = 'Ana Ruiz | Contact | Salesforce';
		expect(readRecordName(doc, 'Contact')).toBe('Ana Ruiz');
		expect(readRecordName(doc, 'Lead')).toBeUndefined();
		doc.title = 'Salesforce';
		expect(readRecordName(doc, 'Contact')).toBeUndefined();
	});
});

/** No lone surrogate (String.prototype.isWellFormed, which the project's TypeScript lib predates). */
const wellFormed = (text: string): boolean =>
	!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('R34: a long record name is cut on a whole character', () => {
	test('never half of a surrogate pair: an emoji at the cut goes whole, in the name read and the name prefilled', () => {
		const doc = document.implementation.createHTMLDocument('');
		doc.body.innerHTML = '<records-highlights2><h1></h1></records-highlights2>';
		const heading = doc.querySelector('h1');
		if (heading) heading.textContent = `${'a'.repeat(254)}😀 and more`;
		const read = readRecordName(doc, 'Contact') ?? '';
		expect(read).toBe('a'.repeat(254));
		expect(wellFormed(read)).toBe(true);
		const prefilled = prefilledName(`${'b'.repeat(243)}😀`);
		// "Follow up: " is 11 characters: 11 + 243 = 254, and the pair would end at 256.
		expect(prefilled).toBe(`Follow up: ${'b'.repeat(243)}`);
		expect(wellFormed(prefilled)).toBe(true);
		expect(wellFormed(`${'a'.repeat(254)}😀`.slice(0, 255))).toBe(false);
		expect(prefilledName('Ana Ruiz')).toBe('Follow up: Ana Ruiz');
	});
});

const contact: RecordPage = {
	kind: 'lightning',
	host: 'acme.lightning.force.com',
	object: 'Contact',
	recordId: '003000000000001AAA',
};
const account: RecordPage = {
	kind: 'lightning',
	host: 'acme.lightning.force.com',
	object: 'Account',
	recordId: '001000000000001AAA',
};
afterEach(() => {
	document.body.replaceChildren();
	document.title = '';
});

const rootOf = captureShadowRoots();
const shadow = () => rootOf(document.querySelector(REMIND_ME_TAG));
const button = (label: string) =>
	[...(shadow()?.querySelectorAll('button') ?? [])].find(b => b.textContent === label) as HTMLButtonElement;

describe('R34: the "Remind me" control', () => {
	test('R34: one host with its own shadow root; the form prefills "Follow up: <name>" and sends what the rep saved', async () => {
		const save = vi.fn(async (_page: RecordPage, _input: RemindInput) => ({id: 'x'}));
		const hostile = '<img src=x onerror=alert(1)>';
		document.body.innerHTML = `<records-highlights2><h1><lightning-formatted-text></lightning-formatted-text></h1></records-highlights2>`;
		const nameHolder = document.querySelector('lightning-formatted-text');
		if (nameHolder) nameHolder.textContent = hostile;
		const control = createRemindControl(save);
		control.show(contact);
		control.show(contact);
		expect(document.querySelectorAll(REMIND_ME_TAG)).toHaveLength(1);
		const host = document.querySelector<HTMLElement>(REMIND_ME_TAG);
		expect(host?.style.getPropertyValue('position')).toBe('fixed');
		// Nothing is added to the page outside the host.
		expect(document.body.children).toHaveLength(2);
		repClick(button('Remind me'));
		const name = shadow()?.querySelector<HTMLInputElement>('input[name="name"]');
		expect(name?.value).toBe(`Follow up: ${hostile}`);
		expect(shadow()?.querySelector('img')).toBeNull();
		const form = shadow()?.querySelector('form');
		expect(form?.hidden).toBe(false);
		if (name) name.value = 'Call Ana back';
		repClick(button('Save'));
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
		expect(save.mock.calls[0]?.[0]).toBe(contact);
		expect(save.mock.calls[0]?.[1]).toMatchObject({name: 'Call Ana back', recordName: hostile});
		await vi.waitFor(() => expect(shadow()?.querySelector('[role="status"]')?.textContent).toContain('Reminder saved'));
		control.remove();
	});
});

describe('R32 (issue 20): the form says who will alert at its reminder time', () => {
	test('a short line under the time field, from the worker’s answer for this page; none when it cannot say', async () => {
		const save = vi.fn(async () => ({id: 'x'}));
		const asked: RecordPage[] = [];
		let who: 'tickler' | 'salesforce' | 'both' | undefined = 'salesforce';
		const control = createRemindControl(save, document, async page => {
			asked.push(page);
			if (who === undefined) throw new Error('sync is off');
			return who;
		});
		control.show(contact);
		repClick(button('Remind me'));
		const line = () => shadow()?.querySelector<HTMLElement>('.alerts');
		await vi.waitFor(() => expect(line()?.hidden).toBe(false));
		expect(line()?.textContent).toBe("At that time, Salesforce's reminder alerts you, not Tickler.");
		expect(asked).toEqual([contact]);
		// Right under the time field's label.
		expect(line()?.previousElementSibling?.textContent).toContain('Reminder time (optional)');
		repClick(button('Cancel'));
		who = 'both';
		repClick(button('Remind me'));
		await vi.waitFor(() => expect(line()?.textContent).toBe('At that time, both Tickler and Salesforce alert you.'));
		repClick(button('Cancel'));
		who = undefined;
		repClick(button('Remind me'));
		await new Promise(resolve => setTimeout(resolve, 10));
		expect(line()?.hidden).toBe(true);
		control.remove();
	});
});

describe('R31/R34: the control’s reminder time, refusals and moves', () => {
	test('R31/R34: a filled reminder time is sent as the instant of due date + time on the rep’s clock; none when empty', async () => {
		const save = vi.fn(async (_page: RecordPage, _input: RemindInput) => ({id: 'x'}));
		const control = createRemindControl(save);
		control.show(contact);
		const input = (name: string) => shadow()?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
		const submit = () => repClick(button('Save'));

		repClick(button('Remind me'));
		expect(input('reminderTime')?.type).toBe('time');
		expect(input('reminderTime')?.closest('label')?.textContent).toContain('Reminder time (optional)');
		expect(input('reminderTime')?.value).toBe('');
		submit();
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
		expect(save.mock.calls[0]?.[1]).not.toHaveProperty('reminderAt');
		// Save is disabled while the worker answers: the rep's next click comes once it said so.
		await vi.waitFor(() => expect(button('Save').disabled).toBe(false));

		repClick(button('Remind me'));
		const due = input('dueDate');
		const time = input('reminderTime');
		if (!due || !time) throw new Error('the form has no date or time field');
		due.value = '2026-03-05';
		time.value = '09:30';
		time.dispatchEvent(new Event('input', {bubbles: true}));
		// A time is on the due date: the browser asks for the date before the form can be sent.
		expect(due.required).toBe(true);
		submit();
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
		// 09:30 on the machine's own clock (Date's local-time constructor), whatever zone the tests run in.
		expect(save.mock.calls[1]?.[1]).toMatchObject({
			dueDate: '2026-03-05',
			reminderAt: new Date(2026, 2, 5, 9, 30).toISOString(),
		});

		// Opened again: the time starts empty and the date is optional again.
		repClick(button('Remind me'));
		expect(input('reminderTime')?.value).toBe('');
		expect(input('dueDate')?.required).toBe(false);
		control.remove();
	});

	test('R34: a refusal is shown in the form; a move to another record rebuilds the control; leaving removes it', async () => {
		const control = createRemindControl(async () => Promise.reject(new Error('Turn on sync first')));
		control.show(contact);
		repClick(button('Remind me'));
		expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Follow up: Contact');
		repClick(button('Save'));
		await vi.waitFor(() => expect(shadow()?.querySelector('.error')?.textContent).toBe('Turn on sync first'));
		control.show(account);
		expect(shadow()?.querySelector('form')?.hidden).toBe(true);
		document.title = 'Acme | Account | Salesforce';
		repClick(button('Remind me'));
		expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Follow up: Acme');
		control.remove();
		expect(document.querySelector(REMIND_ME_TAG)).toBeNull();
	});
});

describe('R52: only the rep acts', () => {
	test('R52: the shadow root is closed: page script cannot reach the form or read what it holds', () => {
		const control = createRemindControl(async () => ({id: 'x'}));
		control.show(contact);
		repClick(button('Remind me'));
		const host = document.querySelector(REMIND_ME_TAG);
		expect(host?.shadowRoot).toBeNull();
		expect(document.querySelector('form, input, button')).toBeNull();
		expect(document.body.textContent).not.toContain('Follow up');
		expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Follow up: Contact');
		control.remove();
	});

	test('R52: a page script’s click() does not open the form; requestSubmit(), a submit event and a script click on Save save nothing', async () => {
		const save = vi.fn(async (_page: RecordPage, _input: RemindInput) => ({id: 'x'}));
		const control = createRemindControl(save);
		control.show(contact);
		const form = shadow()?.querySelector('form');
		button('Remind me').click();
		expect(form?.hidden).toBe(true);
		repClick(button('Remind me'));
		expect(form?.hidden).toBe(false);
		form?.requestSubmit();
		form?.requestSubmit(button('Save'));
		form?.dispatchEvent(new Event('submit', {cancelable: true}));
		button('Save').click();
		button('Save').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
		await new Promise(resolve => setTimeout(resolve, 10));
		expect(save).not.toHaveBeenCalled();
		// The rep's own click on Save does save.
		repClick(button('Save'));
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
		control.remove();
	});

	test('R52: Save checks the fields first, as the browser does for a form: an empty name sends nothing', async () => {
		const save = vi.fn(async (_page: RecordPage, _input: RemindInput) => ({id: 'x'}));
		const control = createRemindControl(save);
		control.show(contact);
		repClick(button('Remind me'));
		const name = shadow()?.querySelector<HTMLInputElement>('input[name="name"]');
		if (name) name.value = '';
		repClick(button('Save'));
		await new Promise(resolve => setTimeout(resolve, 10));
		expect(save).not.toHaveBeenCalled();
		control.remove();
	});
});

describe('R46: "Remind me" in an Italian browser', () => {
	test('R46: the button, the form and the prefilled name are Italian; the object is named in Italian, not by its API name', () => {
		setUiLanguage('it');
		try {
			const control = createRemindControl(async () => ({id: 'x'}));
			control.show({...account, object: 'Opportunity'});
			expect(document.querySelector(REMIND_ME_TAG)?.getAttribute('lang')).toBe('it');
			repClick(button('Ricordamelo'));
			expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Ricontattare: opportunità');
			const labels = [...(shadow()?.querySelectorAll('label') ?? [])].map(label => label.textContent);
			expect(labels).toEqual(['Promemoria', 'Scadenza', 'Ora del promemoria (facoltativa)']);
			expect(button('Salva')).toBeDefined();
			expect(button('Annulla')).toBeDefined();
			control.remove();
		} finally {
			setUiLanguage('en');
		}
	});
});
