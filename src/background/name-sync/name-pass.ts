/**
 * R45: one pass of name sharing for a partition, between the Tickler database and the synced storage
 * area. State-based, so it needs no event to have been seen: a rename made while the worker was stopped,
 * a name that arrived before its Task was pulled, a Task linked after a create — each is found at the
 * next pass (after a sync cycle, a rename, or a change of the area).
 *
 * 1. Shared names newer than a reminder's own are applied to it, as a name given in Tickler at the shared
 *    time. They are not queued for Salesforce: the computer that gave the name pushes its Subject (R10).
 * 2. Names given here and newer than what the area holds are shared.
 * 3. The area is kept within the budget (name-decisions.ts `planNames`): at most one remove and one set call.
 */
import type {TicklerDb} from '@/shared/store/open-db.js';
import type {Reminder} from '@/shared/store/schema.js';
import {renderSubject} from '@/shared/subject-template.js';
import {nameKey, parseNameKey, parseSharedName, type SharedName} from './entries.js';
import {localWins, planNames, sharedWins, type LocalName} from './name-decisions.js';

/** The slice of `storage.sync` (a StorageArea) this needs. */
export type NameArea = {
	get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
};

export type NamePassResult = {applied: number; shared: number; removed: number};

/** The name as this computer holds it, with the server time it was given in Tickler (if it was). */
function localName(reminder: Reminder, offsetMs: number): LocalName {
	const at = reminder.editedAt.name;
	return {name: reminder.name, at: at === undefined ? undefined : at + offsetMs};
}

/**
 * Whether this reminder's name is Tickler's to share: given in Tickler (a rename, or an applied shared
 * name) — but not the name a reminder was created with when its Task's Subject already says exactly that,
 * which every computer imports anyway (R10) and would only spend the area's quota.
 */
function nameToShare(reminder: Reminder, template: string, offsetMs: number): LocalName {
	const own = localName(reminder, offsetMs);
	const createdWith = reminder.origin === 'local' && (reminder.editedAt.name ?? 0) <= reminder.createdAt;
	if (createdWith && renderSubject(template, reminder.name) === reminder.name) return {...own, at: undefined};
	return own;
}

const linked = (reminder: Reminder): reminder is Reminder & {taskId: string} =>
	reminder.taskId !== undefined && !reminder.localOnly;

export async function shareNames(
	db: TicklerDb,
	partitionId: string,
	area: NameArea,
	now: number,
): Promise<NamePassResult> {
	const partition = await db.partitions.get(partitionId);
	if (!partition) return {applied: 0, shared: 0, removed: 0};
	const offset = partition.clockOffsetMs;
	const serverNow = now + offset;
	const stored = Object.fromEntries(
		Object.entries(await area.get(null)).filter(([key]) => parseNameKey(key) !== undefined),
	);
	const sharedFor = (taskId: string): SharedName | undefined => parseSharedName(stored[nameKey(partitionId, taskId)]);

	// 1. Apply, re-checked inside the transaction against the reminder as it is then (a rename made meanwhile wins).
	const candidates = (await db.reminders.where('partition').equals(partitionId).toArray()).filter(linked);
	const toApply = candidates.filter(r => {
		const shared = sharedFor(r.taskId);
		return r.deletedAt === undefined && shared !== undefined && sharedWins(shared, localName(r, offset));
	});
	let applied = 0;
	if (toApply.length > 0) {
		await db.transaction('rw', db.reminders, async () => {
			for (const {id} of toApply) {
				const current = await db.reminders.get(id);
				if (!current || !linked(current) || current.deletedAt !== undefined) continue;
				const shared = sharedFor(current.taskId);
				if (!shared || !sharedWins(shared, localName(current, offset))) continue;
				const next: Reminder = {
					...current,
					name: shared.n,
					editedAt: {...current.editedAt, name: shared.t - offset},
					updatedAt: now,
				};
				// The computer that gave the name sends its Subject (R10); here it is already agreed, not a local edit.
				if (current.base) next.base = {...current.base, name: shared.n};
				await db.reminders.put(next);
				applied++;
			}
		});
	}

	// 2. Share. Read again only when step 1 changed some: one read of the partition per pass otherwise.
	const template = partition.subjectTemplate;
	const offered = new Map<string, SharedName>();
	const dropKeys = new Set<string>();
	const current =
		applied > 0 ? (await db.reminders.where('partition').equals(partitionId).toArray()).filter(linked) : candidates;
	for (const reminder of current) {
		const key = nameKey(partitionId, reminder.taskId);
		// The rep deleted this reminder: its Task goes too, its name need not travel.
		if (reminder.deletedAt !== undefined) {
			dropKeys.add(key);
			continue;
		}

		const own = nameToShare(reminder, template, offset);
		if (own.at !== undefined && localWins(own, sharedFor(reminder.taskId), serverNow)) {
			offered.set(key, {n: own.name, t: own.at});
		}
	}

	// 3. Within the budget; removes first so the set never needs the room they free.
	const plan = planNames(stored, offered, dropKeys, serverNow);
	if (plan.remove.length > 0) await area.remove(plan.remove);
	const written = Object.keys(plan.write).length;
	if (written > 0) await area.set(plan.write);
	return {applied, shared: written, removed: plan.remove.length};
}

/**
 * R53: Disconnect and forgetting an account take the partition's names out of the synced area too — the
 * browser's sync then removes them from its servers and the rep's other computers, instead of leaving them
 * there for up to NAME_TTL_MS. One remove call (a write-rate quota counts calls, not keys). Returns how many.
 */
export async function forgetSharedNames(area: Pick<NameArea, 'get' | 'remove'>, partitionId: string): Promise<number> {
	const keys = Object.keys(await area.get(null)).filter(key => parseNameKey(key)?.partition === partitionId);
	if (keys.length > 0) await area.remove(keys);
	return keys.length;
}
