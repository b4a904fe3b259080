/**
 * R45 in the service worker: when to run a name-sharing pass (name-pass.ts) and on which area — the
 * browser's synced extension storage, which Chrome Sync (Firefox Sync for add-ons) carries to the rep's
 * other computers when the rep is signed in to the browser. Covered by the `storage` permission
 * (Chromium storage.json: the whole `storage` namespace, `sync` included, needs only "storage").
 *
 * Passes run one at a time (a Web Lock, released if the worker stops) and never throw: names are a
 * convenience on top of sync, so a full area or a write-rate refusal is reported and retried at the next
 * pass, never allowed to stop a sync cycle.
 */
import browser from 'webextension-polyfill';
import {activePartition} from '@/shared/store/local-edits.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {consoleLog} from '@/background/sync/log.js';
import {KEY_PREFIX} from './entries.js';
import {forgetSharedNames, shareNames, type NamePassResult} from './name-pass.js';

const NAME_LOCK = 'tickler-name-sync';

/** One pass for the active partition, when sync is on for it. */
export async function shareNamesNow(db: TicklerDb): Promise<NamePassResult | undefined> {
	const pass = async () => {
		const partitionId = await activePartition(db);
		const partition = await db.partitions.get(partitionId);
		if (!partition?.enabled) return undefined;
		return shareNames(db, partitionId, browser.storage.sync, Date.now());
	};

	try {
		// Every extension context has Web Locks; Node (the unit tests of background-api.ts) does not, and a pass is
		// safe without one anyway (it re-checks in its transaction; the lock only saves duplicate writes).
		const locks = (globalThis.navigator as Navigator | undefined)?.locks;
		return await (locks ? locks.request(NAME_LOCK, pass) : pass());
	} catch (error) {
		// Structured, no names or values (convention 14): the kind of failure, e.g. a quota refusal.
		consoleLog().error('name-sync-failed', {code: error instanceof Error ? error.name : 'unknown'});
		return undefined;
	}
}

/**
 * R53: removes a forgotten partition's names from the synced area, under the passes' lock so a pass that was
 * running cannot write one back. Never throws: the names are also dropped by age (NAME_TTL_MS) at the next
 * pass on any computer.
 */
export async function forgetSharedNamesNow(partitionId: string): Promise<number> {
	const forget = async () => forgetSharedNames(browser.storage.sync, partitionId);
	try {
		const locks = (globalThis.navigator as Navigator | undefined)?.locks;
		return await (locks ? locks.request(NAME_LOCK, forget) : forget());
	} catch (error) {
		consoleLog().error('name-forget-failed', {code: error instanceof Error ? error.name : 'unknown'});
		return 0;
	}
}

/** storage.onChanged: a name written here or arriving from another computer (area 'sync'). */
export function onStorageChanged(db: TicklerDb, changes: Record<string, unknown>, areaName: string): void {
	if (areaName !== 'sync' || !Object.keys(changes).some(key => key.startsWith(KEY_PREFIX))) return;
	void shareNamesNow(db);
}

/** After a sync cycle: Tasks pulled (a name may have waited for them) or linked (a rename to share). */
export async function shareNamesAfterCycle(
	db: TicklerDb,
	result: {pulled: number; pushed: number} | undefined,
): Promise<void> {
	if (result && result.pulled + result.pushed > 0) await shareNamesNow(db);
}
