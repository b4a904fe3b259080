/**
 * Enabling and disabling sync for a partition (R3–R7). Partition rules (docs/sync-protocol.md):
 * - A partition is `${orgId18}:${userId18}` of the Salesforce identity (R2).
 * - Reminders added while no partition was ever enabled live in 'local'. Enabling any partition adopts
 *   them into it as local-only (created before enabledAt, R5).
 * - The last enabled partition becomes the active one: new reminders go there, pushed only while it is
 *   enabled (R6: created while sync is off ⇒ local-only).
 */
import type {Identity} from '@/background/salesforce/salesforce-port.js';
import {LOCAL_PARTITION, type Partition} from '@/shared/store/schema.js';
import {partitionKey} from './cycle-context.js';
import type {SyncDeps} from './engine-ports.js';
import {DEFAULT_SUBJECT_TEMPLATE} from '@/shared/subject-template.js';

export async function enableSync(
	deps: Pick<SyncDeps, 'db' | 'clock' | 'log'>,
	input: {identity: Identity},
): Promise<Partition> {
	const {db} = deps;
	const now = deps.clock.now();
	const id = partitionKey(input.identity);
	const partition = await db.transaction('rw', [db.partitions, db.reminders, db.outbox, db.meta], async () => {
		const existing = await db.partitions.get(id);
		const next: Partition = {
			clockOffsetMs: 0,
			subjectTemplate: DEFAULT_SUBJECT_TEMPLATE,
			...existing,
			id,
			orgId: input.identity.orgId,
			userId: input.identity.userId,
			instanceHost: input.identity.instanceHost,
			username: input.identity.username,
			displayName: input.identity.displayName,
			enabled: true,
			enabledAt: now,
			everEnabled: true,
			status: {...existing?.status, phase: 'idle', budget: existing?.status.budget ?? 'normal'},
		};
		delete next.status.pauseReason;
		delete next.status.message;
		await db.partitions.put(next);
		// R5: reminders that existed before any sync was enabled become this partition's, local-only.
		await db.reminders
			.where('partition')
			.equals(LOCAL_PARTITION)
			.modify(reminder => {
				reminder.partition = id;
				reminder.localOnly = true;
				reminder.syncState = 'local-only';
			});
		await db.outbox.where('partition').equals(LOCAL_PARTITION).delete();
		await db.meta.put({key: 'activePartition', value: id});
		return next;
	});
	deps.log.info('sync enabled', {
		partition: id,
		reason: partition.enabledAt === now && !partition.picklists ? 'first' : 're-enable',
	});
	return partition;
}

/** R7: stops all traffic at once (running cycles stop at their next step), deletes nothing, keeps the outbox. */
export async function disableSync(deps: Pick<SyncDeps, 'db' | 'log'>, partitionId: string): Promise<void> {
	await deps.db.transaction('rw', deps.db.partitions, async () => {
		const row = await deps.db.partitions.get(partitionId);
		if (!row) return;
		await deps.db.partitions.update(partitionId, {enabled: false, status: {...row.status, phase: 'off'}});
	});
	deps.log.info('sync disabled', {partition: partitionId});
}
