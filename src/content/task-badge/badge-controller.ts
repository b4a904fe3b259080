import type {TaskBadge} from '@/shared/types.js';
import type {TaskPage} from '@/shared/task-page-url.js';
import {createBadgeDisplay} from './badge-display.js';
import {createMoveDebounce} from './move-debounce.js';

/**
 * The badge's lifecycle on one tab (R24): ask the worker for the Task's badge, mount or update it,
 * keep it fresh while the page stays open, remove it when the rep leaves the Task, and tear everything
 * down quietly once the extension context is gone (engineering guide §2 rule 5). It never logs: the
 * page's console belongs to Salesforce. What is on screen is badge-display.ts; the wait for a moving address
 * to settle is move-debounce.ts.
 */
export type BadgeControllerDeps = {
	getBadge: (page: TaskPage) => Promise<TaskBadge>;
	/** R5: links an older Task to a new reminder on the rep's click; rejects with the words to show. */
	addTask?: (page: TaskPage) => Promise<unknown>;
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

/** R5: adds the Task on screen, then asks its badge again at once, so it shows linked without the refresh's wait. */
async function addShown(
	deps: BadgeControllerDeps,
	shown: () => TaskPage | undefined,
	load: (page: TaskPage) => Promise<void>,
): Promise<void> {
	const page = shown();
	if (page === undefined || deps.addTask === undefined) return;
	await deps.addTask(page);
	// Still on that Task (not moved on, not torn down).
	if (shown() === page) await load(page);
}

export function createBadgeController(deps: BadgeControllerDeps): BadgeController {
	const doc = deps.doc ?? document;
	const refreshMs = deps.refreshMs ?? 15_000;
	let current: TaskPage | undefined;
	let lastRefresh = 0;
	let generation = 0;
	let destroyed = false;
	const onAdd = deps.addTask && (async () => addShown(deps, () => current, load));
	const display = createBadgeDisplay(doc, deps.tickMs ?? 1000, {onTick: tick, onVisibilityChange: onVisible, onAdd});
	const debounce = createMoveDebounce(doc.defaultView ?? window, deps.debounceMs ?? 1000);

	const destroy = (): void => {
		if (destroyed) return;
		destroyed = true;
		current = undefined;
		debounce.cancel();
		display.hide();
		deps.onOrphaned();
	};

	const load = async (page: TaskPage): Promise<void> => {
		const mine = ++generation;
		lastRefresh = Date.now();
		try {
			const badge = await deps.getBadge(page);
			// A newer navigation (or a teardown) happened while the worker answered: drop this reply.
			if (mine !== generation || destroyed) return;
			display.show(badge);
		} catch (error) {
			if (deps.isContextInvalidatedError(error)) {
				destroy();
			} else if (mine === generation) {
				// The worker could not say (e.g. still starting): show nothing rather than a wrong state.
				display.hide();
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

		display.place();
	}

	function onVisible(): void {
		if (doc.visibilityState === 'visible' && current !== undefined) void load(current);
	}

	const leave = (): void => {
		current = undefined;
		generation++;
		debounce.cancel();
		display.hide();
	};

	const showTask = (page: TaskPage): void => {
		if (!deps.isContextValid()) {
			destroy();
			return;
		}

		const same = current?.taskId === page.taskId && current.host === page.host;
		if (same && (display.shown || debounce.waiting)) return;
		// Another Task: the previous one's badge goes at once, and no reply for it may show any more.
		if (!same) {
			generation++;
			display.hide();
		}

		current = page;
		debounce.moved(() => {
			if (current === page && !destroyed) void load(page);
		});
	};

	return {
		show(page) {
			if (destroyed) return;
			if (page === undefined) leave();
			else showTask(page);
		},
		destroy,
	};
}
