import type {PeerEstimate} from './report.js';

/**
 * What other Salesforce integrations document they spend on the same work, so each Tickler API figure
 * is printed beside a peer's (issue 6). These are the peers' own published cost models, applied to our
 * workload — not measurements of their products. Sources were read on 2026-11-28.
 */

export type FleetWork = {
	reps: number;
	/** Salesforce edits made during the day across the whole org. */
	remoteEditsTotal: number;
	/** Local edits (pushed to Salesforce) across the whole org. */
	localEditsTotal: number;
	daySeconds: number;
};

export type PeerModel = {
	id: string;
	name: string;
	source: string;
	model: string;
	idlePoll?: () => number;
	firstSync?: (records: number) => number;
	push?: (records: number) => number;
	/** Requests per rep per day for the fleet's workday. */
	fleetPerRepPerDay?: (work: FleetWork) => number;
	/** Documented default polling interval (s): a Salesforce edit waits up to this long to be seen. */
	pollIntervalS?: number;
};

const OUTREACH_POLL_S = 10 * 60;
const MARKETO_POLL_S = 5 * 60;
const MARKETO_CALLS_PER_SESSION = 25;

export const PEERS: readonly PeerModel[] = [
	{
		id: 'outreach',
		name: 'Outreach',
		source: 'https://support.outreach.io/hc/en-us/articles/204660158-Outreach-API-Call-Usage-Overview',
		model:
			'inbound: 1 call detects up to 2,000 changed records, then 1 call per 200 imported; outbound: 1 call per updated record ' +
			'("100 tasks completed → 100 API calls"); polls every 10 min by default (≥ 2 min)',
		idlePoll: () => 1,
		firstSync: records => Math.ceil(records / 2000) + Math.ceil(records / 200),
		push: records => records,
		// Polling is org-wide (one integration user), so its cost is shared by the reps; pushes are per record.
		fleetPerRepPerDay: work => {
			const polls = work.daySeconds / OUTREACH_POLL_S;
			const imports = Math.min(polls, work.remoteEditsTotal) + Math.ceil(work.remoteEditsTotal / 200);
			return (polls + imports + work.localEditsTotal) / work.reps;
		},
		pollIntervalS: OUTREACH_POLL_S,
	},
	{
		id: 'marketo',
		name: 'Marketo',
		source: 'https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-28190',
		model:
			'25 calls per sync session to check for updates, a session every 5 min (7,200 calls/day); changes batched 200 per call',
		idlePoll: () => MARKETO_CALLS_PER_SESSION,
		firstSync: records => MARKETO_CALLS_PER_SESSION + Math.ceil(records / 200),
		push: records => Math.ceil(records / 200),
		fleetPerRepPerDay: work => {
			const sessions = work.daySeconds / MARKETO_POLL_S;
			const batches = Math.min(sessions, work.remoteEditsTotal) + Math.min(sessions, work.localEditsTotal);
			return (sessions * MARKETO_CALLS_PER_SESSION + batches) / work.reps;
		},
		pollIntervalS: MARKETO_POLL_S,
	},
	{
		id: 'gong',
		name: 'Gong',
		source: 'https://help.gong.io/docs/viewing-api-batch-size',
		model: 'exports to Salesforce every 30 s or at 200 records, 1 call per export',
		push: records => Math.ceil(records / 200),
	},
];

/** Peer estimates for the API metrics that have a peer model. */
export function apiPeerEstimates(work: {
	firstSyncRecords: number;
	pushSmall: number;
	pushLarge: number;
}): PeerEstimate[] {
	const estimates: PeerEstimate[] = [];
	for (const peer of PEERS) {
		if (peer.idlePoll) estimates.push({metric: 'api.idlePoll.requests', peer: peer.name, value: peer.idlePoll()});
		if (peer.firstSync) {
			const metric = `api.firstSync.${work.firstSyncRecords}.requests`;
			estimates.push({metric, peer: peer.name, value: peer.firstSync(work.firstSyncRecords)});
		}

		if (peer.push) {
			estimates.push({
				metric: `api.push.${work.pushSmall}.requests`,
				peer: peer.name,
				value: peer.push(work.pushSmall),
			});
			estimates.push({
				metric: `api.push.${work.pushLarge}.requests`,
				peer: peer.name,
				value: peer.push(work.pushLarge),
			});
		}
	}

	return estimates;
}

/**
 * Peer estimates for one fleet day, under that day's metric names (`prefix`: `fleet.quiet`, `fleet.busy`).
 * The peers poll on a fixed interval whatever the org's usage, so a quiet and a busy day cost them the same;
 * their share of the org's allowance is given beside Tickler's.
 */
export function fleetPeerEstimates(work: FleetWork, prefix: string, allowance: number): PeerEstimate[] {
	return PEERS.flatMap(peer => {
		if (peer.fleetPerRepPerDay === undefined && peer.pollIntervalS === undefined) return [];
		const estimates: PeerEstimate[] = [];
		if (peer.fleetPerRepPerDay) {
			const perRep = peer.fleetPerRepPerDay(work);
			estimates.push(
				{metric: `${prefix}.requestsPerRepPerDay`, peer: peer.name, value: Math.round(perRep)},
				{
					metric: `${prefix}.orgUsage.ticklerPct`,
					peer: peer.name,
					value: Math.round(((perRep * work.reps) / allowance) * 10_000) / 100,
				},
			);
		}

		// Edits land uniformly between polls, so the 95th percentile delay is 95 % of the interval.
		// An org-wide poll cannot tell where an edit came from: the same delay for every source.
		if (peer.pollIntervalS !== undefined) {
			for (const metric of ['freshness.sameBrowser.p95.s', 'freshness.elsewhere.p95.s', 'freshness.p95.s']) {
				estimates.push({metric: `${prefix}.${metric}`, peer: peer.name, value: Math.round(0.95 * peer.pollIntervalS)});
			}
		}

		return estimates;
	});
}
