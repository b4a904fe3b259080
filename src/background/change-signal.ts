/**
 * Change signals (issue 14, R13): the content script saw the rep save a record in Salesforce, which makes a
 * change to one of their Tasks likely. The worker syncs at once when the policy allows
 * (schedule-policy.ts changeSignalAction: a minimum gap, an hourly cap, the budget governor of R21), else
 * brings the alarm forward to Chrome's floor, else leaves it to the schedule. The signal itself costs no
 * API request; the cycle it starts costs what an idle poll costs when nothing changed (one request).
 */
import {activePartition} from '@/shared/store/queries.js';
import {db} from './db.js';
import {patchWorkerState, readWorkerState} from './ephemeral.js';
import {SYNC_ALARM} from './schedule/schedule.js';
import {changeSignalAction, MIN_ALARM_MS, recordSignalSync} from './schedule/schedule-policy.js';
import {startCycle} from './sync-runner.js';
import browser from 'webextension-polyfill';

export type SaveSignalSender = {
	frameId?: number | undefined;
	tab?: {id?: number | undefined; url?: string | undefined} | undefined;
};

/** Only a top-frame Salesforce tab may send the signal, about its own host (the page cannot forge `sender`). */
export function isSignalFromItsTab(input: {host: string}, sender: SaveSignalSender): boolean {
	if (sender.frameId !== undefined && sender.frameId !== 0) return false;
	if (sender.tab?.id === undefined || sender.tab.url === undefined) return false;
	try {
		return new URL(sender.tab.url).hostname === input.host.toLowerCase();
	} catch {
		return false;
	}
}

/** What the signal did: `sync-now` started a cycle, `alarm-soon` moved the alarm, `schedule` left it. */
export async function onSalesforceSaveSeen(now = Date.now()): Promise<{action: string}> {
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) return {action: 'schedule'};
	const state = await readWorkerState();
	const action = changeSignalAction({
		budget: partition.status.budget,
		lastCycleStartedAt: state.cycleStartedAt,
		signalSyncsAt: state.signalSyncsAt ?? [],
		now,
	});
	// A Salesforce page in use: the Salesforce cadence applies afterwards too (R13).
	await patchWorkerState({
		salesforceTabSeenAt: now,
		...(action === 'sync-now' ? {signalSyncsAt: recordSignalSync(state.signalSyncsAt ?? [], now)} : {}),
	});
	if (action === 'sync-now') startCycle('salesforce-save');
	if (action === 'alarm-soon') {
		const existing = (await browser.alarms.get(SYNC_ALARM))?.scheduledTime;
		// Never sooner than a backoff or the engine's "not before" allow (R19).
		const soon = Math.max(
			now + MIN_ALARM_MS,
			partition.status.backoff?.until ?? 0,
			partition.status.nextSyncAfter ?? 0,
		);
		if (existing === undefined || existing > soon) await browser.alarms.create(SYNC_ALARM, {when: soon});
	}

	return {action};
}
