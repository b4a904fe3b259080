import {TASK_FIELDS} from '../../src/background/salesforce/port.js';
import {startLocalOrg} from '../../test/org/index.js';
import {median, round} from '../lib/stats.js';
import type {FamilyResult} from '../report.js';

/**
 * org.query2000of100000.ms: the local org serving one 2,000-row page of the engine's pull query from
 * 100,000 Tasks, over HTTP on 127.0.0.1, timed until the body is fully received (issue 6). It bounds how
 * much of sync.firstSync.* is the test org rather than the engine, and whether a 500-rep fleet can share one org.
 */

const TASKS = 100_000;
const PAGE = 2000;

export function pullSoql(ownerId: string): string {
	return (
		`SELECT ${TASK_FIELDS.join(', ')} FROM Task WHERE OwnerId = '${ownerId}' AND TaskSubtype = 'Task' ` +
		`AND IsRecurrence = false AND SystemModstamp > 2000-01-01T00:00:00Z ORDER BY SystemModstamp, Id`
	);
}

async function timedGet(
	url: string,
	sid: string,
): Promise<{ms: number; body: {records: unknown[]; nextRecordsUrl?: string}}> {
	const started = performance.now();
	const response = await fetch(url, {
		headers: {Authorization: `Bearer ${sid}`, 'Sforce-Query-Options': `batchSize=${PAGE}`},
	});
	const text = await response.text();
	const ms = performance.now() - started;
	if (!response.ok) throw new Error(`query answered ${response.status}: ${text.slice(0, 200)}`);
	return {ms, body: JSON.parse(text) as {records: unknown[]; nextRecordsUrl?: string}};
}

export async function measureOrgSpeed(runs: number): Promise<FamilyResult> {
	const local = await startLocalOrg({seed: 'none'});
	try {
		const {org} = local;
		const rep = org.users.rep.id;
		const seeding = performance.now();
		for (let index = 0; index < TASKS; index++) {
			org.createTask(rep, {
				Subject: `Follow up ${index}`,
				TaskSubtype: 'Task',
				ActivityDate: `2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
				Priority: index % 5 === 0 ? 'High' : 'Normal',
				Description: index % 3 === 0 ? 'Called, left a message; send the quote next.' : null,
			});
		}

		const seedMs = performance.now() - seeding;
		const sid = org.createSession(rep);
		const url = `${local.url}/services/data/v62.0/query?q=${encodeURIComponent(pullSoql(rep))}`;
		const first: number[] = [];
		const more: number[] = [];
		for (let run = 0; run < runs; run++) {
			const page = await timedGet(url, sid);
			if (page.body.records.length !== PAGE) throw new Error(`expected ${PAGE} rows, got ${page.body.records.length}`);
			first.push(page.ms);
			if (!page.body.nextRecordsUrl) throw new Error('a 100,000-row query answered without nextRecordsUrl');
			more.push((await timedGet(local.url + page.body.nextRecordsUrl, sid)).ms);
		}

		return {
			family: 'org',
			metrics: [
				{
					name: 'org.query2000of100000.ms',
					value: round(median(first)),
					unit: 'ms',
					samples: first.map(ms => round(ms)),
					note: 'first page: filter + sort of 100,000 rows',
				},
				{
					name: 'org.queryMore2000of100000.ms',
					value: round(median(more)),
					unit: 'ms',
					samples: more.map(ms => round(ms)),
					note: 'second page through nextRecordsUrl',
				},
				{
					name: 'org.seed100000.ms',
					value: Math.round(seedMs),
					unit: 'ms',
					note: 'creating the 100,000 Tasks in process (setup, not a target)',
				},
			],
		};
	} finally {
		await local.close();
	}
}
