import {h, render} from 'preact';
import type {TaskBadge} from '@/shared/types.js';
import {type BadgePlacement, placeHost} from '../host-place.js';
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
