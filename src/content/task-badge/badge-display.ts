import type {TaskBadge} from '@/shared/types.js';
import {placeBadge} from '../host-place.js';
import {findRecordHeader} from '../selectors.js';
import {mountBadge, type MountedBadge} from './badge-mount.js';

/**
 * The badge on screen (R24): mounted with the first badge the worker sends, re-placed under the record
 * header on every tick (Lightning draws the header late), and, while shown, a tick timer and a listener for
 * the tab coming back into view — all of which `hide` takes away again.
 */
export type BadgeDisplay = {
	readonly shown: boolean;
	show(badge: TaskBadge): void;
	place(): void;
	hide(): void;
};

export function createBadgeDisplay(
	doc: Document,
	tickMs: number,
	listeners: {onTick: () => void; onVisibilityChange: () => void; onAdd?: (() => Promise<void>) | undefined},
): BadgeDisplay {
	const win = doc.defaultView ?? window;
	let latest: TaskBadge | undefined;
	let mounted: MountedBadge | undefined;
	let timer: number | undefined;

	const place = (): void => {
		if (mounted === undefined || latest === undefined) return;
		mounted.update(latest, placeBadge(findRecordHeader(doc), win.innerWidth));
	};

	return {
		get shown() {
			return mounted !== undefined;
		},
		show(badge) {
			latest = badge;
			if (mounted === undefined) {
				mounted = mountBadge(doc, listeners.onAdd);
				timer = win.setInterval(listeners.onTick, tickMs);
				doc.addEventListener('visibilitychange', listeners.onVisibilityChange);
			}

			place();
		},
		place,
		hide() {
			mounted?.unmount();
			mounted = undefined;
			latest = undefined;
			if (timer !== undefined) win.clearInterval(timer);
			timer = undefined;
			doc.removeEventListener('visibilitychange', listeners.onVisibilityChange);
		},
	};
}
