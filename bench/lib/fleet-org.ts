import {Org, type OrgUser} from '../../test/org/index.js';
import {startTransport} from '../../test/org/http.js';
import type {LocalOrg} from '../../test/org/index.js';

/**
 * One local org for the whole fleet, on a frozen clock the simulation moves (no real waiting), with an
 * Enterprise-like allowance of 100,000 + 1,000 per user (issue 6).
 *
 * The org has three users and no public way to add more yet, so the fleet registers its reps through the
 * org's own (private) `addUser` — the same code path that makes `rep` and `rep2` — and lists them in
 * `org.users`, which `org.user(id)` and authentication search. Remove this once test/org offers a public
 * `addUser`; the assertion below fails loudly if the org's internals change.
 */
export type FleetOrg = LocalOrg & {
	reps: OrgUser[];
	/** Moves the org's frozen clock (see setTime below for why not `org.clock.set` directly). */
	setTime(ms: number): void;
};

type AddUser = (firstName: string, lastName: string, key: string, timeZone: string, locale: string) => OrgUser;

export function allowanceFor(users: number): number {
	return 100_000 + 1000 * users;
}

export async function startFleetOrg(reps: number, start: Date): Promise<FleetOrg> {
	const org = new Org({now: start, frozenClock: true, apiDailyLimit: allowanceFor(reps)});
	const addUser = (org as unknown as {addUser: AddUser}).addUser.bind(org);
	const users = org.users as unknown as Record<string, OrgUser>;
	const fleet: OrgUser[] = [];
	for (let index = 0; index < reps; index++) {
		const key = `fleet${index}`;
		const user = addUser('Fleet', `Rep ${index}`, key, 'Europe/Rome', 'it_IT');
		users[key] = user;
		if (org.user(user.id) !== user) throw new Error('the local org no longer finds users added this way');
		fleet.push(user);
	}

	const transport = await startTransport(org, 0);
	// Every clock move resets the org's once-a-minute guard on maintain() (recycle-bin purge + archive sweep
	// over every Task), so a fleet moving the clock ~10,000 times would sweep 15,000 Tasks each time — most
	// of the run's CPU. Nothing ages into the archive or out of the 15-day recycle bin within one day, so the
	// fleet lets the sweep run once per simulated hour and restores the guard otherwise.
	const guard = org as unknown as {lastMaintenance: number};
	let sweptAt = Number.NEGATIVE_INFINITY;
	const setTime = (ms: number) => {
		org.clock.set(new Date(ms));
		const now = org.clock.nowMs(); // whole milliseconds: Date drops the fraction of `ms`
		if (now - sweptAt >= 3_600_000 || now < sweptAt) sweptAt = now;
		else guard.lastMaintenance = now;
	};

	return {url: transport.url, org, reps: fleet, setTime, close: async () => transport.close()};
}
