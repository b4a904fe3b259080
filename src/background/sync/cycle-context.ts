/** What one sync cycle carries between its steps. Created per cycle; nothing outlives it. */
import type {Identity, SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import type {Partition} from '@/shared/store/schema.js';
import type {OrgPicklists} from './mapping.js';
import type {SyncDeps} from './engine-ports.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Recycle Bin / getDeleted window (salesforce-facts.md §4.2; R6, R14, R15). */
export const DELETION_WINDOW_MS = 15 * DAY_MS;

export type CycleStats = {
	pulled: number;
	pushed: number;
	deleted: number;
	conflicts: number;
	errors: Array<{code: string; message: string}>;
	notes: string[];
};

export type CycleContext = {
	deps: SyncDeps;
	sf: SalesforcePort;
	partition: Partition;
	identity: Identity;
	picklists: OrgPicklists;
	stats: CycleStats;
	/** Local clock corrected by the offset measured from Salesforce's Date headers (R16). */
	serverNow(): number;
	offsetMs(): number;
};

export function partitionKey(identity: {orgId: string; userId: string}): string {
	return `${identity.orgId}:${identity.userId}`;
}

/** Thrown between steps when sync was disabled mid-cycle: R7 stops traffic at once. */
export class SyncDisabledError extends Error {
	override name = 'SyncDisabledError';
}

export async function assertEnabled(ctx: CycleContext): Promise<void> {
	const row = await ctx.deps.db.partitions.get(ctx.partition.id);
	if (!row?.enabled) throw new SyncDisabledError('Sync was disabled');
}

export function emptyStats(): CycleStats {
	return {pulled: 0, pushed: 0, deleted: 0, conflicts: 0, errors: [], notes: []};
}
