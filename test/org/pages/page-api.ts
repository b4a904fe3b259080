// Same-origin JSON endpoints behind the record pages (`/_ui/api/...`). Authenticated by the page host's
// `sid` cookie (either kind, as Lightning's own UI traffic is), NOT counted as API calls, writing through
// the same store as the REST API — so an edit "made in the Salesforce UI" is exactly what sync sees.

import {isObject, json, noContent} from '../api/api-types.js';
import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import {SfError} from '../api/errors.js';
import {normalizeId} from '../records/ids.js';
import type {Org, OrgUser} from '../org.js';
import {recordView} from './record-pages.js';
import type {TaskRow} from '../records/tasks.js';

/** The page-facing view of a Task: canonical field names, dateTimes as ISO strings. */
export function taskView(org: Org, row: TaskRow): Record<string, unknown> {
	const who = row.WhoId ? org.store.find(row.WhoId)?.record['Name'] : null;
	const what = row.WhatId ? org.store.find(row.WhatId)?.record['Name'] : null;
	return {
		Id: row.Id,
		Subject: row.Subject,
		Status: row.Status,
		Priority: row.Priority,
		ActivityDate: row.ActivityDate,
		Description: row.Description,
		IsClosed: row.IsClosed,
		IsHighPriority: row.IsHighPriority,
		TaskSubtype: row.TaskSubtype,
		OwnerId: row.OwnerId,
		OwnerName: org.user(row.OwnerId)?.name ?? null,
		WhoName: who ?? null,
		WhatName: what ?? null,
		LastModifiedDate: new Date(row.LastModifiedDate).toISOString(),
	};
}

const EDITABLE = ['Subject', 'Status', 'Priority', 'ActivityDate', 'Description'];

function fieldsFrom(body: unknown): Record<string, unknown> {
	if (!isObject(body)) throw new SfError(400, 'JSON_PARSER_ERROR', 'expected an object');
	const out: Record<string, unknown> = {};
	for (const k of EDITABLE) if (k in body) out[k] = body[k];
	return out;
}

function taskId(raw: string | undefined): string {
	const id = normalizeId(raw ?? '');
	if (!id) throw new SfError(400, 'MALFORMED_ID', `Record ID: id value of incorrect type: ${raw ?? ''}`, ['Id']);
	return id;
}

export function handlePageApi(org: Org, req: ApiRequest, user: OrgUser): ApiResponse {
	const parts = req.path.split('/').filter(Boolean).slice(2); // drop `_ui`, `api`
	const [head, rawId, action] = parts;
	const body = (): unknown => (req.body ? (JSON.parse(req.body) as unknown) : {});
	try {
		if (head === 'me')
			return json(200, {
				user,
				statuses: org.picklists.statusList(),
				priorities: org.picklists.priorityList(),
				closedStatus: org.picklists.closedStatus() ?? null,
			});
		// R34: Account, Contact, Lead and Opportunity record pages (record-pages.ts).
		if (head === 'records' && rawId !== undefined && req.method === 'GET') return recordView(org, rawId);
		if (head !== 'tasks') return json(404, {error: {errorCode: 'NOT_FOUND', message: 'Unknown page endpoint'}});
		if (rawId === undefined) {
			if (req.method === 'GET') {
				const scope = req.query.get('scope');
				const rows = org.listTasks(scope === 'all' ? {} : {ownerId: user.id}).filter(r => !r.IsArchived);
				rows.sort(
					(a, b) =>
						(a.ActivityDate ?? '9999').localeCompare(b.ActivityDate ?? '9999') ||
						(a.Subject ?? '').localeCompare(b.Subject ?? ''),
				);
				return json(
					200,
					rows.map(r => taskView(org, r)),
				);
			}
			if (req.method === 'POST') return json(201, taskView(org, org.createTask(user.id, fieldsFrom(body()))));
		} else {
			const id = taskId(rawId);
			if (action === 'complete' && req.method === 'POST') {
				const closed = org.picklists.closedStatus();
				if (!closed)
					throw new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'This org has no closed Task status', ['Status']);
				return json(200, taskView(org, org.updateTask(user.id, id, {Status: closed})));
			}
			if (action === undefined && req.method === 'GET') {
				const row = org.getTask(id);
				if (!row || row.IsDeleted)
					throw new SfError(404, 'NOT_FOUND', 'The record you are looking for was deleted or does not exist.');
				return json(200, taskView(org, row));
			}
			if (action === undefined && req.method === 'PATCH')
				return json(200, taskView(org, org.updateTask(user.id, id, fieldsFrom(body()))));
			if (action === undefined && req.method === 'DELETE') {
				org.deleteTask(user.id, id);
				return noContent();
			}
		}
		return json(405, {error: {errorCode: 'METHOD_NOT_ALLOWED', message: `${req.method} not allowed`}});
	} catch (e) {
		if (e instanceof SfError)
			return json(e.status, {error: {errorCode: e.errorCode, message: e.message, fields: e.fields ?? []}});
		if (e instanceof SyntaxError) return json(400, {error: {errorCode: 'JSON_PARSER_ERROR', message: e.message}});
		throw e;
	}
}
