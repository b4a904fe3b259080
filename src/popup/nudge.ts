/**
 * After a write through local-edits, nudge the worker so the change is pushed within seconds (R13). The
 * write is already durable (R17), so a worker that cannot be reached only delays the push to the next alarm.
 */
import {callBackground} from '@/shared/messages.js';
import type {SyncReason} from '@/shared/types.js';

export function nudgeSync(reason: SyncReason = 'local-change'): void {
	callBackground('requestSync', {reason}).catch(() => undefined);
}
