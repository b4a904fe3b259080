import {expect, test} from 'vitest';
import type {ReminderFields} from '@/shared/store/schema.js';
import {mergeFields} from './merge.js';

const base: ReminderFields = {
	name: 'a',
	status: 'open',
	priority: 'normal',
	dueDate: '2026-03-05',
	details: 'd',
	whoId: null,
	whatId: null,
};

test('R16: different fields changed on each side are both kept', () => {
	const result = mergeFields({
		base,
		yours: {...base, priority: 'high'},
		theirs: {...base, dueDate: '2026-03-09'},
		localChanged: ['priority'],
		localEditedAt: {priority: 10},
		remoteModifiedAt: 20,
	});
	expect(result.apply).toEqual({dueDate: '2026-03-09'});
	expect(result.pending).toEqual(['priority']);
	expect(result.conflicts).toEqual([]);
	expect(result.base.dueDate).toBe('2026-03-09');
});

test('R16: the same field changed on both sides — the later edit wins, and the conflict is recorded', () => {
	const common = {
		base,
		yours: {...base, details: 'mine'},
		theirs: {...base, details: 'theirs'},
		localChanged: ['details'] as const,
	};
	const localLater = mergeFields({...common, localEditedAt: {details: 30}, remoteModifiedAt: 20});
	expect(localLater.apply).toEqual({});
	expect(localLater.pending).toEqual(['details']);
	expect(localLater.conflicts).toEqual([{field: 'details', winner: 'local', overwritten: 'theirs', kept: 'mine'}]);
	const remoteLater = mergeFields({...common, localEditedAt: {details: 10}, remoteModifiedAt: 20});
	expect(remoteLater.apply).toEqual({details: 'theirs'});
	expect(remoteLater.pending).toEqual([]);
	expect(remoteLater.conflicts).toEqual([
		{field: 'details', winner: 'salesforce', overwritten: 'mine', kept: 'theirs'},
	]);
	expect(mergeFields({...common, localEditedAt: {details: 20}, remoteModifiedAt: 20}).conflicts[0]?.winner).toBe(
		'salesforce',
	);
});

test('R16: both sides made the same change — no conflict, nothing to push', () => {
	const result = mergeFields({
		base,
		yours: {...base, status: 'complete'},
		theirs: {...base, status: 'complete'},
		localChanged: ['status'],
		localEditedAt: {},
		remoteModifiedAt: 0,
	});
	expect(result).toMatchObject({apply: {}, pending: [], conflicts: []});
	expect(result.base.status).toBe('complete');
});

test('R8/R10: fields that do not sync from Salesforce keep the base and never overwrite the reminder', () => {
	const result = mergeFields({
		base,
		yours: {...base, name: 'renamed'},
		theirs: {details: 'd'},
		localChanged: ['name'],
		localEditedAt: {},
		remoteModifiedAt: 0,
	});
	expect(result.apply).toEqual({});
	expect(result.pending).toEqual(['name']);
	expect(result.base).toEqual(base);
});

test('R12: a field edited and then edited back is not pushed', () => {
	const result = mergeFields({
		base,
		yours: base,
		theirs: base,
		localChanged: ['details'],
		localEditedAt: {},
		remoteModifiedAt: 0,
	});
	expect(result.pending).toEqual([]);
});

test('R16: a field edited locally and back to its old value still counts as the later edit against Salesforce', async () => {
	const result = mergeFields({
		base,
		yours: base,
		theirs: {...base, priority: 'high'},
		localChanged: ['priority'],
		localEditedAt: {priority: 30},
		remoteModifiedAt: 20,
	});
	expect(result.pending).toEqual(['priority']);
	expect(result.apply).toEqual({});
	expect(result.conflicts).toEqual([{field: 'priority', winner: 'local', overwritten: 'high', kept: 'normal'}]);
});

test('R16/R18: a Task value equal to an update in doubt is our own write, not a Salesforce edit that beats a later local edit', () => {
	// Soak seed 889822500: we sent dueDate null, the answer was lost but Salesforce committed it; the rep
	// then set a new due date, and a later Salesforce edit of another field moved LastModifiedDate past it.
	const input = {
		base,
		yours: {...base, dueDate: '2026-03-07'},
		theirs: {...base, dueDate: null, details: 'edited in Salesforce'},
		localChanged: ['dueDate'] as const,
		localEditedAt: {dueDate: 10},
		remoteModifiedAt: 20,
	};
	const inDoubt = mergeFields({...input, sentInDoubt: {dueDate: null}});
	expect(inDoubt.apply).toEqual({details: 'edited in Salesforce'});
	expect(inDoubt.pending).toEqual(['dueDate']);
	expect(inDoubt.conflicts).toEqual([]);
	expect(inDoubt.base.dueDate).toBeNull();
	// Without the record of what was sent, the same rows look like a conflict Salesforce wins.
	expect(mergeFields(input).apply).toEqual({dueDate: null, details: 'edited in Salesforce'});
	// Our write landed and nothing was edited since: settled, nothing to push.
	const landed = mergeFields({...input, yours: {...base, dueDate: null}, sentInDoubt: {dueDate: null}});
	expect([landed.apply, landed.pending, landed.conflicts]).toEqual([{details: 'edited in Salesforce'}, [], []]);
	// Salesforce holds something else than what was sent: the usual rule applies (here, Salesforce is later).
	const other = mergeFields({...input, theirs: {...base, dueDate: '2026-03-09'}, sentInDoubt: {dueDate: null}});
	expect(other.conflicts[0]).toMatchObject({field: 'dueDate', winner: 'salesforce'});
});
