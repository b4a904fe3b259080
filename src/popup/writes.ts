/**
 * The popup's writes: sent to the worker, which makes them through local-edits (durable before it answers,
 * R17) and pushes them within seconds (R13). Keeping Dexie out of the popup keeps it small and fast (R22).
 */
import {callBackground} from '@/shared/messages.js';
import type {SnoozeTo} from '@/shared/snooze.js';
import type {NewReminderInput, ReminderPatch} from '@/shared/store/reminder-validation.js';

/** `id` is the draft's: sending the same add again (after an error) never makes a second reminder. */
export async function addReminder(id: string, reminder: NewReminderInput): Promise<void> {
	await callBackground('addReminder', {id, reminder});
}

export async function editReminder(id: string, patch: ReminderPatch): Promise<void> {
	await callBackground('editReminder', {id, patch});
}

export async function deleteReminder(id: string): Promise<void> {
	await callBackground('deleteReminder', {id});
}

export async function undoDelete(id: string): Promise<void> {
	await callBackground('undoDelete', {id});
}

/** R60: Complete with an Undo offer (held from Salesforce until it passes, like a delete). */
export async function completeReminder(id: string): Promise<void> {
	await callBackground('completeReminder', {id});
}

/** R50: Snooze by a preset or to a chosen time, one action, with an Undo offer like Complete. */
export async function snoozeReminder(id: string, to: SnoozeTo): Promise<void> {
	await callBackground('snoozeReminder', typeof to === 'string' ? {id, preset: to} : {id, until: to.until});
}

export async function undoEdit(id: string): Promise<void> {
	await callBackground('undoEdit', {id});
}

/** R48: the rep holds the Undo offer open (focus or pointer): its change stays held from Salesforce meanwhile. */
export async function holdUndo(id: string): Promise<void> {
	await callBackground('holdUndo', {id});
}
