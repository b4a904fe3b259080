// @vitest-environment happy-dom
import {afterEach, describe, expect, test} from 'vitest';
import type {TaskBadge} from '@/shared/types.js';
import {describeBadge, formatSyncTime, subjectNote} from './badge-view.js';
import {HOST_TAG, mountBadge} from './badge-mount.js';
import {repClick} from '../../../test/fakes/rep-input.js';
import {captureShadowRoots} from '../../../test/fakes/closed-roots.js';
import {setUiLanguage} from '../../../test/fakes/browser.js';

const NOW = new Date('2026-03-10T15:00:00');
const states: Array<[string, TaskBadge, RegExp]> = [
	[
		'synced',
		{state: 'synced', reminderName: 'Call Acme', lastSyncedAt: new Date('2026-03-10T14:42:00').toISOString()},
		/^Synced \S/,
	],
	['pending', {state: 'pending', reminderName: 'Call Acme'}, /^Pending$/],
	[
		'error',
		{
			state: 'error',
			reminderName: 'Call Acme',
			message: 'Salesforce refused the change: FIELD_CUSTOM_VALIDATION_EXCEPTION',
			hint: 'Fix the Task in Salesforce, then retry in Settings.',
		},
		/^Sync error$/,
	],
	[
		'conflict',
		{
			state: 'conflict',
			reminderName: 'Call Acme',
			message: 'Changed in Salesforce and in Tickler; Salesforce kept the due date.',
		},
		/^Your edit was replaced$/,
	],
	[
		'not-linked',
		{state: 'not-linked', reason: 'owned-by-someone-else', message: 'This Task belongs to Sam Second, not to you.'},
		/^Not linked$/,
	],
];

afterEach(() => {
	document.body.innerHTML = '';
});

const rootOf = captureShadowRoots();
function shadowOf(): ShadowRoot {
	const root = rootOf(document.querySelector(HOST_TAG));
	if (root === undefined) throw new Error('no badge');
	return root;
}

describe('the badge in each state (R24)', () => {
	test.each(states)('%s: pill label, details and the R10 note', (state, badge, label) => {
		const mounted = mountBadge(document);
		mounted.update(badge, {top: 120, right: 16});
		const root = shadowOf();
		expect(root.querySelector('[data-state]')?.getAttribute('data-state')).toBe(state);
		expect(root.querySelector('.label')?.textContent).toMatch(label);
		const card = root.querySelector('.card');
		expect(card?.textContent).toContain(subjectNote());
		if (badge.state !== 'synced' && badge.state !== 'pending') expect(card?.textContent).toContain(badge.message);
		if (badge.state === 'error') expect(card?.textContent).toContain(badge.hint);
		if ('reminderName' in badge) expect(root.querySelector('.title')?.textContent).toBe(badge.reminderName);
		mounted.unmount();
		expect(document.querySelector(HOST_TAG)).toBeNull();
	});

	test('the pill opens and closes the card, and names its state for assistive tech', async () => {
		const mounted = mountBadge(document);
		mounted.update(states[0]![1], {top: 120, right: 16});
		const root = shadowOf();
		const pill = root.querySelector('button')!;
		const card = root.querySelector<HTMLElement>('.card')!;
		expect(card.hidden).toBe(true);
		expect(pill.getAttribute('aria-expanded')).toBe('false');
		expect(pill.getAttribute('title')).toBe(subjectNote());
		repClick(pill);
		await Promise.resolve();
		await new Promise(resolve => setTimeout(resolve, 0));
		expect(card.hidden).toBe(false);
		expect(pill.getAttribute('aria-expanded')).toBe('true');
		mounted.unmount();
	});

	test('the open card collapses when the rep clicks into the page or presses Escape (R24)', async () => {
		document.body.innerHTML = '<input id="field">';
		const mounted = mountBadge(document);
		mounted.update(states[3]![1], {top: 120, right: 16});
		const root = shadowOf();
		const card = root.querySelector<HTMLElement>('.card')!;
		const settle = async () => new Promise(resolve => setTimeout(resolve, 0));
		repClick(root.querySelector('button')!);
		await settle();
		expect(card.hidden).toBe(false);
		// A click inside the card keeps it open.
		card.dispatchEvent(new Event('pointerdown', {bubbles: true, composed: true}));
		await settle();
		expect(card.hidden).toBe(false);
		document.querySelector('#field')!.dispatchEvent(new Event('pointerdown', {bubbles: true, composed: true}));
		await settle();
		expect(card.hidden).toBe(true);
		repClick(root.querySelector('button')!);
		await settle();
		expect(card.hidden).toBe(false);
		document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
		await settle();
		expect(card.hidden).toBe(true);
		mounted.unmount();
	});
});

