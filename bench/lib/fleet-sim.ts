import {budgetState} from '../../src/background/runner/cadence.js';
import {readyToPushCount} from '../../src/shared/store/queries.js';
import type {Partition} from '../../src/shared/store/schema.js';
import {countedRequests, createRepRig, httpRequests, taskFields} from './engine-rig.js';
import {generateDay} from './fleet-day.js';
import {allowanceFor, startFleetOrg} from './fleet-org.js';
import {FleetRep} from './fleet-rep.js';
import {inPool} from './pool.js';

/**
 * A workday of many reps (bench/lib/fleet-day.ts) against ONE local org, under the worker's schedule, in
 * compressed time. Each rep is the real engine + jsforce + its own fake-indexeddb (bench/lib/engine-rig.ts).
 * The org's clock is frozen and moved by the loop in 5-second ticks: a tick applies its events (Salesforce
 * edits at their exact time, local edits, page visits, popup opens), then runs every cycle that was
 * requested or whose alarm fell due, at the tick's end. Freshness is measured from a Salesforce edit to the
 * cycle that brought it into the rep's store, so it is overstated by up to one tick.
 *
 * Idle cycles — no Salesforce edit for that rep and no local change since its last cycle, last cycle ok,
 * budget normal — are most of the day (~85 %). `idle: 'run'` runs every one through the engine. `idle:
 * {sampleEvery: n}` runs each rep's 1st, (n+1)th, (2n+1)th … idle cycle through the engine and charges the
 * others what that rep's latest sampled idle cycle cost (the org's allowance is charged, the schedule
 * advances as after that cycle). test/bench/fleet-equivalence.int.test.ts runs a small fleet both ways and
 * checks they give the same request counts, so the sampled figure is the full one.
 */

export const DAY_START = Date.parse('2026-03-05T00:00:00.000Z');
export const TICK_MS = 5000;
const CONCURRENCY = 10;
const TASKS_PER_REP = 30;

export type IdleMode = 'run' | {sampleEvery: number};

/**
 * The org the fleet works in (issue 23): the share of its daily allowance the rest of the org — other
 * integrations, users, automation — uses. The allowance is a trailing 24-hour window and every day is alike,
 * so the rest's requests stand in the window at a constant level all day: they are added once, before the
 * fleet enables sync, and nothing ages out within the simulated day.
 */
export type FleetOrgLoad = {name: string; restShare: number};
export const QUIET_ORG: FleetOrgLoad = {name: 'quiet', restShare: 0.2};
export const BUSY_ORG: FleetOrgLoad = {name: 'busy', restShare: 0.7};

export type FleetDay = {
	reps: number;
	members: FleetRep[];
	/** Requests the org's allowance was charged during the day (its log for cycles run + the charged ones). */
	charged: number;
	/** The allowance counter's own difference over the day (must equal `charged`). */
	allowanceUsed: number;
	allowance: number;
	/** The rest of the org's requests in the window all day (FleetOrgLoad), and the window's peak (rest + fleet). */
	restUsed: number;
	peakUsed: number;
	/** Every HTTP request the org received during the day (cycles run only; charged cycles send none). */
	http: number;
	/** What the engines reported for the cycles they ran (their ports count every request sent). */
	engineCounted: number;
	engineCycles: number;
	failedCycles: number;
	/** Idle cycles run through the engine: how many, their requests, and how many cost other than 1 request. */
	idleRun: {cycles: number; http: number; offCost: number};
	/** Idle cycles charged without running, and the requests charged for them. */
	idleCharged: {cycles: number; requests: number};
	/** Freshness delays in ms, one per Salesforce edit that reached a store. */
	delays: number[];
	/** The same, by where the edit was made (issue 14). */
	delaysBySource: {'same-browser': number[]; elsewhere: number[]};
	remoteEdits: number;
	localEdits: number;
	wallSeconds: number;
	/** Closes every rep's store (read them — e.g. for unsynced edits — before). */
	close(): void;
};

