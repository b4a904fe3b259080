// @vitest-environment happy-dom
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import type {RecordPage} from '@/shared/record-page-url.js';
import {createRemindControl} from './remind-me-control.js';
import {REMIND_ME_TAG} from './remind-me-form.js';
import {repClick} from '../../../test/fakes/rep-input.js';
import {captureShadowRoots} from '../../../test/fakes/closed-roots.js';

const contact: RecordPage = {
	kind: 'lightning',
	host: 'acme.lightning.force.com',
	object: 'Contact',
	recordId: '003000000000001AAA',
};
afterEach(() => {
	document.body.replaceChildren();
});

const rootOf = captureShadowRoots();
const shadow = () => rootOf(document.querySelector(REMIND_ME_TAG));
const button = (label: string) =>
	[...(shadow()?.querySelectorAll('button') ?? [])].find(b => b.textContent === label) as HTMLButtonElement;

describe('R34: a record name the page draws after the form opened', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});
	const drawHeader = (name: string) => {
		document.body.insertAdjacentHTML('afterbegin', '<records-highlights2><h1></h1></records-highlights2>');
		const heading = document.querySelector('records-highlights2 h1');
		if (heading) heading.textContent = name;
	};
	const nameField = () => shadow()?.querySelector<HTMLInputElement>('input[name="name"]');
	const openOnBarePage = () => {
		const control = createRemindControl(async () => ({id: 'x'}));
		control.show(contact);
		repClick(button('Remind me'));
		expect(nameField()?.value).toBe('Follow up: Contact');
		return control;
	};

	test("replaces the object's name while the rep has not typed", () => {
		const control = openOnBarePage();
		vi.advanceTimersByTime(1000);
		expect(nameField()?.value).toBe('Follow up: Contact');
		drawHeader('Ana Ruiz');
		vi.advanceTimersByTime(250);
		expect(nameField()?.value).toBe('Follow up: Ana Ruiz');
		control.remove();
	});

	test("never over the rep's own words, never into a closed form, and not after ten seconds", () => {
		const control = openOnBarePage();
		const field = nameField();
		if (field) field.value = 'Call Ana back';
		drawHeader('Ana Ruiz');
		vi.advanceTimersByTime(250);
		expect(nameField()?.value).toBe('Call Ana back');
		document.body.querySelector('records-highlights2')?.remove();

		repClick(button('Cancel'));
		repClick(button('Remind me'));
		repClick(button('Cancel'));
		drawHeader('Ana Ruiz');
		vi.advanceTimersByTime(250);
		expect(nameField()?.value).toBe('Follow up: Contact');
		document.body.querySelector('records-highlights2')?.remove();

		repClick(button('Remind me'));
		vi.advanceTimersByTime(10_250);
		drawHeader('Ana Ruiz');
		vi.advanceTimersByTime(1000);
		expect(nameField()?.value).toBe('Follow up: Contact');
		control.remove();
	});

	test('stops looking as soon as the form is closed or the control is gone: no timer is left behind', () => {
		// The control follows the header's place for ~5 s (remind-me-control.ts): past that, only the look is left.
		let control = openOnBarePage();
		repClick(button('Cancel'));
		vi.advanceTimersByTime(6000);
		expect(vi.getTimerCount()).toBe(0);

		control.remove();
		control = openOnBarePage();
		vi.advanceTimersByTime(6000);
		expect(vi.getTimerCount()).toBe(1);
		control.remove();
		vi.advanceTimersByTime(250);
		expect(vi.getTimerCount()).toBe(0);
	});
});
