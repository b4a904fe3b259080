/**
 * R30: an admin who presets sync on means it is on, without a click from each rep. While no partition
 * syncs, Tickler turns sync on for whoever is signed in to Salesforce in this browser — when the worker
 * starts and when a new session cookie appears (a sign-in). The rep cannot turn it off while the preset
 * stands (sync-switch.ts `SyncKeptOnByAdminError`), and a host the admin did not allow is never enabled.
 */
import {activePartition} from '@/shared/store/local-edits.js';
import {enableForCurrentSession} from './sync-switch.js';
import type {WorkerDbs} from '../worker-db.js';
import {readPresets} from '../oauth/presets.js';
import {consoleLog} from '../sync/log.js';

/** True when sync was turned on now. Costs a request only when there is a session and sync is off. */
export async function enableIfAdminPresetsSyncOn(dbs: WorkerDbs): Promise<boolean> {
	if ((await readPresets()).syncEnabled !== true) return false;
	const {db} = dbs;
	const partition = await db.partitions.get(await activePartition(db));
	if (partition?.enabled === true) return false;
	try {
		await enableForCurrentSession(dbs);
		return true;
	} catch (error) {
		// No session yet, a host the admin did not allow, or an org that refuses browser sessions (the
		// settings page offers Connect): the next sign-in tries again. Nothing else to do here.
		consoleLog().info('preset sync on: not enabled yet', {reason: error instanceof Error ? error.name : 'unknown'});
		return false;
	}
}
