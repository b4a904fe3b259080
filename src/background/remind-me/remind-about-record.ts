/**
 * R34: "Remind me" on a Lead, Contact, Account or Opportunity page. The content script runs beside an
 * untrusted page, so the worker takes only the record in the asking tab's own address (as for the badge,
 * R38), only for the org of the partition sync is on for (R2: the id means nothing in another org), and
 * makes the reminder through local-edits like the popup does (R17, R18): the normal sync pushes it as a
 * Task with that WhoId (Contact, Lead) or WhatId (Account, Opportunity) — docs/salesforce-facts.md §13.4.
 * An optional reminder time (R31) is stored like the popup's; runner/after-local-change.ts then re-arms the
 * reminder alarm.
 */
import {REMIND_REFUSAL_COPY} from '@/shared/copy.js';
import type {Input} from '@/shared/messages.js';
import {to18} from '@/shared/record-ids.js';
import {detectRecordPage, remindObjectOf} from '@/shared/record-page-url.js';
import {toMyDomainHost} from '@/shared/salesforce-hosts.js';
import type {TicklerDb} from '@/shared/store/open-db.js';
import {addReminder} from '@/shared/store/local-edits.js';
import {activePartition} from '@/shared/store/local-edits.js';
import {notificationsGranted} from '@/shared/notifications-permission.js';
import {DEFAULT_WHO_ALERTS} from '@/shared/store/reminder-time.js';
import type {WhoAlerts} from '@/shared/store/schema.js';
import {effectiveWhoAlerts} from '@/shared/who-alerts.js';
import type {Caller, TabCaller} from '../messaging/caller.js';
import {takeRemindSpend} from '../task-page/badge-allowance.js';

export class NotThisTabsRecordError extends Error {
	override name = 'InvalidMessageError';
	constructor() {
		super('Only the record in the tab’s own address can be reminded about');
	}
}

/** A refusal the control shows the rep as it is (sync off, another org). */
export class RemindRefusedError extends Error {
	override name = 'RemindRefusedError';
}

/**
 * Whether `input` names the record in the asking tab's address (message-rules.ts refuses the message
 * otherwise, and from a sub-frame). The tab's address, not the frame's: it follows Lightning's
 * history.pushState (messaging/caller.ts).
 */
export function isRecordInTabAddress(input: {host: string; recordId: string}, tab: TabCaller): boolean {
	const page = tab.url === undefined ? undefined : detectRecordPage(tab.url);
	return page !== undefined && page.host === input.host.toLowerCase() && to18(page.recordId) === to18(input.recordId);
}

/**
 * R52: a tab's "Remind me" draws on that tab's bounded allowance (task-page/badge-allowance.ts): a few a minute,
 * REMINDS_PER_TAB_HOUR an hour. Refused with words the form shows; the extension's own pages are not charged.
 */
export async function chargeTab(caller: Caller, now: number): Promise<void> {
	if (caller.kind !== 'tab') return;
	const taken = await takeRemindSpend(`tab:${caller.tabId}`, now);
	if (taken === 'minute') throw new RemindRefusedError(REMIND_REFUSAL_COPY.tooFast);
	if (taken === 'hour') throw new RemindRefusedError(REMIND_REFUSAL_COPY.hourlyCap);
}

/** `charge` runs once the record, sync and org are checked, before anything is written (chargeTab). */
export async function remindAboutRecord(
	db: TicklerDb,
	input: Input<'remindAboutRecord'>,
	charge: () => Promise<void> = async () => undefined,
): Promise<{id: string}> {
	const object = remindObjectOf(input.recordId);
	if (object === undefined) throw new NotThisTabsRecordError();
	const partition = await db.partitions.get(await activePartition(db));
	if (!partition?.enabled) throw new RemindRefusedError(REMIND_REFUSAL_COPY.syncOff);
	if (toMyDomainHost(input.host) !== partition.instanceHost) throw new RemindRefusedError(REMIND_REFUSAL_COPY.otherOrg);
	// Sent again (its answer lost, R18): the same reminder, already paid for.
	if ((await db.reminders.get(input.id)) === undefined) await charge();
	const recordId = to18(input.recordId);
	const isWho = object === 'Contact' || object === 'Lead';
	const reminder = await addReminder(
		db,
		{
			name: input.name,
			dueDate: input.dueDate,
			reminderAt: input.reminderAt ?? null,
			...(isWho ? {whoId: recordId} : {whatId: recordId}),
		},
		{id: input.id, partition: partition.id},
	);
	// The page's own name until the first pull brings Salesforce's (row-decision.ts withRelatedNames).
	const recordName = input.recordName.trim();
	if (recordName !== '' && reminder.who === undefined && reminder.what === undefined) {
		const related = {name: recordName, type: object};
		await db.reminders.update(reminder.id, isWho ? {who: related} : {what: related});
	}

	return {id: reminder.id};
}

/**
 * R32 (issue 20): who will alert at the time set in "Remind me"'s form — the active partition's setting in
 * effect: Salesforce's reminder instead of Tickler's while the notifications permission is not granted.
 */
export async function whoAlertsForRemind(db: TicklerDb): Promise<WhoAlerts> {
	const partition = await db.partitions.get(await activePartition(db));
	return effectiveWhoAlerts(partition?.whoAlerts ?? DEFAULT_WHO_ALERTS, await notificationsGranted());
}
