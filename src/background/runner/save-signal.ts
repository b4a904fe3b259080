/**
 * Change signals (issue 14, R13): the content script saw the rep save a record in Salesforce, which makes a
 * change to one of their Tasks likely. The worker syncs at once when the policy allows
 * (schedule-policy.ts changeSignalAction: an hourly cap, the budget governor of R21), else leaves it to the
 * schedule. The signal itself costs no API request; the cycle it starts costs one request when nothing
 * changed.
 */
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import {activePartition} from '@/shared/store/local-edits.js';
import type {WorkerDbs} from '../worker-db.js';
import type {TabCaller} from '../messaging/caller.js';
import {patchWorkerState, readWorkerState} from './worker-state.js';
import {changeSignalAction, recordSignalSync} from './schedule-policy.js';
import {startCycle} from './cycle-runner.js';

/**
 * Whether the signal names the host of the tab that sent it (the page cannot forge the sender); message-rules.ts
 * refuses it otherwise, and from a sub-frame.
 */
export function isSignalFromItsTab(input: {host: string}, tab: TabCaller): boolean {
	if (tab.url === undefined) return false;
	try {
		return new URL(tab.url).hostname === input.host.toLowerCase();
	} catch {
		return false;
	}
}

/**
 * What the signal did: `sync-now` started a cycle, `schedule` left it to the schedule. A save on another org's
 * page (a rep signed in to two orgs) says nothing about the synced org's Tasks, so it starts nothing.
 */
export async function onSalesforceSaveSeen(dbs: WorkerDbs, host: string, now = Date.now()): Promise<{action: string}> {
	const {db} = dbs;
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return {action: 'schedule'};
	if (toMyDomainHost(host) !== toMyDomainHost(partition.instanceHost)) return {action: 'schedule'};
	const state = await readWorkerState();
	const action = changeSignalAction({
		budget: partition.status.budget,
		signalSyncsAt: state.signalSyncsAt ?? [],
		now,
	});
	// A Salesforce page in use: the Salesforce cadence applies afterwards too (R13).
	await patchWorkerState({
		salesforceTabSeenAt: now,
		...(action === 'sync-now' ? {signalSyncsAt: recordSignalSync(state.signalSyncsAt ?? [], now)} : {}),
	});
	if (action === 'sync-now') startCycle(dbs, 'salesforce-save');
	return {action};
}
