// R33: what Salesforce does to Tasks when the Contact, Lead or Account they are about is merged or deleted,
// and the control routes that play it (`/__org__/records…`). Merging re-parents the losing records' Tasks to
// the surviving record (Salesforce Help "Merge Duplicate Contacts": related activities move to the master
// record; docs/salesforce-facts.md §13.4); a deleted Contact or Lead leaves its Tasks with WhoId cleared.
// Both are system writes: the Task gets a new SystemModstamp (so sync sees it), and its LastModifiedDate
// is kept. UNCONFIRMED (docs/local-org.md): whether a real org also moves LastModifiedDate, and whether
// deleting a Contact deletes its Tasks instead (without Shared Activities it may cascade — which Tickler
// handles as any Task deletion, R14).

import {isObject, json, noContent} from '../api/api-types.js';
import type {ApiResponse} from '../api/api-types.js';
import {SfError} from '../api/errors.js';
import {normalizeId} from './ids.js';
import type {Org} from '../org.js';
import {objectForId} from './schema.js';

type RelatedObject = 'Account' | 'Contact' | 'Lead' | 'Opportunity';
const RELATED: readonly string[] = ['Account', 'Contact', 'Lead', 'Opportunity'];

/** The object of a live related record, or a 404 like the REST API's (§3). */
function relatedObject(org: Org, id: string): RelatedObject {
	const object = objectForId(id)?.name;
	if (!object || !RELATED.includes(object) || !org.store.get(object, id))
		throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
	return object as RelatedObject;
}

/** The Task lookup a record of this object fills: WhoId for people, WhatId for the rest (§13.4). */
function lookupOf(object: RelatedObject): 'WhoId' | 'WhatId' {
	return object === 'Contact' || object === 'Lead' ? 'WhoId' : 'WhatId';
}

/** Points every Task that refers to `fromId` at `toId` (null clears it), as one system write. Returns their ids. */
function repointTasks(org: Org, lookup: 'WhoId' | 'WhatId', fromId: string, toId: string | null): string[] {
	const tasks = org.listTasks({includeDeleted: false}).filter(t => t[lookup] === fromId);
	return org.tasks.oneWrite(() =>
		tasks.map(
			t =>
				org.updateTask(
					org.users.admin.id,
					t.Id,
					{[lookup]: toId, LastModifiedDate: t.LastModifiedDate, LastModifiedById: t['LastModifiedById']},
					{system: true},
				).Id,
		),
	);
}

/** Deletes a Contact or Lead; its Tasks keep existing with WhoId cleared. */
export function deleteRelatedRecord(org: Org, rawId: string): {tasks: string[]} {
	const id = normalizeId(rawId) ?? '';
	const object = relatedObject(org, id);
	if (lookupOf(object) !== 'WhoId')
		throw new SfError(400, 'BAD_CONTROL_REQUEST', 'Only a Contact or Lead is deleted here');
	const tasks = repointTasks(org, 'WhoId', id, null);
	org.store.remove(object, id);
	org.changed();
	return {tasks};
}

/** Merges `loserId` into `masterId` (same object): the loser's Tasks now point at the master; the loser is gone. */
export function mergeRelatedRecords(org: Org, rawMaster: string, rawLoser: string): {tasks: string[]} {
	const masterId = normalizeId(rawMaster) ?? '';
	const loserId = normalizeId(rawLoser) ?? '';
	const object = relatedObject(org, masterId);
	if (relatedObject(org, loserId) !== object || masterId === loserId)
		throw new SfError(400, 'BAD_CONTROL_REQUEST', 'Merge two different records of the same object');
	const tasks = repointTasks(org, lookupOf(object), loserId, masterId);
	org.store.remove(object, loserId);
	org.changed();
	return {tasks};
}

/**
 * `POST records` {object, fields} → {id}; `GET records/:id`; `DELETE records/:id` (Contact/Lead);
 * `POST records/:id/merge` {loserId}. Returns undefined for any other route (control.ts answers 404).
 */
export function relatedControl(
	org: Org,
	route: string,
	a: string | undefined,
	p: Record<string, unknown>,
): ApiResponse | undefined {
	switch (route) {
		case 'POST records': {
			const object = p['object'];
			if (typeof object !== 'string' || !RELATED.includes(object))
				throw new Error(`object must be one of ${RELATED.join(', ')}`);
			const fields = isObject(p['fields']) ? p['fields'] : {};
			const clean = Object.fromEntries(
				Object.entries(fields).filter((e): e is [string, string | null] => typeof e[1] === 'string' || e[1] === null),
			);
			return json(201, {id: org.insertRecord(object as RelatedObject, clean)});
		}
		case 'GET records/:a': {
			const id = normalizeId(a ?? '') ?? '';
			const object = relatedObject(org, id);
			return json(200, {object, ...org.store.get(object, id)});
		}
		case 'DELETE records/:a':
			deleteRelatedRecord(org, a ?? '');
			return noContent();
		case 'POST records/:a/merge':
			return json(200, mergeRelatedRecords(org, a ?? '', typeof p['loserId'] === 'string' ? p['loserId'] : ''));
		default:
			return undefined;
	}
}
