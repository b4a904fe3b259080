/**
 * The All reminders page's groups (R44), pure so every rule is unit-tested: upcoming by date (overdue
 * first), no due date, completed (most recent first), and local-only (R5) — every visible reminder is in
 * at least one, so nothing the rep adds disappears from sight. Search matches the name, in any group.
 */
import {plural, t} from '@/shared/i18n/t.js';
import type {Reminder} from '@/shared/store/schema.js';

export const GROUPS = ['upcoming', 'undated', 'completed', 'local-only'] as const;
export type Group = (typeof GROUPS)[number];

const GROUP_LABELS: Record<Group, () => string> = {
	upcoming: () => t('allGroupUpcoming'),
	undated: () => t('allGroupUndated'),
	completed: () => t('allGroupCompleted'),
	'local-only': () => t('allGroupLocalOnly'),
};

/** A group's name in the rep's language (R46), read when shown. */
export function groupLabel(group: Group): string {
	return GROUP_LABELS[group]();
}

export type Grouped = Record<Group, Reminder[]>;

function byDueThenPriority(a: Reminder, b: Reminder): number {
	return (
		(a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') ||
		Number(b.priority === 'high') - Number(a.priority === 'high') ||
		a.name.localeCompare(b.name)
	);
}

/** Case- and accent-insensitive, so "jose" finds "José". */
export function normalizeForSearch(text: string): string {
	return text
		.normalize('NFD')
		.replaceAll(/\p{Diacritic}/gu, '')
		.toLowerCase();
}

/** A local-only reminder that never had a Task: the rep may send it to Salesforce on purpose (R5, R44). */
export function isSendable(reminder: Reminder): boolean {
	return reminder.localOnly && reminder.taskId === undefined;
}

export function groupAll(reminders: readonly Reminder[], query = ''): Grouped {
	const needle = normalizeForSearch(query.trim());
	const grouped: Grouped = {upcoming: [], undated: [], completed: [], 'local-only': []};
	for (const reminder of reminders) {
		if (reminder.deletedAt !== undefined) continue;
		if (needle !== '' && !normalizeForSearch(reminder.name).includes(needle)) continue;
		if (reminder.status === 'complete') grouped.completed.push(reminder);
		else if (reminder.dueDate === null) grouped.undated.push(reminder);
		else grouped.upcoming.push(reminder);
		// A reminder whose Task is no longer the rep's (R37) is local-only too but keeps its taskId: sending it
		// would create a second Task for the same to-do, so only never-linked reminders can be sent (R18).
		if (isSendable(reminder)) grouped['local-only'].push(reminder);
	}

	grouped.upcoming.sort(byDueThenPriority);
	grouped.undated.sort((a, b) => a.name.localeCompare(b.name));
	grouped.completed.sort((a, b) => b.updatedAt - a.updatedAt);
	grouped['local-only'].sort(byDueThenPriority);
	return grouped;
}

/** "This creates 3 Tasks in Salesforce": the confirmation says exactly how many (R44). */
export function sendConfirmation(count: number): string {
	return plural('allSendCreates', count);
}