describe('R52: only the rep acts', () => {
	test('R52: the shadow root is closed: page script cannot read the badge’s name, state or error text', () => {
		const mounted = mountBadge(document);
		mounted.update(states[2]![1], {top: 120, right: 16});
		const host = document.querySelector(HOST_TAG);
		expect(host?.shadowRoot).toBeNull();
		expect(document.body.textContent).not.toContain('Call Acme');
		expect(document.body.textContent).not.toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
		expect(document.querySelector('[data-state], .pill, .card')).toBeNull();
		// The text is there, inside the closed root.
		expect(shadowOf().querySelector('.title')?.textContent).toBe('Call Acme');
		mounted.unmount();
	});

	test('R52: a page script’s click() or dispatched click on the pill does not open the card', async () => {
		const mounted = mountBadge(document);
		mounted.update(states[2]![1], {top: 120, right: 16});
		const root = shadowOf();
		const pill = root.querySelector('button')!;
		const card = root.querySelector<HTMLElement>('.card')!;
		const settle = async () => new Promise(resolve => setTimeout(resolve, 0));
		for (const click of [
			() => pill.click(),
			() => pill.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, composed: true})),
		]) {
			click();
			await settle();
			expect(card.hidden).toBe(true);
			expect(pill.getAttribute('aria-expanded')).toBe('false');
		}

		repClick(pill);
		await settle();
		expect(card.hidden).toBe(false);
		mounted.unmount();
	});
});

describe('the badge on the page (R24, R27)', () => {
	test('Salesforce text is rendered as text, never as HTML (R27)', () => {
		const mounted = mountBadge(document);
		const evil = '<img src=x onerror=alert(1)>';
		mounted.update({state: 'error', reminderName: evil, message: evil}, {top: 120, right: 16});
		const root = shadowOf();
		expect(root.querySelector('img')).toBeNull();
		expect(root.querySelector('.title')?.textContent).toBe(evil);
		expect(root.querySelector('.detail')?.textContent).toBe(evil);
		mounted.unmount();
	});

	test('nothing but one host element touches the page, placed by !important inline rules', () => {
		document.body.innerHTML = '<p id="page">Salesforce</p>';
		const before = document.head.innerHTML;
		const mounted = mountBadge(document);
		mounted.update(states[1]![1], {bottom: 16, right: 16});
		expect(document.head.innerHTML).toBe(before);
		expect([...document.body.children].map(e => e.tagName.toLowerCase())).toEqual(['p', HOST_TAG]);
		expect(mounted.host.style.getPropertyValue('position')).toBe('fixed');
		expect(mounted.host.style.getPropertyPriority('position')).toBe('important');
		expect(mounted.host.style.getPropertyValue('bottom')).toBe('16px');
		mounted.update(states[1]![1], {top: 130, right: 20});
		expect(mounted.host.style.getPropertyValue('top')).toBe('130px');
		expect(mounted.host.style.getPropertyValue('bottom')).toBe('auto');
		mounted.unmount();
		expect(document.body.innerHTML).toBe('<p id="page">Salesforce</p>');
	});
});

