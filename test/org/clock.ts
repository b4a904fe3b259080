// The org's clock: every timestamp the org writes (audit fields, replication windows, session expiry,
// API-usage window, HTTP Date header) comes from here, so tests can cover 24 h / 15 d / 30 d windows
// without sleeping (issue 3 "Time").

export type Clock = {
	now(): Date;
	nowMs(): number;
	set(d: Date): void;
	advance(ms: number): void;
};

/**
 * A clock that runs with real time from a settable origin: `set()` pins "now" to a value, after which it
 * keeps ticking at real speed (so consecutive writes still get increasing SystemModstamps), unless
 * `frozen` is true, in which case it only moves when set/advanced.
 */
export function createClock(initial?: Date, frozen = false): Clock {
	let offset = initial ? initial.getTime() - Date.now() : 0;
	let fixed: number | undefined = frozen ? (initial ?? new Date()).getTime() : undefined;
	const nowMs = (): number => (fixed !== undefined ? fixed : Date.now() + offset);
	return {
		nowMs,
		now: () => new Date(nowMs()),
		set(d) {
			if (fixed !== undefined) fixed = d.getTime();
			else offset = d.getTime() - Date.now();
		},
		advance(ms) {
			if (fixed !== undefined) fixed += ms;
			else offset += ms;
		},
	};
}
