import {h, render} from 'preact';
import type {TaskBadge} from '@/shared/types.js';
import type {BadgePlacement} from '../selectors.js';
import {Badge} from './badge-view.js';
import {BADGE_CSS} from './badge-styles.js';

/**
 * The badge's host: one custom element at the end of the document, fixed-positioned by inline
 * `!important` styles (which beat any page rule), with everything else inside its shadow root (R24:
 * nothing leaks into or restyles the page). The root is open so tests and assistive tools can read it.
 * Open means the page's own scripts can read it too: the reminder's name, its sync state and last sync
 * error for the Task on screen — the Subject is usually that same name, and the session id or any other
 * reminder never reaches a content script (R25, router.ts), so nothing beyond this Task is exposed.
 */
export const HOST_TAG = 'tickler-task-badge';

export type MountedBadge = {
	host: HTMLElement;
	update(badge: TaskBadge, placement: BadgePlacement): void;
	unmount(): void;
};

export function mountBadge(doc: Document = document): MountedBadge {
	const host = doc.createElement(HOST_TAG);
	const shadow = host.attachShadow({mode: 'open'});
	adoptStyles(shadow, doc);
	const container = doc.createElement('div');
	shadow.append(container);
	// body is null on a document still parsing its head (run_at is document_idle, but be safe).
	((doc.body as HTMLElement | null) ?? doc.documentElement).append(host);

	return {
		host,
		update(badge, placement) {
			placeHost(host, placement);
			render(h(Badge, {badge}), container);
		},
		unmount() {
			render(null, container);
			host.remove();
		},
	};
}

/**
 * Set through CSSOM rather than a style attribute or an inline <style>: CSSOM and constructed sheets are
 * not subject to the page's Content-Security-Policy `style-src`.
 */
export function adoptStyles(shadow: ShadowRoot, doc: Document, css: string = BADGE_CSS): void {
	const view = doc.defaultView;
	if (view !== null && 'adoptedStyleSheets' in shadow && typeof view.CSSStyleSheet === 'function') {
		const sheet = new view.CSSStyleSheet();
		sheet.replaceSync(css);
		shadow.adoptedStyleSheets = [sheet];
		return;
	}

	const style = doc.createElement('style');
	style.textContent = css;
	shadow.append(style);
}

/** Also places the "Remind me" control (remind-me/remind-me-control.ts), which shares this host styling. */
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
	// `!important` inline declarations beat any page rule aimed at our element.
	for (const [name, value] of rules) host.style.setProperty(name, value, 'important');
}
