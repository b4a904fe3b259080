/**
 * Writes test/upgrade/fixtures/<release>-every-row.json (R41): a database holding every kind of row a release
 * can write — reminders in every sync state, tombstones, outbox entries in doubt, parked and deleting,
 * conflicts, history with errors, a partition with sync off — written with THAT release's own Dexie schema
 * code, checked out from its commit. The e2e fixture (0.1.0-chrome.json) is what the real build wrote in one
 * session; this one covers the rows that session does not reach.
 *
 *   git worktree add /tmp/rel-0.1.0 964cbad && ln -s "$PWD/node_modules" /tmp/rel-0.1.0/node_modules
 *   npx tsx test/upgrade/record-schema-fixture.ts /tmp/rel-0.1.0 0.1.0
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {dumpDatabase} from './idb-dump.js';

const [releaseDir, release] = process.argv.slice(2);
if (releaseDir === undefined || release === undefined)
	throw new Error('usage: record-schema-fixture.ts <release checkout> <version>');

type ReleaseDb = {
	open(): Promise<unknown>;
	close(): void;
	table(name: string): {bulkAdd(rows: unknown[]): Promise<unknown>};
};
const releaseModule = (await import(path.resolve(releaseDir, 'src/shared/store/open-db.ts'))) as {
	openTicklerDb(options: {name: string; indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange}): ReleaseDb;
};

const factory = new IDBFactory();
const db = releaseModule.openTicklerDb({name: 'tickler', indexedDB: factory, IDBKeyRange});
await db.open();

const ORG = '00DTk00000FIXTUREA';
const REP = '005Tk0000000009IAA';
const partition = `${ORG}:${REP}`;
const T = 1_790_000_000_000; // a fixed instant, so the fixture is the same every time it is recorded
const fields = (name: string, dueDate: string | null = '2026-11-30') => ({
	name,
	status: 'open',
	priority: 'normal',
	dueDate,
	details: `${name} — details`,
});
const base = (name: string, modstamp: string) => ({
	...fields(name),
	lastModifiedDate: modstamp,
	systemModstamp: modstamp,
	sfStatus: 'Not Started',
	sfPriority: 'Normal',
});
const reminder = (id: string, name: string, extra: Record<string, unknown>) => ({
	id,
	partition,
	...fields(name),
	createdAt: T,
	updatedAt: T + 1000,
	editedAt: {},
	origin: 'local',
	localOnly: false,
	syncState: 'synced',
	...extra,
});

await db.table('partitions').bulkAdd([
	{
		id: partition,
		orgId: ORG,
		userId: REP,
		instanceHost: 'fixture.my.salesforce.com',
		username: 'rep@fixture.example',
		displayName: 'Rita Rep',
		enabled: true,
		enabledAt: T - 86_400_000,
		everEnabled: true,
		subjectTemplate: '[Tickler] {name}',
		picklists: {
			statuses: [{apiName: 'Not Started', label: 'Not Started', isClosed: false, isDefault: true}],
			priorities: [{apiName: 'High', label: 'High', isHighPriority: true, isDefault: false}],
			fetchedAt: T,
		},
		apiUsage: {used: 1200, limit: 15000, at: T},
		clockOffsetMs: -420,
		status: {
			phase: 'idle',
			lastSyncAt: T,
			nextSyncAfter: T + 60_000,
			budget: 'normal',
			backoff: {attempt: 1, until: T + 5000},
		},
	},
	{
		id: `${ORG}:005Tk0000000010IAA`,
		orgId: ORG,
		userId: '005Tk0000000010IAA',
		instanceHost: 'fixture.my.salesforce.com',
		username: 'other@fixture.example',
		displayName: 'Otto Other',
		enabled: false,
		everEnabled: true,
		subjectTemplate: '{name}',
		clockOffsetMs: 0,
		status: {phase: 'paused', pauseReason: 'disabled', budget: 'slow'},
	},
]);
await db.table('checkpoints').bulkAdd([
	{
		partition,
		systemModstamp: '2026-11-28T10:00:00.000+0000',
		lastPullAt: T,
		lastReconciledAt: T - 3_600_000,
		importFloor: T - 2 * 86_400_000,
		lastPurgeAt: T - 600_000,
	},
]);
await db.table('reminders').bulkAdd([
	reminder('r-synced', 'Synced', {
		taskId: '00TTk000000001AAAA',
		origin: 'salesforce',
		base: base('Synced', '2026-11-28T09:00:00.000+0000'),
	}),
	reminder('r-pending-edit', 'Pending edit', {
		taskId: '00TTk000000002AAAA',
		syncState: 'pending',
		editedAt: {name: T + 500, dueDate: T + 600},
		base: base('Pending edit (old)', '2026-11-28T09:01:00.000+0000'),
	}),
	reminder('r-create-in-doubt', 'Create in doubt', {syncState: 'pending', editedAt: {name: T}}),
	reminder('r-parked', 'Parked', {
		syncState: 'error',
		error: {code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject may not contain x', hint: 'Rename it'},
	}),
	reminder('r-conflict', 'Conflict', {
		taskId: '00TTk000000003AAAA',
		syncState: 'conflict',
		lastConflictAt: T + 700,
		base: base('Conflict', '2026-11-28T09:02:00.000+0000'),
	}),
	reminder('r-local-only', 'Local only', {partition: 'local', localOnly: true, syncState: 'local-only', dueDate: null}),
	reminder('r-tombstone', 'Deleted, delete pending', {
		taskId: '00TTk000000004AAAA',
		syncState: 'pending',
		deletedAt: T + 800,
		base: base('Deleted, delete pending', '2026-11-28T09:03:00.000+0000'),
	}),
	reminder('r-complete', 'Done', {taskId: '00TTk000000005AAAA', status: 'complete', priority: 'high'}),
]);
await db.table('outbox').bulkAdd([
	{
		reminderId: 'r-pending-edit',
		partition,
		create: false,
		fields: ['name', 'dueDate'],
		delete: false,
		parked: 0,
		attempts: 0,
		nextAttemptAt: 0,
		enqueuedAt: T + 500,
		updateSent: {at: T + 900, fields: {name: 'Pending edit'}},
	},
	{
		reminderId: 'r-create-in-doubt',
		partition,
		create: true,
		fields: [],
		delete: false,
		parked: 0,
		attempts: 1,
		nextAttemptAt: T + 2000,
		enqueuedAt: T,
		createSent: {
			at: T + 100,
			subject: '[Tickler] Create in doubt',
			fields: fields('Create in doubt'),
			cursor: '2026-11-28T09:59:00.000+0000',
		},
	},
	{
		reminderId: 'r-parked',
		partition,
		create: true,
		fields: [],
		delete: false,
		parked: 1,
		attempts: 3,
		nextAttemptAt: 0,
		enqueuedAt: T,
	},
	{
		reminderId: 'r-tombstone',
		partition,
		create: false,
		fields: [],
		delete: true,
		parked: 0,
		attempts: 0,
		nextAttemptAt: 0,
		enqueuedAt: T + 800,
	},
]);
await db.table('conflicts').bulkAdd([
	{
		partition,
		reminderId: 'r-conflict',
		taskId: '00TTk000000003AAAA',
		field: 'details',
		overwritten: 'mine',
		kept: 'theirs',
		winner: 'salesforce',
		at: T + 700,
	},
]);
await db.table('syncHistory').bulkAdd([
	{
		partition,
		trigger: 'alarm',
		startedAt: T,
		endedAt: T + 900,
		outcome: 'ok',
		pulled: 3,
		pushed: 1,
		deleted: 0,
		conflicts: 1,
		apiRequests: 4,
		errors: [],
		notes: [],
	},
	{
		partition,
		trigger: 'manual',
		startedAt: T + 60_000,
		endedAt: T + 61_000,
		outcome: 'failed',
		pulled: 0,
		pushed: 0,
		deleted: 0,
		conflicts: 0,
		apiRequests: 1,
		errors: [{code: 'SERVER_UNAVAILABLE', message: '503'}],
		notes: ['Salesforce was unavailable; retrying'],
	},
]);
await db.table('meta').bulkAdd([{key: 'activePartition', value: partition}]);
db.close();

const dump = await dumpDatabase('tickler', factory);
const target = path.resolve(import.meta.dirname, 'fixtures', `${release}-every-row.json`);
writeFileSync(
	target,
	`${JSON.stringify({recordedFrom: `test/upgrade/record-schema-fixture.ts over the ${release} release's db.ts`, ...dump}, null, '\t')}\n`,
);
process.stdout.write(`${target}\n`);
