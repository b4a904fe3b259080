// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {RecordPage} from '@/shared/record-page-url.js';
import {createRemindControl} from './remind-me-control.js';
import {REMIND_ME_TAG, type RemindInput} from './remind-me-form.js';
import {prefilledName, readRecordName} from './record-name.js';

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

const shadow = () => document.querySelector(REMIND_ME_TAG)?.shadowRoot;
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
		button('Remind me').click();
		const name = shadow()?.querySelector<HTMLInputElement>('input[name="name"]');
		expect(name?.value).toBe(`Follow up: ${hostile}`);
		expect(shadow()?.querySelector('img')).toBeNull();
		const form = shadow()?.querySelector('form');
		expect(form?.hidden).toBe(false);
		if (name) name.value = 'Call Ana back';
		form?.dispatchEvent(new Event('submit', {cancelable: true}));
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
		expect(save.mock.calls[0]?.[0]).toBe(contact);
		expect(save.mock.calls[0]?.[1]).toMatchObject({name: 'Call Ana back', recordName: hostile});
		await vi.waitFor(() => expect(shadow()?.querySelector('[role="status"]')?.textContent).toContain('Reminder saved'));
		control.remove();
	});
});

describe('R31/R34: the control’s reminder time, refusals and moves', () => {
	test('R31/R34: a filled reminder time is sent as the instant of due date + time on the rep’s clock; none when empty', async () => {
		const save = vi.fn(async (_page: RecordPage, _input: RemindInput) => ({id: 'x'}));
		const control = createRemindControl(save);
		control.show(contact);
		const input = (name: string) => shadow()?.querySelector<HTMLInputElement>(`input[name="${name}"]`);
		const submit = () =>
			shadow()
				?.querySelector('form')
				?.dispatchEvent(new Event('submit', {cancelable: true}));

		button('Remind me').click();
		expect(input('reminderTime')?.type).toBe('time');
		expect(input('reminderTime')?.closest('label')?.textContent).toContain('Reminder time (optional)');
		expect(input('reminderTime')?.value).toBe('');
		submit();
		await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
		expect(save.mock.calls[0]?.[1]).not.toHaveProperty('reminderAt');

		button('Remind me').click();
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
		button('Remind me').click();
		expect(input('reminderTime')?.value).toBe('');
		expect(input('dueDate')?.required).toBe(false);
		control.remove();
	});

	test('R34: a refusal is shown in the form; a move to another record rebuilds the control; leaving removes it', async () => {
		const control = createRemindControl(async () => Promise.reject(new Error('Turn on sync first')));
		control.show(contact);
		button('Remind me').click();
		expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Follow up: Contact');
		shadow()
			?.querySelector('form')
			?.dispatchEvent(new Event('submit', {cancelable: true}));
		await vi.waitFor(() => expect(shadow()?.querySelector('.error')?.textContent).toBe('Turn on sync first'));
		control.show(account);
		expect(shadow()?.querySelector('form')?.hidden).toBe(true);
		document.title = 'Acme | Account | Salesforce';
		button('Remind me').click();
		expect(shadow()?.querySelector<HTMLInputElement>('input[name="name"]')?.value).toBe('Follow up: Acme');
		control.remove();
		expect(document.querySelector(REMIND_ME_TAG)).toBeNull();
	});
});
