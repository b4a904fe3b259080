// Speed probe for the benchmark suite (issue 3 "Speed"): how long the org takes to serve a 2,000-row query
// page from a large org. No assertions here — `npm run bench` reports the figures.

import {get as httpGet} from 'node:http';
import {performance} from 'node:perf_hooks';
import {startLocalOrg} from './index.js';

export type QueryPageTiming = {
	tasks: number;
	generateMs: number;
	/** Median time from request to last byte of the first page (filter + sort of every candidate row + 2,000 serialised). */
	firstPageMs: number;
	/** Median round trip of a query-more page (served from the cursor). */
	nextPageMs: number;
	rows: number;
	runs: number;
};

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The sync engine's pull query shape (salesforce-facts.md §2.5), over HTTP, against an org of `tasks` Tasks. */
export async function measureQueryPage(
	options: {tasks?: number; runs?: number; warmup?: number; soql?: string} = {},
): Promise<QueryPageTiming> {
	const tasks = options.tasks ?? 100_000;
	const runs = options.runs ?? 15;
	// Warm-up rounds let V8 optimise the evaluator before timing, as a long-running org would be.
	const warmup = options.warmup ?? 5;
	const t0 = performance.now();
	const lo = await startLocalOrg({seed: tasks});
	const generateMs = performance.now() - t0;
	try {
		const {org} = lo;
		const sid = org.createSession(org.users.rep.id);
		const soql =
			options.soql ??
			`SELECT Id, Subject, Status, Priority, ActivityDate, Description, IsClosed, IsDeleted, OwnerId, LastModifiedDate, SystemModstamp FROM Task WHERE OwnerId = '${org.users.rep.id}' AND SystemModstamp > 2000-01-01T00:00:00Z ORDER BY SystemModstamp, Id`;
		// node:http rather than fetch: the figure should be the org serving the page, not the client parsing it.
		const get = (path: string): Promise<{ms: number; body: {records: unknown[]; nextRecordsUrl?: string}}> =>
			new Promise((resolve, reject) => {
				const s = performance.now();
				const req = httpGet(lo.url + path, {headers: {Authorization: `Bearer ${sid}`}}, res => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const ms = performance.now() - s;
						resolve({
							ms,
							body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as {records: unknown[]; nextRecordsUrl?: string},
						});
					});
				});
				req.on('error', reject);
			});
		const first: number[] = [];
		const next: number[] = [];
		let rows = 0;
		for (let i = 0; i < warmup + runs; i++) {
			const a = await get(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
			const b = a.body.nextRecordsUrl ? await get(a.body.nextRecordsUrl) : undefined;
			if (i < warmup) continue;
			first.push(a.ms);
			rows = a.body.records.length;
			if (b) next.push(b.ms);
		}
		return {tasks, generateMs, firstPageMs: median(first), nextPageMs: median(next), rows, runs};
	} finally {
		await lo.close();
	}
}
