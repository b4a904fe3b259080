// Classic record page `/<id>` (15 or 18 chars): server-rendered, plain HTML forms, full page reloads —
// the other page shape the content script meets (salesforce-facts.md §8). Also the Classic home
// `/home/home.jsp` and a plain detail page for the seeded non-Task records (Accounts, Contacts, …).

import type {ApiRequest, ApiResponse} from '../api/api-types.js';
import {SfError} from '../api/errors.js';
import {normalizeId} from '../records/ids.js';
import type {Org, OrgUser} from '../org.js';
import {escapeHtml, html, redirect} from './page-html.js';
import type {SRecord} from '../records/store.js';

const opt = (v: string, label: string, cur: string): string =>
	`<option value="${escapeHtml(v)}"${v === cur ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** The Classic chrome: title, stylesheet (a served file: the CSP allows no inline style), body. */
function classicDocument(title: string, body: string, user: OrgUser, status = 200): ApiResponse {
	return html(
		status,
		`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} ~ Salesforce - Enterprise Edition</title>
<link rel="stylesheet" href="/_ui/classic.css"></head>
<body class="classic"><div id="contentWrapper" data-testid="classic-app" data-user-id="${user.id}">
${body}</div></body></html>`,
	);
}

/** Classic home `/home/home.jsp`: the user's open Tasks, each linking to its Classic page. */
export function classicHome(org: Org, user: OrgUser): ApiResponse {
	const rows = org
		.listTasks({ownerId: user.id})
		.filter(t => !t.IsClosed && !t.IsArchived)
		.map(
			t =>
				`<tr data-testid="task-row" data-record-id="${t.Id}"><td><a href="/${t.Id.slice(0, 15)}" data-testid="task-link">${escapeHtml(t.Subject ?? '')}</a></td><td data-testid="task-due-date">${escapeHtml(t.ActivityDate ?? '')}</td></tr>`,
		)
		.join('');
	return classicDocument(
		'Home',
		`<div class="bPageTitle"><h1 class="pageType">Home</h1><h2 class="pageDescription" data-testid="page-title">${escapeHtml(user.name)}</h2></div>
<h3>My Tasks</h3><table data-testid="task-list">${rows}</table>`,
		user,
	);
}

/** A non-Task record (Account, Contact, …) in Classic: a detail page with a title block, and no Task in it. */
function otherRecordPage(object: string, record: SRecord, user: OrgUser): ApiResponse {
	const name = typeof record['Name'] === 'string' ? record['Name'] : '';
	return classicDocument(
		`${object}: ${name}`,
		`<div class="bPageTitle" data-testid="record-header"><h1 class="pageType">${escapeHtml(object)}</h1><h2 class="pageDescription" data-testid="record-name">${escapeHtml(name)}</h2></div>
<div class="detailList" data-testid="record-page" data-record-id="${escapeHtml(String(record['Id']))}" data-sobject="${escapeHtml(object)}">
<table><tr><td>${escapeHtml(object)} Name</td><td>${escapeHtml(name)}</td></tr></table></div>`,
		user,
	);
}

export function classicPage(org: Org, user: OrgUser, rawId: string, error?: string): ApiResponse {
	const id = normalizeId(rawId) ?? '';
	const t = org.getTask(id);
	const other = t ? undefined : org.store.find(id);
	if (other && other.object !== 'Task' && other.record['IsDeleted'] !== true)
		return otherRecordPage(other.object, other.record, user);
	if (!t || t.IsDeleted) {
		return html(
			404,
			`<!doctype html><html><body><h1 data-testid="page-title">Data Not Available</h1><p>The data you were trying to access could not be found. It may be due to another user deleting the data or a system error.</p></body></html>`,
		);
	}
	const e = (v: string | null): string => escapeHtml(v ?? '');
	const statuses = org.picklists
		.statusList()
		.map(s => opt(s.ApiName, s.MasterLabel ?? s.ApiName, t.Status))
		.join('');
	const priorities = org.picklists
		.priorityList()
		.map(p => opt(p.ApiName, p.MasterLabel ?? p.ApiName, t.Priority))
		.join('');
	return classicDocument(
		`Task: ${t.Subject ?? ''}`,
		`<div class="bPageTitle" data-testid="record-header"><h1 class="pageType">Task</h1><h2 class="pageDescription" data-testid="task-subject">${e(t.Subject)}</h2></div>
${error ? `<p data-testid="message" role="alert">${escapeHtml(error)}</p>` : ''}
<div class="detailList" data-testid="record-page" data-record-id="${t.Id}" data-sobject="Task" data-closed="${String(t.IsClosed)}">
<table><tr><td>Status</td><td data-testid="task-status">${e(t.Status)}</td></tr>
<tr><td>Priority</td><td data-testid="task-priority">${e(t.Priority)}</td></tr>
<tr><td>Due Date</td><td data-testid="task-due-date">${e(t.ActivityDate)}</td></tr>
<tr><td>Assigned To</td><td data-testid="task-owner">${e(org.user(t.OwnerId)?.name ?? null)}</td></tr>
<tr><td>Comments</td><td data-testid="task-description">${e(t.Description)}</td></tr></table></div>
<form method="post" action="/${t.Id}" data-testid="task-form">
<label>Subject <input name="Subject" data-testid="input-subject" value="${e(t.Subject)}" maxlength="255"></label>
<label>Status <select name="Status" data-testid="input-status">${statuses}</select></label>
<label>Priority <select name="Priority" data-testid="input-priority">${priorities}</select></label>
<label>Due Date <input type="date" name="ActivityDate" data-testid="input-due-date" value="${e(t.ActivityDate)}"></label>
<label>Comments <textarea name="Description" data-testid="input-description">${e(t.Description)}</textarea></label>
<button type="submit" name="_action" value="save" data-testid="save">Save</button>
<button type="submit" name="_action" value="complete" data-testid="complete"${t.IsClosed ? ' disabled' : ''}>Mark Complete</button>
<button type="submit" name="_action" value="delete" data-testid="delete">Delete</button></form>
<p><a href="/lightning/r/Task/${t.Id}/view" data-testid="lightning-link">Switch to Lightning Experience</a></p>`,
		user,
		error ? 400 : 200,
	);
}

/** Form POST to `/<id>`: save / complete / delete, then redirect (Post/Redirect/Get), as Classic does. */
export function classicAction(org: Org, req: ApiRequest, user: OrgUser, rawId: string): ApiResponse {
	const id = normalizeId(rawId) ?? '';
	const form = new URLSearchParams(req.body);
	try {
		switch (form.get('_action')) {
			case 'delete':
				org.deleteTask(user.id, id);
				return redirect('/lightning/o/Task/list');
			case 'complete': {
				const closed = org.picklists.closedStatus();
				if (!closed) throw new SfError(400, 'FIELD_INTEGRITY_EXCEPTION', 'This org has no closed Task status');
				org.updateTask(user.id, id, {Status: closed});
				return redirect(`/${id}`);
			}
			default: {
				const fields: Record<string, unknown> = {};
				for (const k of ['Subject', 'Status', 'Priority', 'ActivityDate', 'Description'])
					if (form.has(k)) fields[k] = form.get(k) === '' ? null : form.get(k);
				org.updateTask(user.id, id, fields);
				return redirect(`/${id}`);
			}
		}
	} catch (e) {
		if (e instanceof SfError) return classicPage(org, user, rawId, `${e.errorCode}: ${e.message}`);
		throw e;
	}
}
