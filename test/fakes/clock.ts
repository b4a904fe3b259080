/** Clocks for tests: no real sleeps (engineering guide §5). */
import type {Clock} from '@/background/sync/engine-ports.js';

/** A local clock that follows another (e.g. the local org's) with a fixed skew: models a wrong PC clock. */
export function skewedClock(source: {nowMs(): number}, skewMs: number): Clock {
	return {now: () => source.nowMs() + skewMs};
}
