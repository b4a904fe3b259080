import {Org, type OrgUser} from '../../test/org/index.js';
import {startTransport} from '../../test/org/http.js';
import type {LocalOrg} from '../../test/org/index.js';

/**
 * One local org for the whole fleet, on a frozen clock the simulation moves (no real waiting), with an
 * Enterprise-like allowance of 100,000 + 1,000 per user (issue 6). The fleet's reps are the org's own users
 * (`org.addUser`, made as `rep` and `rep2` are), so sessions and Task ownership work for them as for the rep.
 */
export type FleetOrg = LocalOrg & {
	reps: OrgUser[];
	/** Moves the org's frozen clock (see setTime below for why not `org.clock.set` directly). */
	setTime(ms: number): void;
};

export function allowanceFor(users: number): number {
	return 100_000 + 1000 * users;
}

export async function startFleetOrg(reps: number, start: Date): Promise<FleetOrg> {
	const org = new Org({now: start, frozenClock: true, apiDailyLimit: allowanceFor(reps)});
	const fleet = Array.from({length: reps}, (_, index) =>
		org.addUser('Fleet', `Rep ${index}`, `fleet${index}`, 'Europe/Rome', 'it_IT'),
	);

	const transport = await startTransport(org, 0);
	// Every clock move resets the org's once-a-minute guard on maintain() (recycle-bin purge + archive sweep
	// over every Task), so a fleet moving the clock ~10,000 times would sweep 15,000 Tasks each time — most
	// of the run's CPU. Nothing ages into the archive or out of the 15-day recycle bin within one day, so the
	// fleet lets the sweep run once per simulated hour and marks the org maintained otherwise.
	let sweptAt = Number.NEGATIVE_INFINITY;
	const setTime = (ms: number) => {
		org.clock.set(new Date(ms));
		const now = org.clock.nowMs(); // whole milliseconds: Date drops the fraction of `ms`
		if (now - sweptAt >= 3_600_000 || now < sweptAt) sweptAt = now;
		else org.markMaintained();
	};

	return {url: transport.url, org, reps: fleet, setTime, close: async () => transport.close()};
}
