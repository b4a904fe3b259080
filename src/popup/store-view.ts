/**
 * The popup's data: read from IndexedDB at once, without waiting for the worker (R22), and read again
 * whenever the worker announces a change or the popup made one. Reads never overlap: changes that arrive
 * during a read are folded into one more read, so a sync that writes in many small steps costs a few reads.
 */
import {useLayoutEffect, useState} from 'preact/hooks';
import {openExistingStore, type PopupView, readPopupView, StoreNotReadyError} from '@/shared/store/popup-view.js';
import {onStoreChanged} from '@/shared/store/store-changed.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';

type Days = {today: string; tomorrow: string};

/** Reopened after a failure (the store did not exist yet the first time the popup looked). */
let store: Promise<IDBDatabase> | undefined;

/** Before the worker first created the store there is nothing local at all: that is an empty view. */
const NOTHING_YET: PopupView = {
	partition: undefined,
	due: {overdue: [], today: [], tomorrow: []},
	pending: 0,
	errors: 0,
};

export async function readView(days: Days, attempt = 0): Promise<PopupView> {
	store ??= openExistingStore();
	try {
		return await readPopupView(await store, days);
	} catch (error) {
		store = undefined;
		if (error instanceof StoreNotReadyError) return NOTHING_YET;
		// The connection was closed under us (the worker upgrading the schema, popup-view.ts): open it again once.
		if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
			return readView(days, 1);
		}

		throw error;
	}
}

/** The read popup-main.tsx starts before preact mounts; taken by the first mount, for the same days only. */
let firstRead: {days: Days; result: Promise<PopupView>} | undefined;

export function startFirstRead(days: Days): void {
	firstRead = {days, result: readView(days)};
}

function takeFirstRead(days: Days): Promise<PopupView> {
	const taken = firstRead?.days.today === days.today ? firstRead.result : readView(days);
	firstRead = undefined;
	return taken;
}

/**
 * Starts from the read already in flight (startFirstRead, before preact mounts), so the first paint waits
 * only for IndexedDB. `refresh` re-reads after the popup's own writes (the worker's announcement may come later).
 */
export function useStoreView(days: Days): {
	view: PopupView | undefined;
	/** Why the last read failed, until one succeeds. */
	readError: string | undefined;
	/** R40: the last read failed because this computer's storage did (full, refused, damaged). */
	readFailure: LocalFailureKind | undefined;
	refresh: () => void;
} {
	const [view, setView] = useState<PopupView | undefined>(undefined);
	const [readError, setReadError] = useState<string | undefined>(undefined);
	const [readFailure, setReadFailure] = useState<LocalFailureKind | undefined>(undefined);
	const [reader] = useState(() => {
		const state = {running: false, again: false, closed: false};
		const read = (pending: Promise<PopupView>) => {
			state.running = true;
			pending
				.then(
					result => {
						if (state.closed) return;
						setView(result);
						setReadError(undefined);
						setReadFailure(undefined);
					},
					// A failed read keeps the last good view on screen, says why, and the next change tries again.
					(error: unknown) => {
						if (state.closed) return;
						setReadError(error instanceof Error ? error.message : String(error));
						setReadFailure(localFailureKind(error));
					},
				)
				.finally(() => {
					state.running = false;
					if (state.again && !state.closed) {
						state.again = false;
						read(readView(days));
					}
				});
		};

		const refresh = () => {
			if (state.running) state.again = true;
			else read(readView(days));
		};

		return {state, read, refresh};
	});

	useLayoutEffect(() => {
		reader.read(takeFirstRead(days));
		const unsubscribe = onStoreChanged(reader.refresh);
		return () => {
			reader.state.closed = true;
			unsubscribe();
		};
	}, []);

	return {view, readError, readFailure, refresh: reader.refresh};
}
