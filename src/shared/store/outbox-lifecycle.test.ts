/** The outbox entry's transitions (outbox-lifecycle.ts): one owner, pure, each checked on its own. */
import {expect, test} from 'vitest';
import {
	added,
	createAcknowledged,
	createSending,
	deleted,
	edited,
	emptyEntry,
	hasWork,
	parked,
	refusedWhole,
	retried,
	retryingLater,
	rowApplied,
	undeleted,
	updateAcknowledged,
	updateSending,
} from './outbox-lifecycle.js';
import type {ReminderFields} from './schema.js';

const key = {reminderId: 'r', partition: 'P'};
const fields: ReminderFields = {
	name: 'n',
	status: 'open',
	priority: 'normal',
	dueDate: null,
	details: '',
	whoId: null,
	whatId: null,
};
const sentCreate = {at: 5, subject: 'n', fields, cursor: null};

test('R18: a create intent is in doubt while sent; its acknowledgement clears it and keeps only later edits', () => {
	const sending = createSending(added(key, 0), sentCreate);
	expect(sending.createSent).toEqual(sentCreate);
	expect(createAcknowledged(sending, [])).toBeUndefined();
	const later = createAcknowledged({...sending, attempts: 3, nextAttemptAt: 99}, ['details']);
	expect(later).toMatchObject({create: false, fields: ['details'], attempts: 0, nextAttemptAt: 0, parked: 0});
	expect(later?.createSent).toBeUndefined();
	// A delete made while the create was in doubt still has to go.
	expect(createAcknowledged(deleted(sending, key, 10, false), [])).toMatchObject({delete: true, create: false});
	expect(createAcknowledged(undefined, ['name'])).toBeUndefined();
});

test('R18/R16: a definite refusal of the whole request leaves nothing in doubt and the work queued', () => {
	const both = updateSending(createSending(added(key, 0), sentCreate), {at: 5, fields: {name: 'n'}});
	const refused = refusedWhole(both);
	expect(refused.createSent).toBeUndefined();
	expect(refused.updateSent).toBeUndefined();
	expect(refused.create).toBe(true);
	expect(hasWork(refused)).toBe(true);
});

test('R12/R16: an update acknowledged or settled by a pulled row keeps only fields that still differ', () => {
	const sending = updateSending(edited(undefined, key, ['name', 'details'], 0), {at: 5, fields: {name: 'x'}});
	expect(updateAcknowledged(sending, [])).toBeUndefined();
	expect(updateAcknowledged(sending, ['details'])).toMatchObject({fields: ['details']});
	expect(updateAcknowledged(sending, ['details'])?.updateSent).toBeUndefined();
	expect(rowApplied(sending, key, [], 0)).toBeUndefined();
	expect(rowApplied(sending, key, ['name'], 0)?.updateSent).toBeUndefined();
	expect(rowApplied(undefined, key, [], 0)).toBeUndefined();
	expect(rowApplied(undefined, key, ['priority'], 7)).toMatchObject({fields: ['priority'], enqueuedAt: 7});
});

test('R19: a transient refusal waits and counts; a permanent one parks until the rep edits or retries', () => {
	const sending = createSending(added(key, 0), sentCreate);
	const waiting = retryingLater({...sending, attempts: 1}, 1000);
	expect(waiting).toMatchObject({attempts: 2, nextAttemptAt: 1000});
	expect(waiting.createSent).toBeUndefined();
	const stuck = parked(sending);
	expect(stuck.parked).toBe(1);
	expect(stuck.createSent).toBeUndefined();
	expect(edited(stuck, key, ['name'], 0)).toMatchObject({parked: 0, attempts: 0, fields: ['name'], create: true});
	expect(retried({...stuck, attempts: 4, nextAttemptAt: 9})).toMatchObject({parked: 0, attempts: 0, nextAttemptAt: 0});
	// A refused delete is no longer a delete: its reminder comes back with the error.
	expect(parked(deleted(emptyEntry('r', 'P', 0), key, 0, true))).toMatchObject({delete: false, parked: 1});
});

test('R43: Undo takes a delete back and leaves the work queued before it, or no entry at all', () => {
	expect(undeleted(deleted(undefined, key, 0, true))).toBeUndefined();
	expect(undeleted(deleted(edited(undefined, key, ['name'], 0), key, 0, true))).toMatchObject({
		delete: false,
		fields: ['name'],
	});
});
