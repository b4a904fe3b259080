// R34: the page-facing view of an Account, Contact, Lead or Opportunity (`GET /_ui/api/records/<id>`), behind
// the Lightning-like record page (page-client.ts) — its name, a few fields, links to the records it relates
// to (so the page moves between records with pushState, as Lightning does) and the Tasks about it.

import {json} from '../api/api-types.js';
import type {ApiResponse} from '../api/api-types.js';
import {normalizeId} from '../records/ids.js';
import type {Org} from '../org.js';
import {objectForId} from '../records/schema.js';
import type {FieldValue, SRecord} from '../records/store.js';

const OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity'];
const FIELDS: Record<string, Array<[string, string]>> = {
	Account: [],
	Contact: [['Email', 'Email']],
	Lead: [
		['Company', 'Company'],
		['Email', 'Email'],
	],
	Opportunity: [['Stage', 'StageName']],
};

type Link = {label: string; object: string; id: string; name: string};

const text = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');

function link(org: Org, label: string, id: FieldValue | undefined): Link[] {
	if (typeof id !== 'string') return [];
	const hit = org.store.find(id);
	return hit ? [{label, object: hit.object, id, name: text(hit.record['Name'])}] : [];
}

/** Records that point at this one: an Account's Contacts and Opportunities. */
function children(org: Org, id: string): Link[] {
	const out: Link[] = [];
	for (const object of ['Contact', 'Opportunity'])
		for (const r of org.store.table(object).values())
			if (r['AccountId'] === id) out.push({label: object, object, id: String(r['Id']), name: text(r['Name'])});
	return out;
}

export function recordView(org: Org, rawId: string): ApiResponse {
	const id = normalizeId(rawId) ?? '';
	const object = objectForId(id)?.name ?? '';
	const record: SRecord | undefined = OBJECTS.includes(object) ? org.store.get(object, id) : undefined;
	if (!record || record['IsDeleted'] === true)
		return json(404, {
			error: {errorCode: 'NOT_FOUND', message: 'The record you are looking for was deleted or does not exist.'},
		});
	const tasks = org
		.listTasks({})
		.filter(t => !t.IsDeleted && (t.WhoId === id || t.WhatId === id))
		.map(t => ({Id: t.Id, Subject: t.Subject, ActivityDate: t.ActivityDate, IsClosed: t.IsClosed}));
	return json(200, {
		Id: id,
		object,
		Name: text(record['Name']),
		fields: (FIELDS[object] ?? []).map(([label, field]) => [label, text(record[field])]),
		links: [...link(org, 'Account', record['AccountId']), ...children(org, id)],
		tasks,
	});
}
