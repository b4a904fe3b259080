import {editReminder} from '../../src/shared/store/local-edits.js';
import {startLocalOrg, type LocalOrg} from '../../test/org/index.js';
import {countedRequests, createRepRig, httpRequests, type RepRig, taskFields} from '../lib/engine-rig.js';
import {apiPeerEstimates} from '../peers.js';
import type {FamilyResult, Metric} from '../report.js';

/**
 * API requests per unit of work (R21). Each scenario runs the real engine against a fresh local org, with a
 * new port per cycle sharing the rep's identity cache, as the worker does (bench/lib/engine-rig.ts). The
 * figure is every HTTP request the rep's extension sent (the org's request log), so an identity lookup the
 * cache should have saved shows even though the org does not charge `userinfo`. It is checked against the
 * engine's own `syncHistory.apiRequests` (which counts every request its port sent); the org's charged count
 * (`countedAsApi`, what the daily allowance sees) is given beside it. The references are the
 * minimum the work allows (issue 6), counted the same way: every request, identity included.
 */

const START = new Date('2026-03-05T09:00:00.000Z');
const PAGE = 2000;
const BATCH = 200;

/** `http`: every request the org received; `charged`: those its allowance counts; `engineCounted`: the engine's own count (every request its port sent). */
type Scenario = {http: number; charged: number; engineCounted: number};

async function withRep<T>(tasks: number, run: (local: LocalOrg, rep: RepRig) => Promise<T>): Promise<T> {
	const local = await startLocalOrg({seed: 'none', now: START});
	const rep = createRepRig(local, local.org.users.rep.id, {now: () => local.org.clock.nowMs()});
	try {
		for (let index = 0; index < tasks; index++) local.org.createTask(rep.userId, taskFields(index));
		return await run(local, rep);
	} finally {
		rep.close();
		await local.close();
	}
}

async function measured(local: LocalOrg, rep: RepRig, trigger: 'alarm' | 'local-change' = 'alarm'): Promise<Scenario> {
	local.org.resetRequestLog();
	const result = await rep.sync(trigger);
	if (result.outcome !== 'ok') throw new Error(`cycle ended ${result.outcome}: ${JSON.stringify(result.errors)}`);
	return {http: httpRequests(local), charged: countedRequests(local), engineCounted: result.apiRequests};
}

/** Edits `count` imported reminders locally (one field each), as the popup would. */
async function editImported(rep: RepRig, count: number): Promise<void> {
	const reminders = await rep.db.reminders.where('partition').equals(rep.partition).limit(count).toArray();
	if (reminders.length < count) throw new Error(`only ${reminders.length} reminders to edit`);
	for (const reminder of reminders) {
		await editReminder(rep.db, reminder.id, {priority: reminder.priority === 'high' ? 'normal' : 'high'});
	}
}

function minimumMetric(name: string, value: number, formula: string): Metric {
	return {name, value, unit: 'req', note: formula};
}

function requestMetric(name: string, scenario: Scenario, reference: number, source: string): Metric {
	const mismatch =
		scenario.engineCounted === scenario.http
			? ''
			: ` (PROBLEM: the org received ${scenario.http}, the engine counted ${scenario.engineCounted})`;
	return {
		name,
		value: scenario.http,
		unit: 'req',
		reference: {value: reference, comparison: 'at-most', source: source + mismatch},
	};
}

export async function measureApiCost(): Promise<FamilyResult> {
	const idle = await withRep(0, async (local, rep) => {
		await rep.enable();
		await measured(local, rep); // first sync: identity, picklists, empty pull
		await measured(local, rep); // settles anything the first cycle deferred
		return measured(local, rep);
	});

	// Enabling asks for the identity once (userinfo, which the org does not charge to the allowance); the
	// first cycle's new port finds it in the identity cache. The log is reset before enable, so the figure
	// covers enable + first cycle, as the minimum does.
	const firstSync = await withRep(5000, async (local, rep) => {
		local.org.resetRequestLog();
		await rep.enable();
		const enable = {http: httpRequests(local), charged: countedRequests(local)};
		const cycle = await measured(local, rep);
		return {
			http: enable.http + cycle.http,
			charged: enable.charged + cycle.charged,
			engineCounted: enable.http + cycle.engineCounted,
		};
	});

	const push = async (count: number) =>
		withRep(count, async (local, rep) => {
			await rep.enable();
			await measured(local, rep);
			await editImported(rep, count);
			return measured(local, rep, 'local-change');
		});
	const push1 = await push(1);
	const push1000 = await push(1000);

	const firstSyncMinimum = Math.ceil(5000 / PAGE) + 2;
	const push1Minimum = Math.ceil(1 / BATCH) + 1;
	const push1000Minimum = Math.ceil(1000 / BATCH) + 1;
	return {
		family: 'api',
		metrics: [
			requestMetric(
				'api.idlePoll.requests',
				idle,
				1,
				'R21: an idle poll costs one request (port per cycle, as the worker)',
			),
			{name: 'api.idlePoll.charged', value: idle.charged, unit: 'req', note: 'of which the org charged'},
			requestMetric(
				'api.firstSync.5000.requests',
				firstSync,
				firstSyncMinimum,
				'minimum: ⌈5,000 / 2,000⌉ query pages + identity + picklists, all counted',
			),
			minimumMetric('api.firstSync.5000.minimum', firstSyncMinimum, '⌈5,000 / 2,000⌉ + 2'),
			{
				name: 'api.firstSync.5000.charged',
				value: firstSync.charged,
				unit: 'req',
				note: 'of which the org charged (userinfo is free)',
			},
			requestMetric('api.push.1.requests', push1, push1Minimum, 'minimum: 1 collection request + the pull before it'),
			requestMetric(
				'api.push.1000.requests',
				push1000,
				push1000Minimum,
				'minimum: ⌈1,000 / 200⌉ collection requests + the pull before it',
			),
			minimumMetric('api.push.1000.minimum', push1000Minimum, '⌈1,000 / 200⌉ + 1'),
		],
		peers: apiPeerEstimates({firstSyncRecords: 5000, pushSmall: 1, pushLarge: 1000}),
	};
}
