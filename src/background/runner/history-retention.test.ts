import {beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {ConflictRow, SyncHistoryRow} from '@/shared/store/schema.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {pruneSyncLogs, RETAIN_DAYS, RETAIN_ROWS} from './history-retention.js';

const A = '00D000000000001AAA:005000000000001AAA';
const B = '00D000000000002AAA:005000000000002AAA';
const DAY = 86_400_000;
const NOW = Date.parse('2026-03-05T12:00:00.000Z');
let db: TicklerDb;

const run = (partition: string, startedAt: number): SyncHistoryRow => ({
	partition,
	trigger: 'alarm',
	startedAt,
	endedAt: startedAt + 1,
	outcome: 'ok',
	pulled: 0,
	pushed: 0,
	deleted: 0,
	conflicts: 0,
	apiRequests: 1,
	errors: [],
	notes: [],
});
const conflict = (partition: string, at: number): ConflictRow => ({
	partition,
	reminderId: 'r',
	taskId: '00T000000000001AAA',
	field: 'name',
	overwritten: 'old',
	kept: 'new',
	winner: 'salesforce',
	at,
});

beforeEach(() => {
	db = openTestDb(`retention-${Math.random()}`);
});

test(`R23: history and the conflict log keep the last ${RETAIN_DAYS} days, at most ${RETAIN_ROWS} rows each, per partition`, async () => {
	// A year of ten-minute polls would be over 50,000 rows; a few hundred old ones and many recent ones show it.
	const old = Array.from({length: 50}, (_, index) => NOW - (RETAIN_DAYS + 1 + index) * DAY);
	const recent = Array.from({length: RETAIN_ROWS + 100}, (_, index) => NOW - index * 60_000);
	await db.syncHistory.bulkAdd([...old, ...recent].map(at => run(A, at)));
	await db.conflicts.bulkAdd([...old, ...recent.slice(0, 10)].map(at => conflict(A, at)));
	await db.syncHistory.bulkAdd(old.map(at => run(B, at)));
	await pruneSyncLogs(db, A, NOW);
	const kept = (await db.syncHistory.toArray()).filter(row => row.partition === A);
	expect(kept).toHaveLength(RETAIN_ROWS);
	// The newest are the ones kept.
	expect(Math.min(...kept.map(row => row.startedAt))).toBe(recent[RETAIN_ROWS - 1]);
	const conflicts = (await db.conflicts.toArray()).filter(row => row.partition === A);
	expect(conflicts.map(row => row.at).sort()).toEqual(recent.slice(0, 10).sort());
	// Another partition is its own business (pruned when it syncs).
	expect((await db.syncHistory.toArray()).filter(row => row.partition === B)).toHaveLength(50);
});
