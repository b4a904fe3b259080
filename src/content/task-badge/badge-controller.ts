import type {TaskBadge} from '@/shared/types.js';
import {mountBadge, type MountedBadge} from './badge-mount.js';
import type {TaskPage} from '@/shared/task-page-url.js';
import {findRecordHeader, placeBadge} from '../selectors.js';

/**
 * The badge's lifecycle on one tab (R24): ask the worker for the Task's badge, mount or update it,
 * keep it fresh while the page stays open, remove it when the rep leaves the Task, and tear everything
 * down quietly once the extension context is gone (engineering guide §2 rule 5). It never logs: the
 * page's console belongs to Salesforce.
 */
export type BadgeControllerDeps = {
	getBadge: (page: TaskPage) => Promise<TaskBadge>;
	isContextValid: () => boolean;
	isContextInvalidatedError: (error: unknown) => boolean;
	/** Called once the extension is gone; the caller stops its URL watcher. */
	onOrphaned: () => void;
	doc?: Document;
	/** How often the open badge re-asks the worker (state changes after a sync). */
	refreshMs?: number;
	/** How often the open badge checks for orphaning and re-places itself under a late-rendered header. */
	tickMs?: number;
	/**
	 * R38: a Task address that comes within this long of the previous one waits until the address has been
	 * still this long. A rep's click, after a page that stood still, asks at once; a page script moving the
	 * address in a loop asks once, then once more for the Task it stops on — and the worker bounds what
	 * any ask may spend anyway.
	 */
	debounceMs?: number;
};

export type BadgeController = {
	show: (page: TaskPage | undefined) => void;
	destroy: () => void;
};

export function createBadgeController(deps: BadgeControllerDeps): BadgeController {
	const doc = deps.doc ?? document;
	const win = doc.defaultView ?? window;
	const refreshMs = deps.refreshMs ?? 15_000;
	const tickMs = deps.tickMs ?? 1000;
	const debounceMs = deps.debounceMs ?? 1000;
	let current: TaskPage | undefined;
	let latest: TaskBadge | undefined;
	let mounted: MountedBadge | undefined;
	let timer: number | undefined;
	let lastRefresh = 0;
	let lastMove = Number.NEGATIVE_INFINITY;
	let waiting: number | undefined;
	let generation = 0;
	let destroyed = false;

	const place = (): void => {
		if (mounted === undefined || latest === undefined) return;
		mounted.update(latest, placeBadge(findRecordHeader(doc), win.innerWidth));
	};

	const hide = (): void => {
		mounted?.unmount();
		mounted = undefined;
		latest = undefined;
		if (timer !== undefined) win.clearInterval(timer);
		timer = undefined;
		doc.removeEventListener('visibilitychange', onVisible);
	};

	const destroy = (): void => {
		if (destroyed) return;
		destroyed = true;
		current = undefined;
		stopWaiting();
		hide();
		deps.onOrphaned();
	};

	const stopWaiting = (): void => {
		if (waiting !== undefined) win.clearTimeout(waiting);
		waiting = undefined;
	};

	const load = async (page: TaskPage): Promise<void> => {
		const mine = ++generation;
		lastRefresh = Date.now();
		try {
			const badge = await deps.getBadge(page);
			// A newer navigation (or a teardown) happened while the worker answered: drop this reply.
			if (mine !== generation || destroyed) return;
			latest = badge;
			if (mounted === undefined) {
				mounted = mountBadge(doc);
				timer = win.setInterval(tick, tickMs);
				doc.addEventListener('visibilitychange', onVisible);
			}

			place();
		} catch (error) {
			if (deps.isContextInvalidatedError(error)) {
				destroy();
			} else if (mine === generation) {
				// The worker could not say (e.g. still starting): show nothing rather than a wrong state.
				hide();
			}
		}
	};

	function tick(): void {
		if (!deps.isContextValid()) {
			destroy();
			return;
		}

		// A hidden tab does not re-ask: nobody sees the badge, and each ask may start work in the worker.
		if (current !== undefined && doc.visibilityState === 'visible' && Date.now() - lastRefresh >= refreshMs) {
			void load(current);
			return;
		}

		place();
	}

	function onVisible(): void {
		if (doc.visibilityState === 'visible' && current !== undefined) void load(current);
	}

	return {
		show(page) {
			if (destroyed) return;
			if (page === undefined) {
				current = undefined;
				generation++;
				stopWaiting();
				hide();
				return;
			}

			if (!deps.isContextValid()) {
				destroy();
				return;
			}

			const same = current?.taskId === page.taskId && current.host === page.host;
			if (same && (mounted !== undefined || waiting !== undefined)) return;
			// Another Task: the previous one's badge goes at once, and no reply for it may show any more.
			if (!same) {
				generation++;
				hide();
			}

			current = page;
			stopWaiting();
			const now = Date.now();
			const settled = now - lastMove >= debounceMs;
			lastMove = now;
			if (settled) {
				void load(page);
				return;
			}

			waiting = win.setTimeout(() => {
				waiting = undefined;
				if (current === page && !destroyed) void load(page);
			}, debounceMs);
		},
		destroy,
	};
}
