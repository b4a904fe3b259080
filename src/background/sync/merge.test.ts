import {expect, test} from 'vitest';
import type {ReminderFields} from '@/shared/store/schema.js';
import {mergeFields} from './merge.js';

const base: ReminderFields = {name: 'a', status: 'open', priority: 'normal', dueDate: '2026-03-05', details: 'd'};

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
