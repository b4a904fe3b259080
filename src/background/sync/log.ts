/** Logs for the engine (convention 14): error/info/debug; structured data only, never values or tokens. */
import type {Log, LogData} from './ports.js';

export const silentLog: Log = {error() {}, info() {}, debug() {}};

/** Only keys on this list are printed; anything else (a future field value by mistake) is dropped. */
const SAFE_KEYS = new Set([
	'partition', 'trigger', 'code', 'class', 'count', 'pulled', 'pushed', 'deleted', 'conflicts', 'apiRequests', 'reminderId',
	'attempt', 'delayMs', 'reason', 'phase', 'outcome', 'pages', 'removed', 'used', 'limit',
]);

export function consoleLog(options: {debug?: boolean} = {}): Log {
	const clean = (data?: LogData) => Object.fromEntries(Object.entries(data ?? {}).filter(([key]) => SAFE_KEYS.has(key)));
	return {
		error: (event, data) => console.error(`[tickler] ${event}`, clean(data)),
		info: (event, data) => console.info(`[tickler] ${event}`, clean(data)),
		debug: (event, data) => {
			if (options.debug) console.debug(`[tickler] ${event}`, clean(data));
		},
	};
}
