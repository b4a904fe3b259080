/** Clocks for tests: no real sleeps (engineering guide §5). */
import type {Clock} from '@/background/sync/engine-ports.js';

export type FakeClock = Clock & {set(ms: number): void; advance(ms: number): void};

export function createFakeClock(startMs = Date.parse('2026-03-05T09:00:00Z')): FakeClock {
	let now = startMs;
	return {
		now: () => now,
		set: ms => {
			now = ms;
		},
		advance: ms => {
			now += ms;
		},
	};
}

/** A local clock that follows another (e.g. the local org's) with a fixed skew: models a wrong PC clock. */
export function skewedClock(source: {nowMs(): number}, skewMs: number): Clock {
	return {now: () => source.nowMs() + skewMs};
}
