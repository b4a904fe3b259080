/**
 * R45: the names Tickler shares between the rep's computers, as items of the browser's synced extension
 * storage (`storage.sync`). One item per Task: `tn1:<orgId18>:<userId18>:<taskId18>` → `{n, t}`, the
 * reminder's name and the server-corrected time it was given in Tickler (docs/sync-protocol.md "Names on
 * every computer").
 *
 * One item per Task, not several renames batched into one item: Chrome Sync resolves concurrent writes
 * per item (the last write of an item wins), so two computers renaming two different Tasks of one batch
 * at the same time would lose one rename. With an item per Task only renames of the same Task compete,
 * and those are settled by their time (name-decisions.ts).
 *
 * Quotas (Chromium `extensions/common/api/storage.json`, mirrored in @types/chrome
 * `chrome.storage.SyncStorageArea`; Firefox: MDN "storage.sync", same byte and item limits):
 * QUOTA_BYTES 102,400 (the JSON stringification of every value plus every key's length),
 * QUOTA_BYTES_PER_ITEM 8,192, MAX_ITEMS 512, MAX_WRITE_OPERATIONS_PER_HOUR 1,800 and
 * MAX_WRITE_OPERATIONS_PER_MINUTE 120 (each set/remove/clear call is one operation). A write over a
 * quota fails at once and changes nothing.
 */
import {InvalidReminderError, validateName} from '@/shared/store/reminder-validation.js';

export const KEY_PREFIX = 'tn1:';

/** Chrome's limits (see above), kept here so tests and docs name one source. */
export const SYNC_QUOTA = {
	bytes: 102_400,
	bytesPerItem: 8192,
	items: 512,
	writesPerHour: 1800,
	writesPerMinute: 120,
} as const;

/**
 * What Tickler allows itself: well under the quotas, so a write never fails for space (leaving room for
 * the items being written and for any other use of the area). The oldest names go first (name-decisions.ts).
 */
export const NAME_BUDGET = {items: 400, bytes: 80_000} as const;

/** A name older than this is dropped: every computer used within this time has long applied it. */
export const NAME_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** One shared name: `n` the name, `t` when it was given (server time, epoch ms). Short keys save quota. */
export type SharedName = {n: string; t: number};

export function nameKey(partition: string, taskId: string): string {
	return `${KEY_PREFIX}${partition}:${taskId}`;
}

/** The partition and Task of a key of ours, or undefined for any other key. */
export function parseNameKey(key: string): {partition: string; taskId: string} | undefined {
	if (!key.startsWith(KEY_PREFIX)) return undefined;
	const rest = key.slice(KEY_PREFIX.length);
	const cut = rest.lastIndexOf(':');
	if (cut <= 0 || cut === rest.length - 1) return undefined;
	return {partition: rest.slice(0, cut), taskId: rest.slice(cut + 1)};
}

/**
 * A stored value as a SharedName, or undefined when it is not one. The area is written by Tickler on
 * other computers, possibly another version of it, so every value is checked like any other input: the
 * name passes the same rules as a name typed in Tickler (reminder-validation.ts), the time is a finite number.
 */
export function parseSharedName(value: unknown): SharedName | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const {n, t} = value as Partial<Record<'n' | 't', unknown>>;
	if (typeof t !== 'number' || !Number.isFinite(t)) return undefined;
	try {
		const name = validateName(n);
		return name === n ? {n: name, t} : undefined;
	} catch (error) {
		if (error instanceof InvalidReminderError) return undefined;
		throw error;
	}
}

const encoder = new TextEncoder();

/**
 * The bytes an item counts against the quotas: key plus JSON of the value. Counted in UTF-8 bytes, never
 * fewer than Chrome's count whichever unit it uses (a character is at least one UTF-8 byte, and a
 * surrogate pair's four bytes are more than its two UTF-16 units).
 */
export function itemBytes(key: string, value: unknown): number {
	return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}
