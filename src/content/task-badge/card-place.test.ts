import {describe, expect, test} from 'vitest';
import {type Box, placeCard} from './card-place.js';

const VIEWPORT = {width: 1280, height: 720};
const CARD = {width: 288, height: 160};
const PILL: Box = {left: 1100, top: 100, width: 160, height: 24};
const overlaps = (a: Box, b: Box) =>
	a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeCard (R24: the card never covers the page’s fields or buttons)', () => {
	test('below the pill when that is clear', () => {
		expect(placeCard(PILL, CARD, [], VIEWPORT)).toEqual({left: 1100 + 160 - 288, top: 130, clear: true});
	});

	test('a form field under the pill moves the card to a clear spot, inside the viewport', () => {
		const field: Box = {left: 900, top: 140, width: 360, height: 30};
		const spot = placeCard(PILL, CARD, [field], VIEWPORT);
		expect(spot.clear).toBe(true);
		const box = {left: spot.left, top: spot.top, ...CARD};
		expect(overlaps(box, field)).toBe(false);
		expect(box.left).toBeGreaterThanOrEqual(0);
		expect(box.left + box.width).toBeLessThanOrEqual(VIEWPORT.width);
		expect(box.top + box.height).toBeLessThanOrEqual(VIEWPORT.height);
	});

	test('a page full of controls: the spot covering least, marked not clear (the card then collapses on use)', () => {
		const rows: Box[] = Array.from({length: 30}, (_, i) => ({left: 0, top: i * 24, width: 1280, height: 20}));
		const spot = placeCard(PILL, CARD, rows, VIEWPORT);
		expect(spot.clear).toBe(false);
	});

	test('never above the viewport’s edge, even for a pill at the very top', () => {
		const spot = placeCard({left: 1100, top: 4, width: 160, height: 24}, CARD, [], VIEWPORT);
		expect(spot.top).toBeGreaterThan(4);
	});
});
