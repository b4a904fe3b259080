// @vitest-environment happy-dom
import {describe, expect, test} from 'vitest';
import {placeBadge, placeHost} from './host-place.js';

function fakeHeader(rect: Partial<DOMRect>): Element {
	const element = document.createElement('div');
	element.getBoundingClientRect = () => ({
		top: 0,
		left: 0,
		right: 0,
		bottom: 0,
		width: 0,
		height: 0,
		x: 0,
		y: 0,
		toJSON: () => ({}),
		...rect,
	});
	return element;
}

describe('placeBadge', () => {
	test('just under the header, aligned with its right edge', () => {
		expect(placeBadge(fakeHeader({bottom: 150, right: 1260, height: 80}), 1280)).toEqual({top: 156, right: 20});
	});

	test('never closer than 16px to the window edge', () => {
		expect(placeBadge(fakeHeader({bottom: 150, right: 1280, height: 80}), 1280)).toEqual({top: 156, right: 16});
	});

	test('bottom-right corner without a header, or with one scrolled away or far down', () => {
		expect(placeBadge(undefined, 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: -10, right: 1260, height: 80}), 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: 900, right: 1260, height: 80}), 1280)).toEqual({bottom: 16, right: 16});
		expect(placeBadge(fakeHeader({bottom: 0, right: 0, height: 0}), 1280)).toEqual({bottom: 16, right: 16});
	});
});

describe('placeHost', () => {
	test('R24: fixed at the placement with !important declarations, the unused edge left auto', () => {
		const host = document.createElement('div');
		placeHost(host, {top: 156, right: 20});
		expect(host.style.getPropertyValue('position')).toBe('fixed');
		expect(host.style.getPropertyPriority('position')).toBe('important');
		expect(host.style.getPropertyValue('top')).toBe('156px');
		expect(host.style.getPropertyValue('bottom')).toBe('auto');
		expect(host.style.getPropertyValue('right')).toBe('20px');
		placeHost(host, {bottom: 16, right: 16});
		expect(host.style.getPropertyValue('top')).toBe('auto');
		expect(host.style.getPropertyValue('bottom')).toBe('16px');
	});
});
