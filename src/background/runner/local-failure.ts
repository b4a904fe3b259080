/**
 * R40: what the worker does about a failure of this computer's storage, beyond the engine's own status
 * write: it says it through storage.session (local-failure-report.ts), which the popup and the settings page
 * read even when IndexedDB cannot be written or opened, and it keeps a retry alarm so sync resumes by itself.
 */
import browser from 'webextension-polyfill';
import {clearLocalFailureReport, reportLocalFailure} from '@/shared/local-failure-report.js';
import type {SyncHistoryRow} from '@/shared/store/schema.js';
import {localFailureKind, type LocalFailureKind} from '@/shared/store/storage-errors.js';
import {SYNC_ALARM} from './sync-alarm.js';

/** When the store cannot even be read to compute the next alarm: try again after this long. */
export const LOCAL_FAILURE_RETRY_MINUTES = 5;

/** After a cycle: report its local failure, or clear an old report once a cycle's writes went through. */
export async function noteLocalFailure(
	result: {outcome?: SyncHistoryRow['outcome']; localFailure?: LocalFailureKind},
	now: number,
): Promise<void> {
	if (result.localFailure) await reportLocalFailure(result.localFailure, now);
	else if (result.outcome !== undefined && result.outcome !== 'skipped') await clearLocalFailureReport();
}

/** The schedule could not be computed because the store failed: a fixed retry, so sync never silently stops. */
export async function retryAfterLocalFailure(error: unknown): Promise<void> {
	if (localFailureKind(error) === undefined) throw error;
	await browser.alarms.create(SYNC_ALARM, {delayInMinutes: LOCAL_FAILURE_RETRY_MINUTES});
}
