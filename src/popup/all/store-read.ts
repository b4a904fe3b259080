/**
 * The All reminders page's reads (R44): the first page at once, then everything; read again whenever the
 * worker announces a change. Reads never overlap — changes during a read fold into one more read.
 */
import {useLayoutEffect, useState} from 'preact/hooks';
import {
	type AllReminders,
	type FirstPage,
	readAllReminders,
	readFirstPage,
	readRemindersAbout,
} from '@/shared/store/all-view.js';
import {openExistingStore, StoreNotReadyError} from '@/shared/store/popup-view.js';
import {onStoreChanged} from '@/shared/store/store-changed.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';

/** Rows per page: enough to fill a tall window, few enough to render in a frame. */
export const PAGE_SIZE = 100;

let store: Promise<IDBDatabase> | undefined;

async function withStore<T>(read: (db: IDBDatabase) => Promise<T>, empty: T, attempt = 0): Promise<T> {
	store ??= openExistingStore();
	try {
		return await read(await store);
	} catch (error) {
		store = undefined;
		if (error instanceof StoreNotReadyError) return empty;
		// The worker upgrading the schema closed our connection (popup-view.ts): open it again once.
		if (attempt === 0 && error instanceof DOMException && error.name === 'InvalidStateError') {
			return withStore(read, empty, 1);
		}

		throw error;
	}
}

export const readFirst = async (): Promise<FirstPage> =>
	withStore(async db => readFirstPage(db, PAGE_SIZE), {partition: undefined, upcoming: []});
export const readAll = async (): Promise<AllReminders> =>
	withStore(readAllReminders, {partition: undefined, reminders: []});
/** The side panel's read beside a record (src/panel/record-reminders.tsx): only the reminders about it. */
export const readAbout = async (recordId: string): Promise<AllReminders> =>
	withStore(async db => readRemindersAbout(db, recordId), {partition: undefined, reminders: []});

/** Runs `task` once the next frame has been painted (a frame callback runs before paint; its task after). */
function afterNextPaint(task: () => void): void {
	requestAnimationFrame(() => setTimeout(task, 0));
}

/** Started by all-main.tsx before preact mounts, so the first paint waits only for IndexedDB. */
let firstRead: Promise<FirstPage> | undefined;
export function startFirstRead(): void {
	firstRead = readFirst();
}

export function useAllReminders(): {
	first: FirstPage | undefined;
	all: AllReminders | undefined;
	readError: string | undefined;
	/** R40: the last read failed because this computer's storage did (refused, damaged). */
	readFailure: LocalFailureKind | undefined;
	refresh: () => void;
} {
	const [first, setFirst] = useState<FirstPage | undefined>(undefined);
	const [all, setAll] = useState<AllReminders | undefined>(undefined);
	const [readError, setReadError] = useState<string | undefined>(undefined);
	const [readFailure, setReadFailure] = useState<LocalFailureKind | undefined>(undefined);
	const [reader] = useState(() => {
		const state = {running: false, again: false, closed: false};
		const failed = (error: unknown) => {
			if (state.closed) return;
			setReadError(error instanceof Error ? error.message : String(error));
			setReadFailure(localFailureKind(error));
		};

		const readEverything = () => {
			state.running = true;
			readAll()
				.then(result => {
					if (state.closed) return;
					setAll(result);
					setReadError(undefined);
					setReadFailure(undefined);
				}, failed)
				.finally(() => {
					state.running = false;
					if (state.again && !state.closed) {
						state.again = false;
						readEverything();
					}
				});
		};

		const refresh = () => {
			if (state.running) state.again = true;
			else readEverything();
		};

		return {state, failed, readEverything, refresh};
	});

	useLayoutEffect(() => {
		const pending = firstRead ?? readFirst();
		firstRead = undefined;
		// The whole list after the first page is on screen: it is not needed for the first paint, only for the
		// other groups and search, and turning 20,000 rows into objects on this thread would delay that paint.
		void pending
			.then(result => {
				if (!reader.state.closed) setFirst(result);
			}, reader.failed)
			.finally(() => {
				afterNextPaint(reader.refresh);
			});
		const unsubscribe = onStoreChanged(reader.refresh);
		return () => {
			reader.state.closed = true;
			unsubscribe();
		};
	}, []);

	return {first, all, readError, readFailure, refresh: reader.refresh};
}
