/**
 * The engine's ports besides Salesforce (engineering guide §4): the clock, the lock and the log. The
 * engine holds no module state; everything arrives in SyncDeps, so many partitions (a fleet of simulated
 * reps) can run in one process.
 */
import type {SalesforcePort} from '@/background/salesforce/salesforce-port.js';
import type {TicklerDb} from '@/shared/store/open-db.js';

export type Clock = {now(): number};

export const systemClock: Readonly<Clock> = {now: () => Date.now()};

/** One cycle at a time per partition (issue 4), across the worker and the extension pages. */
export type Lock = {
	tryRun<T>(name: string, fn: () => Promise<T>): Promise<{ran: true; value: T} | {ran: false}>;
};

/** Structured details only: counts, codes, local ids. Never field values or session ids (convention 14). */
export type LogData = Record<string, string | number | boolean | undefined>;

export type Log = {
	error(event: string, data?: LogData): void;
	info(event: string, data?: LogData): void;
	debug(event: string, data?: LogData): void;
};

export type SyncDeps = {
	db: TicklerDb;
	/** null when there is no usable session (no `sid` cookie): the cycle pauses (R20). */
	salesforce: SalesforcePort | null;
	clock: Clock;
	lock: Lock;
	log: Log;
	/** [0, 1), for backoff jitter; injected so tests are deterministic. */
	random?: () => number;
	/**
	 * R32: whether this computer may show Tickler's notifications (the optional permission). Without it the
	 * engine writes reminder times with Salesforce's own reminder on (who-alerts.ts). Absent = granted.
	 */
	notificationsGranted?: () => Promise<boolean>;
};