/** `hours`: stop that long after the first browser opens (a shorter day for the CI-sized check). */
export async function simulateFleetDay(
	reps: number,
	idle: IdleMode,
	options: {hours?: number; load?: FleetOrgLoad} = {},
): Promise<FleetDay> {
	const wallStarted = performance.now();
	const fleet = await startFleetOrg(reps, new Date(DAY_START + 6 * 3_600_000));
	const members: FleetRep[] = [];
	const allowance = allowanceFor(reps);
	// Before the reps enable sync, so every answer they get — the first included — carries the org's real usage.
	const restUsed = Math.round((options.load?.restShare ?? 0) * allowance);
	fleet.org.usage.add(restUsed);
	// Real polls keep the Salesforce session alive; charged idle cycles send no HTTP and would not, so the
	// org's 2-hour idle timeout is lifted for the day (the same in both modes, so they stay comparable).
	fleet.org.setSessionTimeouts({idleMs: 24 * 3_600_000});
	try {
		// Yesterday's Tasks, then every rep enables sync at 07:00 (setup, not counted in the day).
		for (const user of fleet.reps)
			for (let index = 0; index < TASKS_PER_REP; index++) fleet.org.createTask(user.id, taskFields(index));
		const setupAt = DAY_START + 7 * 3_600_000;
		fleet.setTime(setupAt);
		let simNow = setupAt;
		const clock = {now: () => simNow};
		await inPool(fleet.reps, CONCURRENCY, async user => {
			const index = fleet.reps.indexOf(user);
			const rig = createRepRig(fleet, user.id, clock);
			await rig.enable();
			const first = await rig.sync('manual');
			if (first.outcome !== 'ok')
				throw new Error(`rep ${index}: first sync ${first.outcome} ${JSON.stringify(first.errors)}`);
			const partition = (await rig.db.partitions.get(rig.partition))!;
			const member = new FleetRep(index, rig, generateDay(index + 1, DAY_START), partition);
			member.taskIds.push(...fleet.org.listTasks({ownerId: user.id}).map(task => task.Id));
			members[index] = member;
		});

		fleet.org.resetRequestLog();
		const usageBefore = fleet.org.apiUsage().used;
		const day: Omit<FleetDay, 'charged' | 'allowanceUsed' | 'http' | 'wallSeconds' | 'close'> = {
			reps,
			members,
			allowance,
			restUsed,
			peakUsed: usageBefore,
			engineCounted: 0,
			engineCycles: 0,
			failedCycles: 0,
			idleRun: {cycles: 0, http: 0, offCost: 0},
			idleCharged: {cycles: 0, requests: 0},
			delays: [],
			delaysBySource: {'same-browser': [], elsewhere: []},
			remoteEdits: 0,
			localEdits: 0,
		};
		let markers = 0;
		const marker = () => `fleet edit ${markers++}`;
		const first = Math.min(...members.map(member => member.day.open));
		const close = Math.max(...members.map(member => member.day.close));
		const last = options.hours === undefined ? close : Math.min(close, first + options.hours * 3_600_000);

		const chargeIdle = (member: FleetRep, cost: number): void => {
			fleet.org.usage.add(cost);
			const usage = fleet.org.apiUsage();
			// What the cycle's Sforce-Limit-Info would have told the engine (engine.ts: apiUsage at clock.now()).
			member.partition = {...member.partition, apiUsage: {...usage, at: simNow}} satisfies Partition;
			member.requests += cost;
			day.idleCharged.cycles++;
			day.idleCharged.requests += cost;
		};

		const runCycle = async (member: FleetRep): Promise<void> => {
			const trigger = member.requested ?? 'alarm';
			member.requested = undefined;
			const quiet = member.pendingRemote.length === 0 && member.pendingLocal === 0 && member.lastOutcomeOk;
			const isIdle = quiet && budgetState(member.partition.apiUsage) === 'normal';
			const sampled =
				idle === 'run' || !isIdle || member.idleCycles % idle.sampleEvery === 0 || member.idleCost === undefined;
			if (isIdle) member.idleCycles++;
			const before = member.requests;
			if (isIdle && !sampled) {
				chargeIdle(member, member.idleCost!);
			} else {
				const result = await member.rig.sync(trigger);
				day.engineCycles++;
				day.engineCounted += result.apiRequests;
				member.requests += result.apiRequests;
				member.lastOutcomeOk = result.outcome === 'ok';
				if (!member.lastOutcomeOk) day.failedCycles++;
				member.partition = (await member.rig.db.partitions.get(member.rig.partition))!;
				if (isIdle) {
					// The engine's port counted every request this idle cycle sent (userinfo included).
					day.idleRun.cycles++;
					day.idleRun.http += result.apiRequests;
					if (result.apiRequests !== 1) day.idleRun.offCost++;
					member.idleCost = result.apiRequests;
				}

				if (member.pendingLocal > 0)
					member.pendingLocal = await readyToPushCount(member.rig.db, member.rig.partition, simNow);
				if (member.pendingRemote.length > 0) {
					for (const arrival of await member.collectArrivals(simNow)) {
						day.delays.push(arrival.ms);
						day.delaysBySource[arrival.source].push(arrival.ms);
					}
				}
			}

			member.cycles.push({at: simNow, trigger, idle: isIdle, requests: member.requests - before});
			member.lastCycleAt = simNow;
			member.reschedule(simNow);
		};

		for (let tick = first; tick <= last + TICK_MS; tick += TICK_MS) {
			const end = tick + TICK_MS;
			for (const member of members) {
				const events = member.day.events;
				while (member.eventIndex < events.length && events[member.eventIndex]!.at < end) {
					const event = events[member.eventIndex++]!;
					simNow = event.at;
					await member.handle(event, fleet, marker);
				}

				if (member.isOpen && member.alarmAt !== undefined && member.alarmAt < end) member.request('alarm');
			}

			const due = members.filter(member => member.requested !== undefined);
			if (due.length === 0) continue;
			simNow = end;
			fleet.setTime(end);
			await inPool(due, CONCURRENCY, runCycle);
			day.peakUsed = Math.max(day.peakUsed, fleet.org.apiUsage().used);
		}

		day.remoteEdits = members.reduce((sum, member) => sum + member.remoteEdits, 0);
		day.localEdits = members.reduce((sum, member) => sum + member.localEdits, 0);
		return {
			...day,
			charged: countedRequests(fleet) + day.idleCharged.requests,
			allowanceUsed: fleet.org.apiUsage().used - usageBefore,
			http: httpRequests(fleet),
			wallSeconds: (performance.now() - wallStarted) / 1000,
			close() {
				for (const member of members) member.rig.close();
			},
		};
	} catch (error) {
		for (const member of members) member.rig.close();
		throw error;
	} finally {
		await fleet.close();
	}
}
