// getUpdated / getDeleted (salesforce-facts.md §4): `/sobjects/Task/updated` and `/deleted`, with or without
// the trailing slash; start/end truncated to the minute; latestDateCovered; earliestDateAvailable;
// 30-day (updated) and 15-day (deleted) windows; INVALID_REPLICATION_DATE.

import {json} from './api-types.js';
import type {ApiResponse} from './api-types.js';
import {formatDateTime, parseDateTime} from '../soql/dates.js';
import {SfError} from './errors.js';
import type {RowCtx} from './rows.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const UPDATED_WINDOW_DAYS = 30;
/** §14.9: how far back a getDeleted start may reach (the delete log itself keeps 15 days, records/tasks.ts). */
const DELETED_WINDOW_DAYS = 30;
const MAX_IDS = 600_000;

const floorMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

function replicationError(message: string): SfError {
	// §4.3: status 400 and the "older than the window" wording are UNCONFIRMED.
	return new SfError(400, 'INVALID_REPLICATION_DATE', message);
}

function range(ctx: RowCtx, windowDays: number): {start: number; end: number} {
	const {req, org} = ctx;
	const rawStart = req.query.get('start');
	const rawEnd = req.query.get('end');
	if (!rawStart || !rawEnd) throw new SfError(400, 'MISSING_ARGUMENT', 'start and end parameters are required');
	const s = parseDateTime(rawStart);
	const e = parseDateTime(rawEnd);
	if (s === undefined || e === undefined)
		throw replicationError(`Invalid date format: ${s === undefined ? rawStart : rawEnd}`);
	const now = org.clock.nowMs();
	const start = floorMinute(s);
	// latestDateCovered is a whole minute ≤ end, and never in the future (§4.1).
	const end = floorMinute(Math.min(e, now));
	// "startDate must be at least one minute greater than endDate" is the real (sic) message (§4.3).
	if (end - start < MINUTE) throw replicationError('startDate must be at least one minute greater than endDate');
	if (start < floorMinute(now - windowDays * DAY))
		throw replicationError(`startDate cannot be more than ${windowDays} days ago`);
	if (end - start > windowDays * DAY) throw replicationError(`the date range cannot exceed ${windowDays} days`);
	return {start, end};
}

/** §4.1: ids whose SystemModstamp is in [start, end); deleted rows excluded (INFERRED). */
export function updated(ctx: RowCtx): ApiResponse {
	const {org} = ctx;
	org.maintain();
	const {start, end} = range(ctx, UPDATED_WINDOW_DAYS);
	const ids: string[] = [];
	for (const r of org.store.table('Task').values()) {
		const m = r['SystemModstamp'];
		if (r['IsDeleted'] !== true && typeof m === 'number' && m >= start && m < end && org.canRead(ctx.userId, 'Task', r))
			ids.push(String(r['Id']));
	}
	if (ids.length > MAX_IDS) throw new SfError(400, 'EXCEEDED_ID_LIMIT', 'The number of records exceeds 600,000');
	return json(200, {ids, latestDateCovered: formatDateTime(end)});
}

/**
 * §4.2: deletions in [start, end) still in the delete log (15 days), with earliestDateAvailable — only those the
 * session user may read: "returned only if the current session user has access to them" (salesforce-facts.md
 * §14.9; REST API Developer Guide, "sObject Get Deleted"). A start up to 30 days back is accepted (§14.9, medium
 * confidence: "startDate cannot be more than 30 days ago"); what is older than the log is simply not there.
 */
export function deleted(ctx: RowCtx): ApiResponse {
	const {org} = ctx;
	org.maintain();
	const {start, end} = range(ctx, DELETED_WINDOW_DAYS);
	const deletedRecords: {id: string; deletedDate: string}[] = [];
	for (const [id, at] of org.tasks.recycleBin) {
		const row = org.tasks.get(id);
		if (at >= start && at < end && row && org.canRead(ctx.userId, 'Task', row))
			deletedRecords.push({id, deletedDate: formatDateTime(at)});
	}
	deletedRecords.sort((a, b) => (a.deletedDate < b.deletedDate ? -1 : 1));
	return json(200, {
		deletedRecords,
		earliestDateAvailable: formatDateTime(org.tasks.earliestDeletedAvailable),
		latestDateCovered: formatDateTime(end),
	});
}
