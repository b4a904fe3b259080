/**
 * Turning sync on and off, and forgetting a partition (R2–R7, R23). The partition is the identity of
 * the rep's current Salesforce session (org id + user id), read with one request.
 */
import {classify} from '@/background/salesforce/errors.js';
import {disableSync, enableSync} from '@/background/sync/enable.js';
import type {ConnectedAccount} from '@/shared/types.js';
import {db} from './db.js';
import {engineDeps, portForSession} from './engine-deps.js';
import {deletePartitionData, forgetSessionCaches} from './forget-partition.js';
import {findSession} from './session/find-session.js';
import {NoSessionError, SessionExpiredError} from './session/session-errors.js';
import {refreshSchedule, startCycle} from './sync-runner.js';

/** R3/R4: enable for whoever the current session is; the first sync starts at once, in the background. */
export async function enableForCurrentSession(): Promise<ConnectedAccount> {
	const session = await findSession();
	if (!session) throw new NoSessionError('Sign in to Salesforce in a tab first, then turn sync on.');
	const port = await portForSession(session);
	let identity;
	try {
		identity = await port.identity();
	} catch (error) {
		if (classify(error) === 'auth')
			throw new SessionExpiredError('Your Salesforce session has expired. Sign in again, then turn sync on.');
		throw error;
	}

	const partition = await enableSync(engineDeps(null), {identity});
	// One org and user at a time: the worker syncs the active partition only, so any other partition that
	// was on is turned off, and says so, instead of looking enabled while nothing syncs it (R2, R7).
	for (const other of await db.partitions.toArray()) {
		if (other.id !== partition.id && other.enabled) await disableSync(engineDeps(null), other.id);
	}

	startCycle('manual');
	return {
		partition: partition.id,
		orgId: partition.orgId,
		userId: partition.userId,
		username: partition.username,
		displayName: partition.displayName,
		instanceHost: partition.instanceHost,
	};
}

/** R7: off at once — a running cycle stops at its next step — and no more alarms. */
export async function disablePartition(partitionId: string): Promise<{enabled: false}> {
	await disableSync(engineDeps(null), partitionId);
	await refreshSchedule();
	return {enabled: false};
}

/**
 * Disconnect: deletes one partition's reminders, outbox, checkpoint, history, conflicts and the partition
 * itself — nothing of any other partition (R2). Waits for a running cycle of that partition to end first.
 */
export async function forgetPartition(partitionId: string): Promise<{deletedReminders: number}> {
	await disableSync(engineDeps(null), partitionId);
	const deletedReminders = await navigator.locks.request(`tickler-sync:${partitionId}`, async () =>
		deletePartitionData(db, partitionId),
	);
	await forgetSessionCaches(partitionId);
	await refreshSchedule();
	return {deletedReminders};
}
