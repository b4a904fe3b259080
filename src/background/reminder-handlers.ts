/**
 * The rep's writes to reminders, as the worker answers them (the handler groups `createBackgroundApi` joins):
 * each is durable before the answer (R17), kept to the active partition (R2), then asks for its push (R13).
 */
import {
	activePartition,
	addReminder,
	deleteReminder,
	editReminder,
	ReminderNotFoundError,
	retryReminder,
	sendLocalOnly,
	undoDelete,
} from '@/shared/store/local-edits.js';
import {editHeldForUndo, extendUndoHold, undoEdit} from '@/shared/store/held-edits.js';
import {snoozeToPatch} from '@/shared/snooze.js';
import type {ReminderPatch} from '@/shared/store/reminder-validation.js';
import {keepMine, keepTheirs} from '@/shared/store/overruled-edits.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {BackgroundHandlers} from './messaging/message-rules.js';
import {shareNamesNow} from './name-sync/name-sync-triggers.js';
import {chargeTab, remindAboutRecord, whoAlertsForRemind} from './remind-me/remind-about-record.js';
import {afterLocalChange} from './runner/after-local-change.js';
import {pushHeldDeletesWhenReady} from './runner/held-delete-push.js';
import type {WorkerDbs} from './worker-db.js';

/**
 * R2: the popup only ever shows the active partition, so a write naming a reminder of another partition
 * (another org or user) is refused as if it did not exist.
 */
export async function inActivePartition(db: TicklerDb, id: string): Promise<string> {
	const reminder = await db.reminders.get(id);
	if (reminder !== undefined && reminder.partition !== (await activePartition(db))) {
		throw new ReminderNotFoundError(id);
	}

	return id;
}

/** R60 and R58: a Complete held for its Undo offer, the Undo itself, and the rep's choice after a lost conflict. */
export function heldAndOverruledHandlers(
	dbs: WorkerDbs,
): Pick<
	BackgroundHandlers,
	'completeReminder' | 'snoozeReminder' | 'undoEdit' | 'holdUndo' | 'keepMine' | 'keepTheirs'
> {
	const {db} = dbs;
	// R60: the popup offers Undo for a Complete or Snooze, so it waits out the offer before it is pushed (R43).
	async function held(id: string, patch: ReminderPatch) {
		await editHeldForUndo(db, id, patch);
		// R57's timer sends it within seconds of the offer passing, as for a held delete.
		pushHeldDeletesWhenReady(dbs).catch((error: unknown) => {
			reportError(error); // the alarm sends it instead
		});
		await afterLocalChange(dbs);
		return {id};
	}

	return {
		completeReminder: async ({id}) => held(await inActivePartition(db, id), {status: 'complete'}),
		async snoozeReminder(input) {
			// R50: one action; "tomorrow morning", "next week" and a chosen later day move an earlier due date too.
			const reminder = await db.reminders.get(await inActivePartition(db, input.id));
			const to = 'until' in input ? {until: input.until} : input.preset;
			return held(input.id, snoozeToPatch(to, Date.now(), reminder?.dueDate ?? null));
		},
		async undoEdit({id}) {
			const restored = await undoEdit(db, await inActivePartition(db, id));
			await afterLocalChange(dbs);
			return {id: restored.id};
		},
		async holdUndo({id}) {
			// R48: the offer is held open; R57's timer then sends the change within seconds of the new end.
			const held = await extendUndoHold(db, await inActivePartition(db, id));
			if (held) {
				pushHeldDeletesWhenReady(dbs).catch((error: unknown) => {
					reportError(error); // the alarm sends it instead
				});
			}

			return {id, held};
		},
		async keepMine({id}) {
			// R58: the rep's overruled values go to Salesforce as a new edit, within seconds like any (R13).
			await keepMine(db, await inActivePartition(db, id));
			await afterLocalChange(dbs);
			return {id};
		},
		async keepTheirs({id}) {
			await keepTheirs(db, await inActivePartition(db, id));
			await afterLocalChange(dbs);
			return {id};
		},
	};
}

/** The rep's writes to reminders: durable before the answer (R17), then afterLocalChange asks for the push (R13) and re-arms the reminder alarm (R31). */
export function reminderHandlers(
	dbs: WorkerDbs,
): Pick<
	BackgroundHandlers,
	| 'addReminder'
	| 'editReminder'
	| 'deleteReminder'
	| 'undoDelete'
	| 'sendLocalOnly'
	| 'remindAboutRecord'
	| 'remindMeAlerts'
	| 'retryReminder'
> {
	const {db} = dbs;
	return {
		async addReminder({id, reminder}) {
			const added = await addReminder(db, reminder, {id});
			await afterLocalChange(dbs);
			return {id: added.id};
		},
		async editReminder({id, patch}) {
			const edited = await editReminder(db, await inActivePartition(db, id), patch);
			await afterLocalChange(dbs);
			// R45: a rename travels to the rep's other computers (never throws; retried at the next pass).
			if (patch.name !== undefined) await shareNamesNow(db);
			return {id: edited.id};
		},
		async deleteReminder({id}) {
			// R43: the popup offers Undo for every delete, so the delete waits out the offer before it is pushed.
			await deleteReminder(db, await inActivePartition(db, id), {heldForUndo: true});
			// R57: and sent within seconds of the offer passing, while this worker is still awake. Not awaited: the
			// reply (and with it the popup's Undo) must not wait for the timer to be set.
			pushHeldDeletesWhenReady(dbs).catch((error: unknown) => {
				reportError(error); // the alarm sends it instead
			});
			await afterLocalChange(dbs);
			return {id};
		},
		async undoDelete({id}) {
			const restored = await undoDelete(db, await inActivePartition(db, id));
			await afterLocalChange(dbs);
			return {id: restored.id};
		},
		async sendLocalOnly({ids}) {
			// R44/R5: only on the rep's word; sendLocalOnly itself keeps to the active partition (R2).
			const sent = await sendLocalOnly(db, ids);
			if (sent > 0) await afterLocalChange(dbs);
			return {sent};
		},
		async remindAboutRecord(input, caller) {
			const added = await remindAboutRecord(db, input, async () => chargeTab(caller, Date.now()));
			// R52: a page's run of saves is one push, not a cycle per message.
			await afterLocalChange(dbs, {push: 'debounced'});
			return {id: added.id};
		},
		async remindMeAlerts() {
			return {whoAlerts: await whoAlertsForRemind(db)};
		},
		async retryReminder({id}) {
			// R19: the rep's Retry after a refusal; the push goes within seconds like any edit (R13).
			await retryReminder(db, await inActivePartition(db, id));
			await afterLocalChange(dbs);
			return {id};
		},
	};
}
