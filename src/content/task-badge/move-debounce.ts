/**
 * R38: a Task address that comes within `debounceMs` of the previous one waits until the address has been
 * still that long. A rep's click, after a page that stood still, runs at once; a page script moving the
 * address in a loop runs once, then once more for the address it stops on.
 */
export type MoveDebounce = {
	readonly waiting: boolean;
	/** Runs `run` now if the address had been still, else once it has been still `debounceMs`; replaces any wait. */
	moved(run: () => void): void;
	cancel(): void;
};

export function createMoveDebounce(win: Window, debounceMs: number): MoveDebounce {
	let lastMove = Number.NEGATIVE_INFINITY;
	let waiting: number | undefined;
	const cancel = (): void => {
		if (waiting !== undefined) win.clearTimeout(waiting);
		waiting = undefined;
	};

	return {
		get waiting() {
			return waiting !== undefined;
		},
		moved(run) {
			cancel();
			const now = Date.now();
			const settled = now - lastMove >= debounceMs;
			lastMove = now;
			if (settled) {
				run();
				return;
			}

			waiting = win.setTimeout(() => {
				waiting = undefined;
				run();
			}, debounceMs);
		},
		cancel,
	};
}
