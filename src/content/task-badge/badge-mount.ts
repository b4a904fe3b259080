import {h, render} from 'preact';
import type {TaskBadge} from '@/shared/types.js';
import {type BadgePlacement, placeHost} from '../host-place.js';
import {Badge} from './badge-view.js';
import {BADGE_CSS} from './badge-styles.js';

/**
 * The badge's host: one custom element at the end of the document, fixed-positioned by inline
 * `!important` styles (which beat any page rule), with everything else inside its shadow root (R24:
 * nothing leaks into or restyles the page). The root is closed (R52): `host.shadowRoot` is null, so the
 * page's own scripts can neither read the reminder's name, sync state or error text nor reach the pill; the
 * reference lives only in this closure. Assistive tools still read it (the accessibility tree spans closed
 * roots); unit tests read it through test/fakes/closed-roots.ts, the e2e through DevTools.
 */
export const HOST_TAG = 'tickler-task-badge';

export type MountedBadge = {
	host: HTMLElement;
	update(badge: TaskBadge, placement: BadgePlacement): void;
	unmount(): void;
};

/** `onAdd`: the badge's "Add to Tickler" for the Task it shows (R5), when the caller offers it. */
export function mountBadge(doc: Document = document, onAdd?: () => Promise<void>): MountedBadge {
	const host = doc.createElement(HOST_TAG);
	const shadow = host.attachShadow({mode: 'closed'});
	adoptStyles(shadow, doc);
	const container = doc.createElement('div');
	shadow.append(container);
	// body is null on a document still parsing its head (run_at is document_idle, but be safe).
	((doc.body as HTMLElement | null) ?? doc.documentElement).append(host);

	return {
		host,
		update(badge, placement) {
			placeHost(host, placement);
			render(h(Badge, onAdd === undefined ? {badge} : {badge, onAdd}), container);
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
