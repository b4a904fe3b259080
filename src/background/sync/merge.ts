/**
 * Three-way merge per field (R16), in the MobileSync vocabulary: base (what both sides agreed at the last
 * sync), yours (the reminder), theirs (the Task now). Pure.
 */
import {fieldValue} from '@/shared/store/reminder-time.js';
import {SYNCED_FIELDS, type ReminderFields, type SyncedField} from '@/shared/store/schema.js';

export type MergeInput = {
	base: ReminderFields;
	yours: ReminderFields;
	/** undefined for a field whose Salesforce value does not sync (R8–R10): it counts as unchanged there. */
	theirs: Partial<ReminderFields>;
	/** Fields the outbox says were edited locally since the last sync. */
	localChanged: readonly SyncedField[];
	/** Local edit times per field, already corrected to server time. */
	localEditedAt: Partial<Record<SyncedField, number>>;
	/** The Task's LastModifiedDate, epoch ms. */
	remoteModifiedAt: number;
	/**
	 * Values of an update that was sent but whose answer was lost (R18: Salesforce may have committed it).
	 * A Task field that equals what we sent is our own write, not a Salesforce edit: it moves the base and
	 * is never a conflict that a later LastModifiedDate (e.g. a Salesforce edit of another field) could win.
	 */
	sentInDoubt?: Partial<ReminderFields> | undefined;
};

export type FieldConflict = {
	field: SyncedField;
	winner: 'local' | 'salesforce';
	overwritten: string | null;
	kept: string | null;
};

export type MergeResult = {
	/** Values to write into the reminder. */
	apply: Partial<ReminderFields>;
	/** The new base: Salesforce's value of every field that syncs from it. */
	base: ReminderFields;
	/** Local changes still to push. */
	pending: SyncedField[];
	conflicts: FieldConflict[];
};

export function mergeFields(input: MergeInput): MergeResult {
	const apply: Partial<ReminderFields> = {};
	const base = {...input.base} as Record<SyncedField, unknown>;
	const pending: SyncedField[] = [];
	const conflicts: FieldConflict[] = [];
	for (const field of SYNCED_FIELDS) {
		// A reminder time missing from an older row is null (R31), so it never looks like a change.
		const mine = fieldValue(input.yours, field);
		const remote = input.theirs[field];
		const sent = input.sentInDoubt;
		const ours = sent !== undefined && field in sent && fieldValue(sent, field) === remote;
		const before = ours ? remote : fieldValue(input.base, field);
		const theirsChanged = remote !== undefined && remote !== before;
		// Edited since the last sync, even back to the base value: that edit is still the later one (R16).
		const edited = input.localChanged.includes(field);
		if (remote !== undefined) base[field] = remote;
		if (theirsChanged && edited && mine !== remote) {
			const localAt = input.localEditedAt[field] ?? 0;
			// Later edit wins; a tie goes to Salesforce, which has the authoritative clock.
			if (localAt > input.remoteModifiedAt) {
				pending.push(field);
				conflicts.push({field, winner: 'local', overwritten: stringOrNull(remote), kept: stringOrNull(mine)});
			} else {
				(apply as Record<SyncedField, unknown>)[field] = remote;
				conflicts.push({field, winner: 'salesforce', overwritten: stringOrNull(mine), kept: stringOrNull(remote)});
			}
		} else if (theirsChanged) {
			if (!edited) (apply as Record<SyncedField, unknown>)[field] = remote;
		} else if (edited && mine !== before) {
			pending.push(field);
		}
	}

	return {apply, base: base as ReminderFields, pending, conflicts};
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}
