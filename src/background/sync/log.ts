/** Logs for the engine (convention 14): error/info/debug; structured data only, never values or tokens. */
import type {Log, LogData} from './engine-ports.js';

export const silentLog: Readonly<Log> = {error() {}, info() {}, debug() {}};

/** Only keys on this list are printed; anything else (a future field value by mistake) is dropped. */
const SAFE_KEYS: readonly string[] = Object.freeze([
	'partition',
	'trigger',
	'code',
	'class',
	'count',
	'pulled',
	'pushed',
	'deleted',
	'conflicts',
	'apiRequests',
	'reminderId',
	'attempt',
	'delayMs',
	'reason',
	'phase',
	'outcome',
	'pages',
	'removed',
	'used',
	'limit',
]);

export function consoleLog(options: {debug?: boolean} = {}): Log {
	const clean = (data?: LogData) =>
		Object.fromEntries(Object.entries(data ?? {}).filter(([key]) => SAFE_KEYS.includes(key)));
	return {
		// eslint-disable-next-line no-console -- this is the log port's sink
		error: (event, data) => console.error(`[tickler] ${event}`, clean(data)),
		// eslint-disable-next-line no-console -- this is the log port's sink
		info: (event, data) => console.info(`[tickler] ${event}`, clean(data)),
		debug: (event, data) => {
			// eslint-disable-next-line no-console -- this is the log port's sink
			if (options.debug) console.debug(`[tickler] ${event}`, clean(data));
		},
	};
}
