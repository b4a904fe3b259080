/**
 * Where the badge's opened card goes (R24: it never covers the page's own fields or buttons). The card is
 * fixed-positioned; this picks, from a few spots around the pill and then down the right and left edges
 * of the viewport, the first where it overlaps none of the page's fields and controls. When the page
 * leaves no such spot (a narrow window full of form), it takes the spot that covers least, and the badge
 * closes the card as soon as the rep points at, clicks or tabs into the page (badge-view.tsx), so it is out of
 * the way before it could be in it.
 */
import {PAGE_CONTROLS} from '../selectors.js';

export type Box = {left: number; top: number; width: number; height: number};

export type CardSpot = {left: number; top: number; clear: boolean};

const GAP = 6;
const EDGE = 8;
const STEP = 16;

function overlapArea(a: Box, b: Box): number {
	const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
	const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
	return width > 0 && height > 0 ? width * height : 0;
}

/** Pure: the spot for a card of `card` size next to the pill `pill`, avoiding `obstacles`. */
export function placeCard(
	pill: Box,
	card: {width: number; height: number},
	obstacles: readonly Box[],
	viewport: {width: number; height: number},
): CardSpot {
	const fits = (left: number, top: number) =>
		left >= EDGE &&
		top >= EDGE &&
		left + card.width <= viewport.width - EDGE &&
		top + card.height <= viewport.height - EDGE;
	const rightAligned = pill.left + pill.width - card.width;
	const spots: Array<[number, number]> = [
		[rightAligned, pill.top + pill.height + GAP], // below the pill
		[pill.left - GAP - card.width, pill.top], // to its left
		[rightAligned, pill.top - GAP - card.height], // above it
	];
	// Then down the right edge and the left edge, below the pill (the page's header stays clear).
	for (let top = pill.top + pill.height + GAP; top + card.height <= viewport.height - EDGE; top += STEP) {
		spots.push([viewport.width - EDGE - card.width, top], [EDGE, top]);
	}

	let best: CardSpot | undefined;
	let bestCovered = Number.POSITIVE_INFINITY;
	for (const [left, top] of spots) {
		if (!fits(left, top)) continue;
		const box = {left, top, width: card.width, height: card.height};
		const covered = obstacles.reduce((sum, obstacle) => sum + overlapArea(box, obstacle), 0);
		if (covered === 0) return {left, top, clear: true};
		if (covered < bestCovered) {
			bestCovered = covered;
			best = {left, top, clear: false};
		}
	}

	// A viewport smaller than the card: below the pill, as far in as it goes.
	return best ?? {left: Math.max(EDGE, rightAligned), top: pill.top + pill.height + GAP, clear: false};
}

/** The boxes of the page's fields and controls on screen (never the badge's own host). */
export function pageObstacles(doc: Document, host: Element): Box[] {
	const boxes: Box[] = [];
	for (const element of doc.querySelectorAll(PAGE_CONTROLS)) {
		if (host.contains(element)) continue;
		const rect = element.getBoundingClientRect();
		if (rect.width > 0 && rect.height > 0)
			boxes.push({left: rect.left, top: rect.top, width: rect.width, height: rect.height});
	}

	return boxes;
}
