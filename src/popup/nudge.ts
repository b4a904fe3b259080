/**
 * Asks the worker for a sync: when the popup opens (R13) and on "Sync now". Fire and forget: a worker
 * that cannot be reached only delays the sync to the next alarm. (Writes ask for their own sync.)
 */
import {callBackground} from '@/shared/messages.js';
import type {SyncReason} from '@/shared/types.js';

export function nudgeSync(reason: SyncReason): void {
	callBackground('requestSync', {reason}).catch(() => undefined);
}
