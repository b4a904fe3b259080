import {editReminder} from '../../src/shared/store/local-edits.js';
import {startLocalOrg, type LocalOrg} from '../../test/org/index.js';
import {countedRequests, createRepRig, type RepRig, taskFields} from '../lib/engine-rig.js';
import {apiPeerEstimates} from '../peers.js';
import type {FamilyResult, Metric} from '../report.js';

/**
 * API requests per unit of work (R21), counted by the org (its request log's `countedAsApi`) and checked
 * against the engine's own `syncHistory.apiRequests`. Each scenario runs the real engine against a fresh
 * local org; the references are the minimum the work allows (issue 6).
 */

const START = new Date('2026-03-05T09:00:00.000Z');
const PAGE = 2000;
const BATCH = 200;

type Scenario = {requests: number; engineCounted: number};

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
	return {requests: countedRequests(local), engineCounted: result.apiRequests};
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
	const mismatch = scenario.engineCounted === scenario.requests ? '' : ` (engine counted ${scenario.engineCounted})`;
	return {
		name,
		value: scenario.requests,
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

	// Enabling asks for the identity once (userinfo, which the org does not charge to the allowance);
	// the log is reset before it so the HTTP count covers enable + first cycle.
	let firstSyncHttp = 0;
	const firstSync = await withRep(5000, async (local, rep) => {
		local.org.resetRequestLog();
		await rep.enable();
		const enableHttp = local.org.requests.length;
		const cycle = await measured(local, rep);
		firstSyncHttp = enableHttp + local.org.requests.length;
		return cycle;
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
			requestMetric('api.idlePoll.requests', idle, 1, 'R21: an idle poll costs one request'),
			requestMetric(
				'api.firstSync.5000.requests',
				firstSync,
				firstSyncMinimum,
				'minimum: ⌈5,000 / 2,000⌉ query pages + identity + picklists',
			),
			minimumMetric('api.firstSync.5000.minimum', firstSyncMinimum, '⌈5,000 / 2,000⌉ + 2'),
			{
				name: 'api.firstSync.5000.httpRequests',
				value: firstSyncHttp,
				unit: 'req',
				note: 'every HTTP request from enable on, charged or not',
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