describe('describeBadge and formatSyncTime', () => {
	test('synced today shows the time only; another day adds the date', () => {
		expect(formatSyncTime('2026-03-10T14:42:00', NOW)).not.toMatch(/Mar/);
		expect(formatSyncTime('2026-03-03T14:42:00', NOW)).toMatch(/Mar/);
		expect(formatSyncTime('garbage', NOW)).toBe('recently');
	});

	test('R46: one way to write the time, as the popup does ("2:42 PM", not "02:42 PM"); Italian in an Italian browser', () => {
		expect(formatSyncTime('2026-03-10T14:42:00', NOW)).toBe('2:42 PM');
		setUiLanguage('it');
		try {
			expect(formatSyncTime('2026-03-10T14:42:00', NOW)).toBe('14:42');
			expect(formatSyncTime('2026-03-03T14:42:00', NOW)).toBe('3 mar, 14:42');
			const synced = describeBadge(
				{state: 'synced', reminderName: 'Chiamare Rossi', lastSyncedAt: '2026-03-10T14:42:00'},
				NOW,
			);
			expect(synced.label).toBe('Sincronizzato 14:42');
			expect(describeBadge({state: 'not-linked', reason: 'sync-off', message: 'x'}, NOW).label).toBe('Non collegata');
			expect(subjectNote()).toBe("Le modifiche all'oggetto fatte in Salesforce non cambiano il promemoria.");
		} finally {
			setUiLanguage('en');
		}
	});

	test('tones follow the Lightning Design System semantics; an overruled edit asks for attention, not an error (R24, R58)', () => {
		expect(states.map(([, badge]) => describeBadge(badge, NOW).tone)).toEqual([
			'success',
			'warning',
			'error',
			'warning',
			'neutral',
		]);
	});
});

describe('"Add to Tickler" on an older Task (R5, R52)', () => {
	const older: TaskBadge = {
		state: 'not-linked',
		reason: 'created-before-sync',
		message: 'This Task was last changed before sync was turned on.',
	};
	const settle = async () => new Promise(resolve => setTimeout(resolve, 0));
	const addButton = (root: ShadowRoot) =>
		[...root.querySelectorAll('button')].find(button => button.textContent === 'Add to Tickler');

	test('offered only for an open Task of the rep’s the window left out, never for a closed or a colleague’s', () => {
		const onAdd = async () => undefined;
		for (const [badge, offered] of [
			[older, true],
			[{...older, reason: 'closed-before-sync'}, false],
			[{...older, reason: 'owned-by-someone-else'}, false],
			[states[0]![1], false],
		] as const) {
			const mounted = mountBadge(document, onAdd);
			mounted.update(badge, {top: 120, right: 16});
			expect(addButton(shadowOf()) !== undefined).toBe(offered);
			mounted.unmount();
		}

		// Without the worker's add (a caller that does not offer it), no button either.
		const mounted = mountBadge(document);
		mounted.update(older, {top: 120, right: 16});
		expect(addButton(shadowOf())).toBeUndefined();
		mounted.unmount();
	});

	test('adds on the rep’s own click only; a page script’s click() does nothing; a refusal is shown in its words', async () => {
		let asked = 0;
		let refuse = true;
		const mounted = mountBadge(document, async () => {
			asked++;
			if (refuse) throw new Error('Too many reminders from this tab just now. Try again in a minute.');
		});
		mounted.update(older, {top: 120, right: 16});
		const root = shadowOf();
		addButton(root)!.click();
		await settle();
		expect(asked).toBe(0);
		repClick(addButton(root)!);
		await settle();
		expect(asked).toBe(1);
		expect(root.querySelector('.card')?.textContent).toContain('Too many reminders from this tab just now.');
		expect(addButton(root)?.disabled).toBe(false);
		refuse = false;
		repClick(addButton(root)!);
		await settle();
		expect(asked).toBe(2);
		mounted.unmount();
	});
});
