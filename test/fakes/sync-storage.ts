/**
 * A `storage.sync` area that enforces Chrome's quotas, and a stand-in for Chrome Sync between several of
 * them (R45 tests). Quotas: Chromium `extensions/common/api/storage.json` (QUOTA_BYTES 102,400,
 * QUOTA_BYTES_PER_ITEM 8,192, MAX_ITEMS 512, MAX_WRITE_OPERATIONS_PER_MINUTE 120; sizes are the JSON of the
 * value plus the key). A write over a quota throws and changes nothing, as Chrome's does. Sizes are
 * counted in UTF-8 bytes (never fewer than Chrome counts).
 *
 * `linkAreas` models Chrome Sync: each local write is committed to a "server" later, when the test calls
 * `deliver()`; per key the last committed write wins and reaches every linked area, which then fires its
 * own onChanged (as an arriving change does in Chrome). Remote changes do not count as local writes.
 */
import {SYNC_QUOTA} from '@/background/name-sync/entries.js';

type Change = {oldValue?: unknown; newValue?: unknown};
type ChangeListener = (changes: Record<string, Change>, areaName: string) => void;

export type FakeSyncArea = {
	get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
	/** Test helpers. */
	snapshot(): Record<string, unknown>;
	bytesInUse(): number;
	/** set/remove calls made on this area (what the write-rate quotas count). */
	writeCount(): number;
	onChanged: {addListener(listener: ChangeListener): void};
	/** For the Chrome Sync stand-in: local writes as they happen, and remote values arriving. */
	onLocalWrite(listener: (key: string, value: unknown) => void): void;
	applyRemote(key: string, value: unknown): void;
};

const encoder = new TextEncoder();
const sizeOf = (key: string, value: unknown): number =>
	encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

export function createSyncArea(): FakeSyncArea {
	const data = new Map<string, unknown>();
	const listeners = new Set<ChangeListener>();
	const localWriteListeners = new Set<(key: string, value: unknown) => void>();
	let writes = 0;
	const fire = (changes: Record<string, Change>) => {
		if (Object.keys(changes).length === 0) return;
		for (const listener of listeners) listener(structuredClone(changes), 'sync');
	};

	const bytesOf = (map: Map<string, unknown>) => [...map].reduce((sum, [key, value]) => sum + sizeOf(key, value), 0);
	return {
		async get(keys) {
			const wanted = keys === undefined || keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
			return Object.fromEntries(wanted.filter(key => data.has(key)).map(key => [key, structuredClone(data.get(key))]));
		},
		async set(items) {
			const next = new Map(data);
			for (const [key, value] of Object.entries(items)) {
				if (sizeOf(key, value) > SYNC_QUOTA.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
				next.set(key, structuredClone(value));
			}

			if (next.size > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
			if (bytesOf(next) > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
			writes++;
			const changes: Record<string, Change> = {};
			for (const [key, value] of Object.entries(items)) {
				changes[key] = {oldValue: data.get(key), newValue: structuredClone(value)};
				data.set(key, structuredClone(value));
				for (const listener of localWriteListeners) listener(key, structuredClone(value));
			}

			fire(changes);
		},
		async remove(keys) {
			writes++;
			const changes: Record<string, Change> = {};
			for (const key of typeof keys === 'string' ? [keys] : keys) {
				if (!data.has(key)) continue;
				changes[key] = {oldValue: data.get(key)};
				data.delete(key);
				for (const listener of localWriteListeners) listener(key, undefined);
			}

			fire(changes);
		},
		snapshot: () => structuredClone(Object.fromEntries(data)),
		bytesInUse: () => bytesOf(data),
		writeCount: () => writes,
		onChanged: {addListener: listener => listeners.add(listener)},
		onLocalWrite: listener => localWriteListeners.add(listener),
		applyRemote(key, value) {
			const old = data.get(key);
			if (JSON.stringify(old) === JSON.stringify(value)) return;
			if (value === undefined) data.delete(key);
			else data.set(key, structuredClone(value));
			fire({[key]: {oldValue: old, newValue: value}});
		},
	};
}

/** The Chrome Sync stand-in: `deliver()` commits queued writes in order and brings every area to the result. */
export function linkAreas(areas: readonly FakeSyncArea[]): {deliver(): void; pending(): number} {
	const queue: Array<[string, unknown]> = [];
	for (const area of areas) area.onLocalWrite((key, value) => queue.push([key, value]));
	return {
		deliver() {
			const server = new Map<string, unknown>();
			for (const [key, value] of queue.splice(0)) server.set(key, value);
			for (const [key, value] of server) for (const area of areas) area.applyRemote(key, value);
		},
		pending: () => queue.length,
	};
}
