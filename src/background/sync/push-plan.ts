/**
 * Push, step 1 of 3 (push.ts): the plan, pure. Ready outbox entries and their reminders become what to drop,
 * what settles without a request, and per kind the records to send with what each carries (R10, R12, R18).
 */
import {MAX_BATCH, type TaskWrite} from '@/background/salesforce/salesforce-port.js';
import type {OutboxEntry, Reminder, ReminderFields, WhoAlerts} from '@/shared/store/schema.js';
import {DEFAULT_WHO_ALERTS, sameFieldValue} from '@/shared/store/reminder-time.js';
import {createWrite, pickFields, updateWrite, type OrgPicklists} from './mapping.js';

/** What a request does to a Task. Deletes go first, then creates, then updates (docs/sync-protocol.md). */
export type PushKind = 'delete' | 'create' | 'update';
export const PUSH_ORDER: readonly PushKind[] = ['delete', 'create', 'update'];

/** One record's share of a request. */
export type Work = {
	kind: PushKind;
	entry: OutboxEntry;
	reminder: Reminder;
	/** The Task written or deleted; '' for a create. */
	taskId: string;
	/** The fields the request carries for this record; {} for a delete. */
	write: TaskWrite;
	/** The reminder's values this request makes Salesforce's: all five for a create, the changed ones for an update. */
	sent: Partial<ReminderFields>;
};

export type PushPlan = {
	/** Entries with nothing left to push (their reminder is gone, local-only, or has no change). */
	dropEntries: string[];
	/** Tombstones of reminders that never reached Salesforce (no Task to delete). */
	dropReminders: string[];
	/** Updates with nothing to send (e.g. a rename with a template that ignores the name, R10). */
	settleLocally: Work[];
	send: Record<PushKind, Work[]>;
};

/** How the plan writes a Task: the partition's subject template (R10), the org's picklists, who alerts (R32). */
export type WriteSettings = {template: string; picklists: OrgPicklists; whoAlerts?: WhoAlerts};

/** Pure: what this push does with each ready entry. */
export function planPush(
	entries: readonly OutboxEntry[],
	reminders: ReadonlyArray<Reminder | undefined>,
	settings: WriteSettings,
): PushPlan {
	const plan: PushPlan = {
		dropEntries: [],
		dropReminders: [],
		settleLocally: [],
		send: {delete: [], create: [], update: []},
	};
	entries.forEach((entry, index) => {
		planEntry(plan, entry, reminders[index], settings);
	});
	return plan;
}

function planEntry(plan: PushPlan, entry: OutboxEntry, reminder: Reminder | undefined, settings: WriteSettings): void {
	const {template, picklists, whoAlerts = DEFAULT_WHO_ALERTS} = settings;
	if (!reminder || reminder.localOnly) {
		plan.dropEntries.push(entry.reminderId);
	} else if (reminder.deletedAt !== undefined) {
		if (reminder.taskId) {
			plan.send.delete.push({kind: 'delete', entry, reminder, taskId: reminder.taskId, write: {}, sent: {}});
		} else {
			// Never reached Salesforce: the pull just completed and linked no in-doubt create (R18).
			plan.dropEntries.push(entry.reminderId);
			plan.dropReminders.push(reminder.id);
		}
	} else if (!reminder.taskId) {
		if (entry.create || entry.createSent) {
			const write = createWrite(reminder, template, picklists, whoAlerts);
			plan.send.create.push({kind: 'create', entry, reminder, taskId: '', write, sent: pickFields(reminder)});
		} else {
			plan.dropEntries.push(entry.reminderId);
		}
	} else if (entry.fields.length > 0) {
		const base = reminder.base;
		const changed = entry.fields.filter(field => !base || !sameFieldValue(reminder[field], base[field]));
		const write = updateWrite(reminder, changed, template, picklists, whoAlerts);
		const sent = Object.fromEntries(changed.map(field => [field, reminder[field]])) as Partial<ReminderFields>;
		const work: Work = {kind: 'update', entry, reminder, taskId: reminder.taskId, write, sent};
		(Object.keys(write).length === 0 ? plan.settleLocally : plan.send.update).push(work);
	} else {
		plan.dropEntries.push(entry.reminderId);
	}
}

/** The records of one kind in requests of at most MAX_BATCH (sObject Collections, R21). */
export function batches<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += MAX_BATCH) out.push(items.slice(i, i + MAX_BATCH));
	return out;
}
