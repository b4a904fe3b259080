/**
 * R58: the rep's choice about values of theirs that Salesforce's later edit overruled (R16). The merge keeps
 * them on the reminder (`overruled`, row-decision.ts) until the rep picks one of these; each is one Dexie
 * transaction, like every UI write.
 *
 * - Keep mine: the rep's values become a new local edit (newer than Salesforce's, so it wins the next merge)
 *   and go to Salesforce through the outbox like any edit (R12, R17).
 * - Keep Salesforce's: the rep's values are dropped; Salesforce's stay.
 */
import {t} from '../i18n/t.js';
import type {TicklerDb} from './open-db.js';
import {type EditOptions, editReminder, ReminderNotFoundError} from './local-edits.js';
import type {Reminder} from './schema.js';

/** The choice was already made (in another window, or the values are gone with the reminder). */
export class NothingOverruledError extends Error {
	override name = 'NothingOverruledError';
	constructor() {
		super(t('overruledNothingLeft'));
	}
}

async function overruledReminder(db: TicklerDb, id: string): Promise<Reminder & Required<Pick<Reminder, 'overruled'>>> {
	const reminder = await db.reminders.get(id);
	if (!reminder || reminder.deletedAt !== undefined) throw new ReminderNotFoundError(id);
	if (!reminder.overruled) throw new NothingOverruledError();
	return {...reminder, overruled: reminder.overruled};
}

/** After the choice: in step with the Task unless something is left to push. */
async function settled(db: TicklerDb, reminder: Reminder): Promise<Reminder> {
	const next: Reminder = {...reminder};
	delete next.overruled;
	if (next.syncState === 'conflict') next.syncState = (await db.outbox.get(next.id)) ? 'pending' : 'synced';
	await db.reminders.put(next);
	return next;
}

export async function keepMine(db: TicklerDb, id: string, options: EditOptions = {}): Promise<Reminder> {
	return db.transaction('rw', [db.reminders, db.outbox], async () => {
		const {overruled} = await overruledReminder(db, id);
		const edited = await editReminder(db, id, overruled.mine, options);
		return settled(db, edited);
	});
}

export async function keepTheirs(db: TicklerDb, id: string): Promise<Reminder> {
	return db.transaction('rw', [db.reminders, db.outbox], async () => settled(db, await overruledReminder(db, id)));
}
