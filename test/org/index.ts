// Programmatic entry point: `startLocalOrg()` — the contract other engineers code against (issue 3).

import {startTransport} from './http.js';
import {Org} from './org.js';
import {loadOrg, persist, saveOrg} from './persistence.js';
import {generateTasks, seedDemo} from './seed.js';

export {Org} from './org.js';
export type {OrgUser, RequestLogEntry, TaskRow, WriteOptions} from './org.js';
export type {FaultSettings, FaultKind} from './api/faults.js';
export type {SessionKind} from './records/sessions.js';
export type {TaskStatusValue, TaskPriorityValue} from './records/picklists.js';
export {formatDateTime} from './soql/dates.js';
export {normalizeId, to18} from './records/ids.js';
export {generateTasks, seedDemo} from './seed.js';
export {measureQueryPage} from './measure.js';

export type LocalOrgOptions = {
	/** Default 0 = a random free port on 127.0.0.1. */
	port?: number;
	/** 'demo' = the demo data set; a number = generate that many Tasks for the rep (benchmarks); default 'none'. */
	seed?: 'demo' | 'none' | number;
	/** Persist the org to this JSON file (debounced, and on close) and reload it on start. */
	dataFile?: string;
	/** Initial org clock; default real now. */
	now?: Date;
	/** Default 100,000 + 1,000 × user licences (Enterprise Edition, salesforce-facts.md §6). */
	apiDailyLimit?: number;
	/** true: the org clock only moves through clock.set/advance (default: it ticks at real speed from `now`). */
	frozenClock?: boolean;
	/** Host to bind; default 127.0.0.1. */
	host?: string;
	/** The demo rep's time zone (IANA); default Europe/Rome. */
	repTimeZone?: string;
};

export type LocalOrg = {
	/** 'http://127.0.0.1:PORT' */
	url: string;
	/** The in-memory model, for direct inspection/manipulation from tests in the same process. */
	org: Org;
	close(): Promise<void>;
};

export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
	const org = new Org({
		...(options.now ? {now: options.now} : {}),
		...(options.apiDailyLimit !== undefined ? {apiDailyLimit: options.apiDailyLimit} : {}),
		...(options.frozenClock !== undefined ? {frozenClock: options.frozenClock} : {}),
		...(options.repTimeZone !== undefined ? {repTimeZone: options.repTimeZone} : {}),
	});
	// A data file, when it exists, wins over the seed: the org "survives restarts".
	const loaded = options.dataFile ? loadOrg(org, options.dataFile) : false;
	if (!loaded) {
		if (options.seed === 'demo') seedDemo(org);
		else if (typeof options.seed === 'number') generateTasks(org, options.seed);
	}
	const saver = options.dataFile ? persist(org, options.dataFile) : undefined;
	if (options.dataFile && !loaded) saveOrg(org, options.dataFile);
	const transport = await startTransport(org, options.port ?? 0, options.host ?? '127.0.0.1');
	return {
		url: transport.url,
		org,
		close: async () => {
			await transport.close();
			saver?.stop();
		},
	};
}
