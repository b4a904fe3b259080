import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {Partition} from '@/shared/store/schema.js';
import {openTestDb, openTestWorkerDbs} from '../../../test/fakes/test-db.js';
import {forgetPartition} from './sync-switch.js';
import browser from 'webextension-polyfill';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {BADGE_SPEND_KEY, takeBadgeSpend} from '../task-page/badge-allowance.js';
import {patchWorkerState, readWorkerState} from '../runner/worker-state.js';
import {deletePartitionData, forgetSessionCaches} from './forget-partition.js';
import {recentVerdict, rememberVerdict} from '../task-page/verdict-cache.js';

import {createSyncArea, linkAreas} from '../../../test/fakes/sync-storage.js';
import {createFakeLocks} from '../../../test/fakes/web-locks.js';
import {nameKey} from '../name-sync/entries.js';
import {forgetSharedNames} from '../name-sync/name-pass.js';

const A = '00D000000000001AAA:005000000000001AAA';
const B = '00D000000000002AAA:005000000000002AAA';
let db: TicklerDb;

function partition(id: string): Partition {
	const [orgId = '', userId = ''] = id.split(':');
	return {
		id,
		orgId,
		userId,
		instanceHost: 'acme.my.salesforce.com',
		username: 'rep',
		displayName: 'Rep',
		enabled: true,
		enabledAt: 0,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		status: {phase: 'idle', budget: 'normal'},
	};
}

async function fill(id: string) {
	await db.partitions.put(partition(id));
	const reminder = await addReminder(db, {name: `in ${id}`}, {partition: id});
	await addReminder(db, {name: `more in ${id}`}, {partition: id});
	await db.checkpoints.put({partition: id, systemModstamp: '2026-03-05T00:00:00.000Z'});
	await db.syncHistory.add({
		partition: id,
		trigger: 'alarm',
		startedAt: 1,
		endedAt: 2,
		outcome: 'ok',
		pulled: 0,
		pushed: 0,
		deleted: 0,
		conflicts: 0,
		apiRequests: 1,
		errors: [],
		notes: [],
	});
	await db.conflicts.add({
		partition: id,
		reminderId: reminder.id,
		taskId: '00T000000000001AAA',
		field: 'name',
		overwritten: 'a',
		kept: 'b',
		winner: 'local',
		at: 1,
	});
}

beforeEach(() => {
	db = openTestDb();
});
afterEach(() => {
	db.close();
});

test('R2: disconnecting deletes one partition’s data and nothing of another', async () => {
	await fill(A);
	await fill(B);
	await db.meta.put({key: 'activePartition', value: A});
	expect(await deletePartitionData(db, A)).toBe(2);
	for (const table of [db.reminders, db.outbox, db.syncHistory, db.conflicts]) {
		const rows = (await table.toArray()) as Array<{partition: string}>;
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every(row => row.partition === B)).toBe(true);
	}

	expect(await db.partitions.toCollection().primaryKeys()).toEqual([B]);
	expect(await db.checkpoints.toCollection().primaryKeys()).toEqual([B]);
	// The forgotten partition is no longer where new reminders go (R5: they stay local-only).
	expect(await activePartition(db)).toBe('local');
});

test('forgetting another partition leaves the active one active', async () => {
	await fill(A);
	await fill(B);
	await db.meta.put({key: 'activePartition', value: A});
	await deletePartitionData(db, B);
	expect(await activePartition(db)).toBe(A);
	expect(await db.reminders.count()).toBe(2);
});

test('Disconnect also clears the worker’s session-scoped caches: badge verdicts, badge allowance, session identity', async () => {
	await resetFakeBrowser();
	await rememberVerdict(`${A}:00T000000000001AAA`, {state: 'pending', reminderName: 'A Task'}, Date.now());
	await rememberVerdict(`${B}:00T000000000001AAA`, {state: 'pending', reminderName: 'B Task'}, Date.now());
	await takeBadgeSpend('tab:1', Date.now());
	const identity = {
		orgId: 'o',
		userId: 'u',
		username: 'rep',
		displayName: 'Rep',
		instanceHost: 'acme.my.salesforce.com',
	};
	await patchWorkerState({identity: {key: 'k', identity}, popupOpenedAt: 5});
	await forgetSessionCaches(A);
	expect(await recentVerdict(`${A}:00T000000000001AAA`, Date.now())).toBeUndefined();
	expect(await recentVerdict(`${B}:00T000000000001AAA`, Date.now())).toBeDefined();
	expect((await browser.storage.session.get(BADGE_SPEND_KEY))[BADGE_SPEND_KEY]).toBeUndefined();
	expect(await readWorkerState()).toEqual({popupOpenedAt: 5});
});

test('R53: Disconnect removes the account’s names from the browser’s synced storage, and nothing of another', async () => {
	await resetFakeBrowser();
	const dbs = openTestWorkerDbs('forget-worker');
	const worker = dbs.db;
	vi.stubGlobal('navigator', {locks: createFakeLocks()});
	try {
		await worker.partitions.put({...partition(A), enabled: false});
		await worker.meta.put({key: 'activePartition', value: A});
		await browser.storage.sync.set({
			[nameKey(A, '00T000000000001AAA')]: {n: 'Call Ana', t: 1},
			[nameKey(A, '00T000000000002AAA')]: {n: 'Send the quote', t: 2},
			[nameKey(B, '00T000000000003AAA')]: {n: 'B’s own', t: 3},
			unrelated: 1,
		});
		await forgetPartition(dbs, A);
		expect(Object.keys(await browser.storage.sync.get(null)).sort()).toEqual(
			[nameKey(B, '00T000000000003AAA'), 'unrelated'].sort(),
		);
		expect(await worker.partitions.get(A)).toBeUndefined();
	} finally {
		vi.unstubAllGlobals();
	}
});

test('R53: the removal travels like any synced change: the rep’s other computer no longer holds the names', async () => {
	const here = createSyncArea();
	const there = createSyncArea();
	const chromeSync = linkAreas([here, there]);
	await here.set({
		[nameKey(A, '00T000000000001AAA')]: {n: 'Call Ana', t: 1},
		[nameKey(B, '00T000000000003AAA')]: {n: 'B', t: 3},
	});
	chromeSync.deliver();
	expect(Object.keys(there.snapshot())).toHaveLength(2);
	expect(await forgetSharedNames(here, A)).toBe(1);
	chromeSync.deliver();
	expect(Object.keys(there.snapshot())).toEqual([nameKey(B, '00T000000000003AAA')]);
	// One remove call, whatever the count (the write-rate quota counts calls).
	expect(here.writeCount()).toBe(2);
});
