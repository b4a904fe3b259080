/** The engine against the in-memory port: fast checks of paging, resumability, batching and parking. */
import {afterEach, beforeEach, expect, test} from 'vitest';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {addReminder, editReminder} from '@/shared/store/local-edits.js';
import {remindersInError} from '@/shared/store/queries.js';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {createFakeSalesforce, FAKE_ORG, FAKE_USER, type FakeSalesforce} from '../../../test/fakes/salesforce-port.js';
import {SalesforceApiError} from '../salesforce/errors.js';
import {enableSync} from './enable.js';
import {runSyncCycle} from './engine.js';
import {createMemoryLock} from './lock.js';
import {silentLog} from './log.js';
import type {SyncDeps} from './engine-ports.js';

const P = `${FAKE_ORG}:${FAKE_USER}`;
let db: TicklerDb;
let sf: FakeSalesforce;
let deps: SyncDeps;
beforeEach(async () => {
	db = openTestDb();
	sf = createFakeSalesforce();
	deps = {db, salesforce: sf, clock: {now: () => sf.now}, lock: createMemoryLock(), log: silentLog, random: () => 0.5};
});
afterEach(() => {
	db.close();
});

const cycle = async () => runSyncCycle(deps, {partition: P, trigger: 'manual'});

test('R4/R21: the first sync pages through 2,000-row pages (here 3) and commits a checkpoint per page', async () => {
	sf.pageSize = 3;
	for (let i = 0; i < 7; i++) sf.createTask({Subject: `t${i}`});
	await enableSync(deps, {identity: sf.identityValue});
	const result = await cycle();
	expect(result).toMatchObject({outcome: 'ok', pulled: 7, apiRequests: 5});
	expect(sf.calls).toEqual(['identity', 'taskPicklists', 'query', 'queryMore', 'queryMore']);
	expect((await db.checkpoints.get(P))?.systemModstamp).toBe(new Date(sf.now).toISOString().replace('Z', '+0000'));
});

test('R13/R17: a pull stopped after a page resumes from its checkpoint, with no duplicates', async () => {
	sf.pageSize = 3;
	for (let i = 0; i < 7; i++) sf.createTask({Subject: `t${i}`});
	await enableSync(deps, {identity: sf.identityValue});
	sf.failNext = {method: 'queryMore', error: new SalesforceApiError('SERVER_UNAVAILABLE', 'down', {status: 503})};
	expect((await cycle()).outcome).toBe('failed');
	expect(await db.reminders.count()).toBe(3);
	expect((await cycle()).outcome).toBe('ok');
	const names = (await db.reminders.toArray()).map(r => r.name).sort();
	expect(names).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
});

test('R21: a push of 450 creates is 3 collection requests', async () => {
	await enableSync(deps, {identity: sf.identityValue});
	await cycle();
	for (let i = 0; i < 450; i++) await addReminder(db, {name: `r${i}`}, {now: sf.now});
	sf.calls.length = 0;
	const result = await cycle();
	expect(result.pushed).toBe(450);
	expect(sf.calls).toEqual(['identity', 'query', 'createTasks', 'createTasks', 'createTasks']);
});

test('R19: one refused record is parked with a hint; the rest of its batch goes through', async () => {
	await enableSync(deps, {identity: sf.identityValue});
	await cycle();
	await addReminder(db, {name: 'fine'}, {now: sf.now});
	const bad = await addReminder(db, {name: 'refused'}, {now: sf.now});
	sf.refuse = write => (write.Subject === 'refused' ? 'INSUFFICIENT_ACCESS_OR_READONLY' : undefined);
	await cycle();
	expect([...sf.tasks.values()].map(t => t.Subject)).toEqual(['fine']);
	const [parked] = await remindersInError(db, P);
	expect(parked?.id).toBe(bad.id);
	expect(parked?.error?.hint).toMatch(/admin/);
});

test('R2: another identity pauses before any query', async () => {
	await enableSync(deps, {identity: sf.identityValue});
	sf.identityValue = {...sf.identityValue, userId: '005000000000002AAA'};
	expect((await cycle()).outcome).toBe('paused');
	expect(sf.calls).toEqual(['identity']);
	expect((await db.partitions.get(P))?.status.pauseReason).toBe('other-identity');
});

test('R16: a later local edit beats an earlier Salesforce edit of the same field and is pushed', async () => {
	const task = sf.createTask({Subject: 'x', Description: 'base'});
	await enableSync(deps, {identity: sf.identityValue});
	await cycle();
	const reminder = (await db.reminders.toArray())[0];
	Object.assign(task, {Description: 'theirs', modified: ++sf.now});
	sf.now += 10;
	await editReminder(db, reminder?.id ?? '', {details: 'mine'}, {now: sf.now});
	const result = await cycle();
	expect(result.conflicts).toBe(1);
	expect(sf.tasks.get(task.Id)?.Description).toBe('mine');
	expect((await db.conflicts.toArray())[0]).toMatchObject({winner: 'local', overwritten: 'theirs', kept: 'mine'});
});
