/**
 * Push (R12, R13, R14, R18, R19, R39): drains the outbox in sObject Collections requests of up to 200
 * records, in three steps, each keyed by the work's kind (`delete`, `create`, `update`):
 *
 *   plan   (pure)  outbox entries + reminders ─► what to drop, what settles without a request, and per kind
 *                  the records to send with what each carries                               (push-plan.ts)
 *   send           per kind, per batch: mark what leaves (a create's intent, an update's values — R18, R16),
 *                  then one request; a request refused as a whole for what it carries is split until the
 *                  records at fault are alone (R39)                                         (push-send.ts)
 *   settle         per record: success → ack; gone → deleted (R14); access refused → looked up (R37);
 *                  transient → that record retries later; permanent → parked with a message and hint (R19)
 *                                                                                           (push-settle.ts)
 *
 * Acks are written only after Salesforce answered, and each is checked against what the reminder holds now
 * (the UI may have edited meanwhile).
 */
import {isReadyToPush} from '@/shared/store/outbox.js';
import {DEFAULT_WHO_ALERTS} from '@/shared/store/reminder-time.js';
import {effectiveWhoAlerts} from '@/shared/who-alerts.js';
import type {CycleContext} from './cycle-context.js';
import {batches, planPush, PUSH_ORDER} from './push-plan.js';
import {send} from './push-send.js';
import {ackUpdate} from './push-settle.js';

export async function push(ctx: CycleContext): Promise<void> {
	const {db} = ctx.deps;
	const now = ctx.deps.clock.now();
	// Not parked, and not before a record's retry wait (R19) nor, for a delete, before its Undo offer has passed
	// (R43): `isReadyToPush`, the one decision the schedule and the Task-page badge share.
	const entries = (await db.outbox.where('[partition+parked]').equals([ctx.partition.id, 0]).toArray()).filter(e =>
		isReadyToPush(e, now),
	);
	const reminders = await db.reminders.bulkGet(entries.map(e => e.reminderId));
	// R32: without the notifications permission Salesforce alerts in Tickler's place (IsReminderSet=true).
	// R32: the permission arrives through the deps (the engine never calls browser APIs); absent = granted.
	const granted = (await ctx.deps.notificationsGranted?.()) ?? true;
	const whoAlerts = effectiveWhoAlerts(ctx.partition.whoAlerts ?? DEFAULT_WHO_ALERTS, granted);
	const plan = planPush(entries, reminders, {
		template: ctx.partition.subjectTemplate,
		picklists: ctx.picklists,
		whoAlerts,
	});
	if (plan.dropEntries.length > 0 || plan.dropReminders.length > 0) {
		await db.transaction('rw', [db.outbox, db.reminders], async () => {
			await db.outbox.bulkDelete(plan.dropEntries);
			await db.reminders.bulkDelete(plan.dropReminders);
		});
	}

	for (const work of plan.settleLocally) await ackUpdate(ctx, work);

	// R39: a record Salesforce refuses never stops the others: `send` isolates it and settles it as that
	// record's error, so each kind runs whatever the others met. A failure that is not about the records
	// (no answer, 5xx, lock, session, limit) is Salesforce's as a whole: the cycle ends and backs off (R19–R21).
	for (const kind of PUSH_ORDER) {
		for (const batch of batches(plan.send[kind])) await send(ctx, kind, batch);
	}
}
