import {budgetState} from '../../src/background/schedule/scheduler.js';
import type {Partition} from '../../src/shared/store/schema.js';
import {countedRequests, createRepRig, taskFields} from '../lib/engine-rig.js';
import {generateDay} from '../lib/fleet-day.js';
import {allowanceFor, startFleetOrg} from '../lib/fleet-org.js';
import {FleetRep} from '../lib/fleet-rep.js';
import {inPool} from '../lib/pool.js';
import {percentile, round} from '../lib/stats.js';
import {fleetPeerEstimates} from '../peers.js';
import type {FamilyResult} from '../report.js';
import {readyToPushCount} from '../../src/shared/store/queries.js';

/**
 * fleet.<reps>.requestsPerRepPerDay, fleet.<reps>.orgUsagePct, fleet.freshness.p95.s (issue 6): a workday
 * of many reps (bench/lib/fleet-day.ts) against ONE local org, under the default schedule, in compressed
 * time. Each rep is the real engine + jsforce + its own fake-indexeddb. The org's clock is frozen and moved
 * by the loop in 5-second ticks: a tick applies its events (Salesforce edits at their exact time, local
 * edits, page visits, popup opens), then runs every cycle that was requested or whose alarm fell due, at
 * the tick's end. Freshness is measured from a Salesforce edit to the cycle that brought it into the
 * rep's store, so it is overstated by up to one tick.
 *
 * One simplification keeps 500 reps within the 10-minute budget: an alarm cycle with provably nothing to
 * do (no Salesforce edit for that rep and no local change since its last cycle, normal budget) — an alarm,
 * a page visit or a popup opening alike — is not run
 * through the engine; the org's allowance is charged the one request such a poll costs
 * (api.idlePoll.requests measures that this is 1), and the schedule advances as after an idle cycle.
 * `--full-fleet` runs every cycle through the engine instead, to check the shortcut (much slower).
 */

const DAY_START = Date.parse('2026-03-05T00:00:00.000Z');
const TICK_MS = 5000;
const CONCURRENCY = 10;
const TASKS_PER_REP = 30;

