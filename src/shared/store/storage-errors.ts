/**
 * R40: local storage failures — a full disk, an IndexedDB the browser will not open or that is damaged —
 * are their own kind of failure, never confused with Salesforce's (salesforce/errors.ts). Shared by the
 * worker (the engine, the message boundary), the popup and the settings page, so all three say the same
 * plain words.
 *
 * What the browsers raise (IndexedDB spec §"Exceptions", and Dexie 4's error mapping in dexie.mjs
 * `mapError`/`exceptionMap`):
 * - A write over the origin's quota fails with a DOMException named `QuotaExceededError`, usually by
 *   aborting its transaction. Dexie rethrows it as `Dexie.QuotaExceededError` (same name, the DOMException
 *   as `inner`) or, when the transaction aborted, as `Dexie.AbortError` whose `inner` is the
 *   QuotaExceededError. Bulk writes collect per-item errors in `BulkError.failures`.
 * - A database that cannot be opened: `UnknownError` (Chromium: "Internal error opening backing store",
 *   a damaged profile), `VersionError`, `InvalidStateError` (IndexedDB refused, e.g. some private modes),
 *   `SecurityError`, or IndexedDB missing altogether; Dexie wraps open failures in `OpenFailedError` and a
 *   missing API in `MissingAPIError`.
 */
import {t} from '../i18n/t.js';
export type LocalFailureKind = 'storage-full' | 'storage-unavailable';

// `StorageFullError` / `StorageUnavailableError`: LocalFailureError below, as it arrives from the worker.
const FULL_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'StorageFullError']);
const UNAVAILABLE_NAMES = new Set([
	'OpenFailedError',
	'MissingAPIError',
	'UnknownError',
	'VersionError',
	'InvalidStateError',
	'SecurityError',
	'DatabaseClosedError',
	'StoreUnavailableError',
	'StorageUnavailableError',
]);

/** The popup's own open attempt failed for a reason other than "the worker has not created it yet". */
export class StoreUnavailableError extends Error {
	override name = 'StoreUnavailableError';
}

/** The plain words (R40): what happened, then what to do. Tickler retries by itself in both cases. */
export const LOCAL_FAILURE_TEXT: Readonly<Record<LocalFailureKind, string>> = {
	get 'storage-full'() {
		return t('localStorageFull');
	},
	get 'storage-unavailable'() {
		return t('localStorageUnavailable');
	},
};

/**
 * The local failure this error is, looking through Dexie's wrappers (`inner`), `cause` and a bulk
 * operation's `failures`; undefined for anything else (a Salesforce or network error).
 * A full disk wins over "unavailable": a transaction aborted for quota is reported as such.
 */
export function localFailureKind(error: unknown): LocalFailureKind | undefined {
	let found: LocalFailureKind | undefined;
	const seen = new Set<unknown>();
	const visit = (value: unknown, depth: number) => {
		if (found === 'storage-full' || depth > 5 || typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		const {name, inner, cause, failures} = value as {
			name?: unknown;
			inner?: unknown;
			cause?: unknown;
			failures?: unknown;
		};
		if (typeof name === 'string' && FULL_NAMES.has(name)) {
			found = 'storage-full';
			return;
		}

		if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) found ??= 'storage-unavailable';
		visit(inner, depth + 1);
		visit(cause, depth + 1);
		if (Array.isArray(failures)) for (const failure of failures) visit(failure, depth + 1);
	};

	visit(error, 0);
	return found;
}

/** The error a context shows or sends on: local failures in plain words, anything else unchanged. */
export function inPlainWords(error: unknown): unknown {
	const kind = localFailureKind(error);
	return kind === undefined ? error : new LocalFailureError(kind);
}

/** A local failure as it crosses the message boundary: its `name` is the kind, its message the plain words. */
export class LocalFailureError extends Error {
	readonly kind: LocalFailureKind;
	constructor(kind: LocalFailureKind) {
		super(LOCAL_FAILURE_TEXT[kind]);
		this.kind = kind;
		this.name = kind === 'storage-full' ? 'StorageFullError' : 'StorageUnavailableError';
	}
}
