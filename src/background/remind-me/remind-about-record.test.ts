import {expect, test} from 'vitest';
import {openTestDb} from '../../../test/fakes/test-db.js';
import {partitionFixture, TEST_PARTITION_ID} from '../../../test/fakes/partition.js';
import {REMIND_REFUSAL_COPY} from '@/shared/copy.js';
import {MESSAGE_RULES} from '../messaging/message-rules.js';
import {isRecordInTabAddress, NotThisTabsRecordError, remindAboutRecord} from './remind-about-record.js';

const ID = '3f2a6b1c-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
const base = {
	id: ID,
	host: 'acme.lightning.force.com',
	name: 'Follow up: Ana',
	dueDate: '2026-03-06',
	recordName: 'Ana',
};

async function dbWith(enabled: boolean) {
	const db = openTestDb(`remind-${Math.random()}`);
	await db.partitions.put(partitionFixture({enabled}));
	await db.meta.put({key: 'activePartition', value: TEST_PARTITION_ID});
	return db;
}

test('R34: a Contact page makes a pending reminder with that WhoId (18 chars) and the page’s name until a pull', async () => {
	const db = await dbWith(true);
	await remindAboutRecord(db, {...base, recordId: '003000000000001'});
	const reminder = await db.reminders.get(ID);
	expect(reminder).toMatchObject({
		name: 'Follow up: Ana',
		dueDate: '2026-03-06',
		whoId: '003000000000001AAA',
		whatId: null,
		who: {name: 'Ana', type: 'Contact'},
		partition: TEST_PARTITION_ID,
		syncState: 'pending',
	});
	expect(await db.outbox.get(ID)).toMatchObject({create: true});
	// Sent again (its answer lost): the same reminder, nothing added (R18).
	await remindAboutRecord(db, {...base, recordId: '003000000000001'});
	expect(await db.reminders.count()).toBe(1);
});

test('R34: an Opportunity page makes a reminder with that WhatId', async () => {
	const db = await dbWith(true);
	await remindAboutRecord(db, {...base, recordId: '006000000000001AAA', recordName: 'Big deal'});
	expect(await db.reminders.get(ID)).toMatchObject({
		whoId: null,
		whatId: '006000000000001AAA',
		what: {name: 'Big deal'},
	});
});

test('R34/R31: with a reminder time the reminder is made with it, as the popup’s add makes one (alert record, pushed)', async () => {
	const db = await dbWith(true);
	const before = Date.now();
	const reminderAt = new Date(Math.ceil((before + 3_600_000) / 60_000) * 60_000).toISOString();
	await remindAboutRecord(db, {...base, recordId: '001000000000001AAA', recordName: 'Acme', reminderAt});
	const reminder = await db.reminders.get(ID);
	expect(reminder).toMatchObject({whatId: '001000000000001AAA', reminderAt, syncState: 'pending'});
	// Set by the rep: this computer alerts for it (R31), as learned now.
	expect(reminder?.alert?.knownAt).toBeGreaterThanOrEqual(before);
	expect(reminder?.alert?.knownAt).toBeLessThanOrEqual(Date.now());
	expect(await db.outbox.get(ID)).toMatchObject({create: true});

	// Without one (absent or null) the reminder has no time, like the popup's add without a time.
	const other = await dbWith(true);
	await remindAboutRecord(other, {...base, recordId: '001000000000001AAA', reminderAt: null});
	expect((await other.reminders.get(ID))?.reminderAt ?? null).toBeNull();
});

test('R34/R2: refused while sync is off, and for a page of another org', async () => {
	await expect(remindAboutRecord(await dbWith(false), {...base, recordId: '003000000000001AAA'})).rejects.toThrow(
		REMIND_REFUSAL_COPY.syncOff,
	);
	await expect(
		remindAboutRecord(await dbWith(true), {
			...base,
			host: 'globex.lightning.force.com',
			recordId: '003000000000001AAA',
		}),
	).rejects.toThrow(REMIND_REFUSAL_COPY.otherOrg);
});

test('R34: only the record in the sender tab’s address, top frame', () => {
	const url = 'https://acme.lightning.force.com/lightning/r/Contact/003000000000001AAA/view';
	const tab = {kind: 'tab', tabId: 1, url, frameId: 0} as const;
	const input = {host: 'acme.lightning.force.com', recordId: '003000000000001'};
	expect(isRecordInTabAddress(input, tab)).toBe(true);
	expect(isRecordInTabAddress({...input, recordId: '003000000000002'}, tab)).toBe(false);
	expect(isRecordInTabAddress({...input, host: 'acme.my.salesforce.com'}, tab)).toBe(false);
	expect(isRecordInTabAddress(input, {...tab, url: undefined})).toBe(false);
	// The protocol applies it to every "Remind me" from a tab, and takes it from the top frame only.
	const rule = MESSAGE_RULES.remindAboutRecord.tab;
	expect(rule).toMatchObject({frames: 'top-frame', accepts: isRecordInTabAddress});
	expect(rule.refusal()).toBeInstanceOf(NotThisTabsRecordError);
});