export async function measureFleet(reps: number, fullFleet = false): Promise<FamilyResult> {
	const wallStarted = performance.now();
	const fleet = await startFleetOrg(reps, new Date(DAY_START + 6 * 3_600_000));
	const allowance = allowanceFor(reps);
	// Every real poll and every page the rep opens keeps the Salesforce session alive; the idle polls this
	// loop charges without HTTP do not touch it, so the org's 2-hour idle timeout is lifted for the day.
	fleet.org.setSessionTimeouts({idleMs: 24 * 3_600_000});
	try {
		// Yesterday's Tasks, then every rep enables sync at 07:00 (setup, not counted in the day).
		for (const user of fleet.reps)
			for (let index = 0; index < TASKS_PER_REP; index++) fleet.org.createTask(user.id, taskFields(index));
		const setupAt = DAY_START + 7 * 3_600_000;
		fleet.setTime(setupAt);
		let simNow = setupAt;
		const clock = {now: () => simNow};
		const members: FleetRep[] = [];
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
		const delays: number[] = [];
		let fastCycles = 0;
		let fullCycles = 0;
		let failedCycles = 0;
		let engineCounted = 0;
		let markers = 0;
		const marker = () => `fleet edit ${markers++}`;
		const first = Math.min(...members.map(member => member.day.open));
		const last = Math.max(...members.map(member => member.day.close));

		const runCycle = async (member: FleetRep): Promise<void> => {
			const trigger = member.requested ?? 'alarm';
			member.requested = undefined;
			const latest = member.partition.apiUsage;
			const quiet = member.pendingRemote.length === 0 && member.pendingLocal === 0 && member.lastOutcomeOk;
			if (!fullFleet && quiet && budgetState(latest) === 'normal') {
				fleet.org.usage.add(1);
				const usage = fleet.org.apiUsage();
				member.partition = {...member.partition, apiUsage: {...usage, at: simNow}} satisfies Partition;
				member.requests++;
				fastCycles++;
			} else {
				const result = await member.rig.sync(trigger);
				fullCycles++;
				engineCounted += result.apiRequests;
				member.requests += result.apiRequests;
				member.lastOutcomeOk = result.outcome === 'ok';
				if (!member.lastOutcomeOk) failedCycles++;
				member.partition = (await member.rig.db.partitions.get(member.rig.partition))!;
				if (member.pendingLocal > 0)
					member.pendingLocal = await readyToPushCount(member.rig.db, member.rig.partition, simNow);
				if (member.pendingRemote.length > 0) delays.push(...(await member.collectArrivals(simNow)));
			}

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
		}

		const orgCounted = countedRequests(fleet) + fastCycles;
		const used = fleet.org.apiUsage().used - usageBefore;
		const perRep = members.map(member => member.requests);
		const remoteEdits = members.reduce((sum, member) => sum + member.remoteEdits, 0);
		const localEdits = members.reduce((sum, member) => sum + member.localEdits, 0);
		// Edits made after a rep's last cycle of the day wait for tomorrow's first one: not a failure.
		const late = (member: FleetRep) =>
			member.pendingRemote.filter(edit => member.lastCycleAt === undefined || edit.at >= member.lastCycleAt);
		const unsynced = members.reduce((sum, member) => sum + member.pendingRemote.length - late(member).length, 0);
		const afterLastCycle = members.reduce((sum, member) => sum + late(member).length, 0);
		const seconds = delays.map(ms => ms / 1000);
		const notes: NonNullable<FamilyResult['notes']> = [
			{
				text:
					`${reps} reps, ${remoteEdits} Salesforce edits, ${localEdits} local edits; ${fullCycles} engine cycles + ${fastCycles} idle polls charged without ` +
					`running the engine${fullFleet ? ' (none: --full-fleet)' : ''}; org counted ${orgCounted} requests, engines reported ${engineCounted + fastCycles}; ` +
					`${round((performance.now() - wallStarted) / 1000, 0)} s wall`,
				problem: false,
			},
		];
		if (afterLastCycle > 0) {
			notes.push({
				text: `${afterLastCycle} Salesforce edits came after the rep's last cycle of the day (browser closed)`,
				problem: false,
			});
		}

		if (unsynced > 0) {
			const examples: string[] = [];
			for (const member of members) {
				for (const edit of member.pendingRemote.filter(
					edit => member.lastCycleAt !== undefined && edit.at < member.lastCycleAt,
				)) {
					const reminder = await member.rig.db.reminders
						.where('[partition+taskId]')
						.equals([member.rig.partition, edit.taskId])
						.first();
					const state = reminder
						? `${reminder.syncState}${reminder.deletedAt === undefined ? '' : ', deleted'}${reminder.lastConflictAt === undefined ? '' : ', conflict'}`
						: 'no reminder';
					examples.push(`rep ${member.index} at ${new Date(edit.at).toISOString().slice(11, 19)} (${state})`);
				}
			}

			notes.push({
				text: `${unsynced} Salesforce edits made before a later cycle had not reached the store: ${examples.slice(0, 4).join('; ')}`,
				problem: true,
			});
		}
		if (failedCycles > 0) notes.push({text: `${failedCycles} engine cycles did not end ok`, problem: true});
		if (orgCounted !== engineCounted + fastCycles)
			notes.push({text: 'the org and the engines disagree on the request count', problem: true});

		return {
			family: 'fleet',
			metrics: [
				{
					name: `fleet.${reps}.requestsPerRepPerDay`,
					value: round(orgCounted / reps),
					unit: 'req',
					reference: {value: 300, comparison: 'at-most', source: 'issue 6: ≤ 300 requests per rep per day'},
				},
				{
					name: `fleet.${reps}.requestsPerRepPerDay.p95`,
					value: percentile(perRep, 95),
					unit: 'req',
					note: 'the busiest 5 % of reps',
				},
				{
					name: `fleet.${reps}.orgUsagePct`,
					value: round((used / allowance) * 100, 2),
					unit: '%',
					reference: {
						value: 50,
						comparison: 'at-most',
						source: `issue 6: ≤ 50 % of 100,000 + 1,000 × ${reps} = ${allowance.toLocaleString('en-US')}`,
					},
				},
				{
					name: 'fleet.freshness.p95.s',
					value: seconds.length > 0 ? round(percentile(seconds, 95)) : Number.NaN,
					unit: 's',
					reference: {value: 90, comparison: 'at-most', source: 'issue 6: p95 ≤ 90 s while the rep is active (R13)'},
				},
				{
					name: 'fleet.freshness.p50.s',
					value: seconds.length > 0 ? round(percentile(seconds, 50)) : Number.NaN,
					unit: 's',
					note: `${seconds.length} edits, ${TICK_MS / 1000} s resolution`,
				},
				{
					name: 'fleet.freshness.max.s',
					value: seconds.length > 0 ? round(Math.max(...seconds)) : Number.NaN,
					unit: 's',
				},
			],
			peers: fleetPeerEstimates({reps, remoteEditsTotal: remoteEdits, localEditsTotal: localEdits, daySeconds: 86_400}),
			notes,
		};
	} finally {
		await fleet.close();
	}
}
