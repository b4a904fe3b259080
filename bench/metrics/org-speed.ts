import {TASK_FIELDS} from '../../src/background/salesforce/salesforce-port.js';
import {measureQueryPage, Org} from '../../test/org/index.js';
import {round} from '../lib/stats.js';
import type {FamilyResult} from '../report.js';

/**
 * org.query2000of100000.ms: the local org serving one 2,000-row page of the engine's pull query from
 * 100,000 Tasks (issue 6), through test/org's own probe `measureQueryPage` (docs/local-org.md): over
 * node:http, to the last byte, medians after warm-up rounds (a long-running org is JIT-warm). It bounds how
 * much of sync.firstSync.* is the test org rather than the engine.
 */

const TASKS = 100_000;

/** The engine's pull query (src/background/sync/pull.ts) for `ownerId`, from the beginning of time. */
export function pullSoql(ownerId: string): string {
	return `SELECT ${TASK_FIELDS.join(', ')} FROM Task WHERE OwnerId = '${ownerId}' AND SystemModstamp >= 2000-01-01T00:00:00Z ORDER BY SystemModstamp, Id`;
}

export async function measureOrgSpeed(runs: number): Promise<FamilyResult> {
	// Ids are handed out in order, so a fresh org's rep has the same id as the one the probe starts.
	const repId = new Org().users.rep.id;
	const timing = await measureQueryPage({tasks: TASKS, runs: Math.max(runs, 15), soql: pullSoql(repId)});
	if (timing.rows !== 2000)
		throw new Error(`the probe's first page had ${timing.rows} rows, not 2,000 (rep id ${repId})`);
	return {
		family: 'org',
		metrics: [
			{
				name: 'org.query2000of100000.ms',
				value: round(timing.firstPageMs),
				unit: 'ms',
				note: `first page, median of ${timing.runs} after warm-up: filter + sort of 100,000 rows`,
			},
			{
				name: 'org.queryMore2000of100000.ms',
				value: round(timing.nextPageMs),
				unit: 'ms',
				note: 'second page through nextRecordsUrl',
			},
			{
				name: 'org.seed100000.ms',
				value: Math.round(timing.generateMs),
				unit: 'ms',
				note: 'generating the 100,000 Tasks (setup, not a target)',
			},
		],
	};
}
