/**
 * Integration harness: the local org over HTTP, the real jsforce adapter, the real engine, Dexie on a new
 * fake-indexeddb factory. Used by the rule tests and the model-based test.
 */
import {IDBFactory, IDBKeyRange} from 'fake-indexeddb';
import {createJsforcePort} from '@/background/salesforce/jsforce-adapter.js';
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import {disableSync, enableSync} from '@/background/sync/enable.js';
import {runSyncCycle, type SyncCycleResult} from '@/background/sync/engine.js';
import {createMemoryLock} from '@/background/sync/lock.js';
import {silentLog} from '@/background/sync/log.js';
import type {Clock, Lock, SyncDeps} from '@/background/sync/engine-ports.js';
import {openTicklerDb, type TicklerDb} from '@/shared/store/open-db.js';
import type {Partition, Reminder, SyncTrigger} from '@/shared/store/schema.js';
import {startLocalOrg, type LocalOrg} from '../org/index.js';
import {skewedClock} from '../fakes/clock.js';
import {notificationsGranted} from '@/shared/notifications-permission.js';

export const START = new Date('2026-03-05T09:00:00.000Z');

export type Harness = {
	local: LocalOrg;
	org: LocalOrg['org'];
	db: TicklerDb;
	clock: Clock;
	partition: string;
	repId: string;
	sid: string;
	sf: SalesforcePort | null;
	/**
	 * Client timeout of ports made from now on, in real ms. Only a held response (the org's timeout fault)
	 * should ever reach it: the default is generous because a slow or loaded machine (a 2-core CI runner)
	 * can take over a second to answer a 2,000-row page while the previous page is being written, and a
	 * short default turned that answered request into a NETWORK_ERROR. A test of the timeout fault gives
	 * only the held request a short timeout (newPort's timeoutMs, routeCalls in port-wrappers.ts).
	 */
	timeoutMs: number;
	lock: Lock;
	deps(): SyncDeps;
	/** A port with this session (default: the harness's) and client timeout (default: timeoutMs). */
	newPort(sid?: string, timeoutMs?: number): SalesforcePort;
	enable(): Promise<Partition>;
	disable(): Promise<void>;
	sync(trigger?: SyncTrigger): Promise<SyncCycleResult>;
	/** A fresh session and port, e.g. after the org clock moved past the session timeout. */
	signIn(): void;
	/** Simulates the browser closing and opening again: the same IndexedDB, a new connection. */
	reopenDb(): void;
	/** Simulates a worker restart: a new port (same session), a new lock, the same database. */
	restart(): void;
	reminders(): Promise<Reminder[]>;
	/** The visible reminder with this name; throws when there is none. */
	reminderNamed(name: string): Promise<Reminder>;
	repTasks(): ReturnType<LocalOrg['org']['listTasks']>;
	/** The rep's Task with this Subject; throws when there is none. */
	repTaskNamed(subject: string): ReturnType<LocalOrg['org']['listTasks']>[number];
	close(): Promise<void>;
};

/** See Harness.timeoutMs: far above any answered request, well below the 30 s test timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

let dbCounter = 0;

export async function startHarness(
	options: {now?: Date; skewMs?: number; apiDailyLimit?: number; timeoutMs?: number} = {},
): Promise<Harness> {
	const local = await startLocalOrg({
		now: options.now ?? START,
		...(options.apiDailyLimit === undefined ? {} : {apiDailyLimit: options.apiDailyLimit}),
	});
	const org = local.org;
	const clock = skewedClock({nowMs: () => org.clock.nowMs()}, options.skewMs ?? 0);
	const factory = new IDBFactory();
	const dbName = `tickler-int-${dbCounter++}`;
	const repId = org.users.rep.id;
	const newPort = (sid = h.sid, timeoutMs = h.timeoutMs) =>
		createJsforcePort({
			instanceUrl: local.url,
			accessToken: sid,
			now: () => clock.now(),
			timeoutMs,
		});
	const h: Harness = {
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		local,
		org,
		clock,
		repId,
		db: openTicklerDb({name: dbName, indexedDB: factory, IDBKeyRange}),
		partition: `${org.orgId}:${repId}`,
		sid: org.createSession(repId, 'api'),
		sf: null,
		lock: createMemoryLock(),
		// notificationsGranted: the fake browser's permission (R32's fallback; notifications-permission.int).
		deps: () => ({
			db: h.db,
			salesforce: h.sf,
			clock,
			lock: h.lock,
			log: silentLog,
			random: () => 0.5,
			notificationsGranted,
		}),
		newPort,
		async enable() {
			if (!h.sf) throw new Error('no port');
			return enableSync(h.deps(), {identity: await h.sf.identity()});
		},
		async disable() {
			await disableSync(h.deps(), h.partition);
		},
		async sync(trigger = 'manual') {
			return runSyncCycle(h.deps(), {partition: h.partition, trigger});
		},
		signIn() {
			h.sid = org.createSession(repId, 'api');
			h.sf = newPort();
		},
		restart() {
			h.sf = newPort();
			h.lock = createMemoryLock();
		},
		async reminders() {
			return (await h.db.reminders.where('partition').equals(h.partition).toArray()).filter(
				r => r.deletedAt === undefined,
			);
		},
		async reminderNamed(name) {
			const found = (await h.reminders()).find(r => r.name === name);
			if (!found) throw new Error(`no reminder ${name}`);
			return found;
		},
		repTasks: () => org.listTasks({ownerId: repId}),
		repTaskNamed(subject) {
			const found = org.listTasks({ownerId: repId}).find(t => t.Subject === subject);
			if (!found) throw new Error(`no Task ${subject}`);
			return found;
		},
		reopenDb() {
			h.db.close();
			h.db = openTicklerDb({name: dbName, indexedDB: factory, IDBKeyRange});
		},
		async close() {
			h.db.close();
			await local.close();
		},
	};
	h.sf = newPort();
	return h;
}
