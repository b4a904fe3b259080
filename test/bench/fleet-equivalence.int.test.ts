import {expect, test} from 'vitest';
import {SAMPLE_EVERY} from '../../bench/metrics/fleet.js';
import {BUSY_ORG, type FleetDay, QUIET_ORG, simulateFleetDay} from '../../bench/lib/fleet-sim.js';

/**
 * The fleet benchmark (bench/metrics/fleet.ts) runs 1 idle cycle in SAMPLE_EVERY per rep through the engine
 * and charges the others at the measured cost; 500 reps run fully would not fit its time budget. This is
 * the CI-sized proof that the shortcut is not a guess: a small fleet's whole day is simulated twice — once
 * with every cycle run through the real engine + jsforce + Dexie against the local org, once as the
 * benchmark runs it — and the request counts (R21) and freshness (R13) must be the same. In both of the
 * benchmark's orgs (issue 23): the schedule reads the org's usage from every answer (R56), so a charged
 * cycle must leave the rep's view of it as a run one would — which the busy org's stretched cadence shows.
 */

// Big enough to hold every kind of cycle (idle alarms, popup and page-visit glances, local and Salesforce
// edits, change signals), small enough for `npm test`: four reps, their whole day (issue 14's slower cadence
// has about a quarter of the idle polls the minute cadence had, so two reps for four hours no longer held 50).
const REPS = 4;
const HOURS = 11;

function summary(day: FleetDay) {
	return {
		charged: day.charged,
		allowanceUsed: day.allowanceUsed,
		perRep: day.members.map(member => member.requests),
		delays: day.delays.toSorted((a, b) => a - b),
		sameBrowser: day.delaysBySource['same-browser'].toSorted((a, b) => a - b),
		elsewhere: day.delaysBySource.elsewhere.toSorted((a, b) => a - b),
		cycles: day.members.map(member => member.cycles),
		unsynced: day.members.map(member => member.pendingRemote.length),
		failedCycles: day.failedCycles,
		peakUsed: day.peakUsed,
	};
}

test.each([QUIET_ORG, BUSY_ORG])(
	'R21/R13/R56: in the $name org, the fleet benchmark’s sampled-and-charged idle cycles give the same counts as running every cycle',
	{timeout: 600_000},
	async load => {
		const full = await simulateFleetDay(REPS, 'run', {hours: HOURS, load});
		full.close();
		const sampled = await simulateFleetDay(REPS, {sampleEvery: SAMPLE_EVERY}, {hours: HOURS, load});
		sampled.close();

		// The full run ran every cycle; the idle ones each cost exactly one request (R21), and the org's log
		// agrees with what the engines counted.
		expect(full.idleCharged.cycles).toBe(0);
		expect(full.idleRun.cycles).toBeGreaterThan(50);
		expect(full.idleRun.offCost).toBe(0);
		expect(full.http).toBe(full.engineCounted);
		expect(full.failedCycles).toBe(0);

		// The day held work, and the benchmark's model did charge most idle cycles without running them, so the
		// comparison tests it.
		expect(full.remoteEdits).toBeGreaterThan(0);
		expect(full.localEdits).toBeGreaterThan(0);
		expect(full.delays.length).toBeGreaterThan(0);
		// Issue 14: both kinds of Salesforce edit, and cycles started by the change signal.
		expect(full.delaysBySource['same-browser'].length).toBeGreaterThan(0);
		expect(full.delaysBySource.elsewhere.length).toBeGreaterThan(0);
		expect(full.members.flatMap(member => member.cycles).some(cycle => cycle.trigger === 'salesforce-save')).toBe(true);
		expect(sampled.idleCharged.cycles).toBeGreaterThan(sampled.idleRun.cycles);
		// The rest of the org's usage stood in the window all day, and the fleet's came on top of it.
		expect(full.restUsed).toBe(Math.round(load.restShare * full.allowance));
		expect(full.peakUsed).toBeGreaterThanOrEqual(full.restUsed + full.allowanceUsed);
		expect(summary(sampled)).toEqual(summary(full));
	},
);
