import {beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {SyncHistoryRow} from '@/shared/store/schema.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {apiShare, SHARE_WINDOW_MS} from './api-share.js';

const A = '00D000000000001AAA:005000000000001AAA';
const B = '00D000000000002AAA:005000000000002AAA';
const NOW = Date.parse('2026-03-05T12:00:00.000Z');
let db: TicklerDb;

const run = (partition: string, startedAt: number, apiRequests: number, trigger: SyncHistoryRow['trigger']) => ({
	partition,
	trigger,
	startedAt,
	endedAt: startedAt + 1,
	outcome: 'ok' as const,
	pulled: 0,
	pushed: 0,
	deleted: 0,
	conflicts: 0,
	apiRequests,
	errors: [],
	notes: [],
});

beforeEach(() => {
	db = openTestDb(`api-share-${Math.random()}`);
});

test('R56: the rep’s share is its own requests of the last 24 hours — cycles and badge lookups, this partition only', async () => {
	await db.syncHistory.bulkAdd([
		run(A, NOW - SHARE_WINDOW_MS - 1, 50, 'alarm'), // a day and a moment ago: out of the window
		run(A, NOW - SHARE_WINDOW_MS, 3, 'alarm'),
		run(A, NOW - 3_600_000, 2, 'local-change'),
		run(A, NOW - 60_000, 1, 'task-badge'),
		run(B, NOW - 60_000, 40, 'alarm'), // another rep's partition
	]);
	expect(await apiShare(db, A, 120, NOW)).toEqual({requests: 6, cap: 120});
	expect(await apiShare(db, B, 120, NOW)).toEqual({requests: 40, cap: 120});
});

test('R56: without an admin’s cap there is no share to measure', async () => {
	await db.syncHistory.add(run(A, NOW - 60_000, 5, 'alarm'));
	expect(await apiShare(db, A, undefined, NOW)).toBeUndefined();
});
