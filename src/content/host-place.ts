/**
 * Where Tickler's two fixed hosts on a Salesforce page go — the Task badge (task-badge/badge-mount.ts) and
 * "Remind me" (remind-me/remind-me-control.ts): just under the record header's right end, so they never
 * cover the header's actions (R24), else the bottom-right corner.
 */
export type BadgePlacement = {top: number; right: number} | {bottom: number; right: number};

const GAP = 6;
const EDGE = 16;

/**
 * Just under the header's right end when a header is on screen near the top, else the bottom-right corner
 * (clear of the header, global nav and actions).
 */
export function placeBadge(header: Element | undefined, viewportWidth: number): BadgePlacement {
	if (header !== undefined) {
		const rect = header.getBoundingClientRect();
		if (rect.height > 0 && rect.bottom > 0 && rect.bottom < 400) {
			return {top: Math.round(rect.bottom + GAP), right: Math.max(EDGE, Math.round(viewportWidth - rect.right))};
		}
	}

	return {bottom: EDGE, right: EDGE};
}

/** Fixes the host at `placement` with `!important` inline declarations, which beat any page rule aimed at it. */
export function placeHost(host: HTMLElement, placement: BadgePlacement): void {
	const rules: Array<[string, string]> = [
		['position', 'fixed'],
		['top', 'top' in placement ? `${placement.top}px` : 'auto'],
		['bottom', 'bottom' in placement ? `${placement.bottom}px` : 'auto'],
		['right', `${placement.right}px`],
		['left', 'auto'],
		// Above the record page's content; Lightning's own modals sit lower in the stacking order than this
		// tiny pill, which is acceptable because the pill never covers their buttons (bottom or under the header).
		['z-index', '2147483000'],
		['display', 'block'],
		['margin', '0'],
	];
	for (const [name, value] of rules) host.style.setProperty(name, value, 'important');
}
