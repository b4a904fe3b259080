/**
 * A full disk for Dexie on fake-indexeddb (R40). fake-indexeddb has no quota, so a DBCore middleware
 * refuses writes the way a browser over its quota does: the write's request fails with a DOMException named
 * `QuotaExceededError` (IndexedDB spec, "Exceptions"), which aborts the transaction it ran in — nothing of
 * that transaction is committed. Reads keep working, as they do on a full disk.
 *
 * Install it on a Dexie instance before it is opened (Dexie builds its middleware stack at open).
 */
import type {Dexie, DBCoreMutateRequest} from 'dexie';

export type FullDisk = {
	/** Tables whose writes fail; `'all'` for every table. Empty: the disk has space. */
	full: Set<string> | 'all';
	/** Writes refused so far. */
	refused: Array<{table: string; type: DBCoreMutateRequest['type']}>;
	fill(tables?: string[] | 'all'): void;
	free(): void;
};

export function quotaExceeded(): DOMException {
	return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

export function installFullDisk(db: Dexie): FullDisk {
	const disk: FullDisk = {
		full: new Set(),
		refused: [],
		fill(tables = 'all') {
			disk.full = tables === 'all' ? 'all' : new Set(tables);
		},
		free() {
			disk.full = new Set();
		},
	};
	const isFull = (table: string) => disk.full === 'all' || disk.full.has(table);
	db.use({
		stack: 'dbcore',
		name: 'test-full-disk',
		create: down => ({
			...down,
			table(name) {
				const table = down.table(name);
				return {
					...table,
					async mutate(request) {
						if (!isFull(name)) return table.mutate(request);
						disk.refused.push({table: name, type: request.type});
						// As in a browser: the failed write aborts its transaction, so nothing of it is committed.
						try {
							(request.trans as unknown as IDBTransaction).abort();
						} catch {
							// Already finished or aborting.
						}

						throw quotaExceeded();
					},
				};
			},
		}),
	});
	return disk;
}
