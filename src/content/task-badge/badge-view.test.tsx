// @vitest-environment happy-dom
import {afterEach, describe, expect, test} from 'vitest';
import type {TaskBadge} from '@/shared/types.js';
import {describeBadge, formatSyncTime, SUBJECT_NOTE} from './badge-view.js';
import {HOST_TAG, mountBadge} from './badge-mount.js';

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

function shadowOf(): ShadowRoot {
	const host = document.querySelector(HOST_TAG);
	if (host?.shadowRoot == null) throw new Error('no badge');
	return host.shadowRoot;
}

describe('the badge in each state (R24)', () => {
	test.each(states)('%s: pill label, details and the R10 note', (state, badge, label) => {
		const mounted = mountBadge(document);
		mounted.update(badge, {top: 120, right: 16});
		const root = shadowOf();
		expect(root.querySelector('[data-state]')?.getAttribute('data-state')).toBe(state);
		expect(root.querySelector('.label')?.textContent).toMatch(label);
		const card = root.querySelector('.card');
		expect(card?.textContent).toContain(SUBJECT_NOTE);
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
		expect(pill.getAttribute('title')).toBe(SUBJECT_NOTE);
		pill.click();
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
		root.querySelector('button')!.click();
		await settle();
		expect(card.hidden).toBe(false);
		// A click inside the card keeps it open.
		card.dispatchEvent(new Event('pointerdown', {bubbles: true, composed: true}));
		await settle();
		expect(card.hidden).toBe(false);
		document.querySelector('#field')!.dispatchEvent(new Event('pointerdown', {bubbles: true, composed: true}));
		await settle();
		expect(card.hidden).toBe(true);
		root.querySelector('button')!.click();
		await settle();
		expect(card.hidden).toBe(false);
		document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
		await settle();
		expect(card.hidden).toBe(true);
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
