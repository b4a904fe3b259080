import type {RecordPage} from '@/shared/record-page-url.js';
import {placeBadge, placeHost} from '../host-place.js';
import {findRecordHeader} from '../selectors.js';
import {type AskWhoAlerts, buildRemindHost, type SaveReminder} from './remind-me-form.js';

export type RemindControl = {show(page: RecordPage): void; remove(): void};

/**
 * R34: the "Remind me" control on a record page (its button and form: remind-me-form.ts). Like the badge
 * (task-badge/badge-mount.ts) it lives in one custom element with a closed shadow root, fixed-positioned by
 * `!important` inline styles just under the record header's right end (or the bottom-right corner), so it
 * never restyles the page and never covers the header's own buttons; the form opens under the button only
 * when the rep asks for it. Plain DOM, no framework: about 1.5 KB gzip of the content script's 15 KB budget.
 */
export function createRemindControl(save: SaveReminder, doc = document, askWhoAlerts?: AskWhoAlerts): RemindControl {
	let host: HTMLElement | undefined;
	let page: RecordPage | undefined;
	let timer: number | undefined;
	const place = (): void => {
		if (host) placeHost(host, placeBadge(findRecordHeader(doc), doc.defaultView?.innerWidth ?? 1024));
	};

	return {
		show(next) {
			const moved = page?.recordId !== next.recordId;
			page = next;
			if (moved) host?.remove();
			if (moved || !host) host = buildRemindHost(doc, save, () => page, askWhoAlerts);
			if (!host.isConnected) ((doc.body as HTMLElement | null) ?? doc.documentElement).append(host);
			place();
			// Lightning draws the header after the address changes: follow it for a few seconds.
			let tries = 0;
			clearInterval(timer);
			timer = window.setInterval(() => {
				place();
				if (++tries > 10) clearInterval(timer);
			}, 500);
		},
		remove() {
			clearInterval(timer);
			host?.remove();
			host = undefined;
			page = undefined;
		},
	};
}
