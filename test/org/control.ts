// The control API under `/__org__/…` for the demo and browser tests that run the org in another process.
// Not a Salesforce route: never authenticated, never counted as an API call, not faulted.

import {isObject, json, noContent} from './api/api-types.js';
import type {ApiRequest, ApiResponse} from './api/api-types.js';
import {SfError} from './api/errors.js';
import {realismControl} from './records/control-realism.js';
import {relatedControl} from './records/related-records.js';
import type {Org} from './org.js';
import type {TaskPriorityValue, TaskStatusValue} from './records/picklists.js';
import {oauthControl} from './oauth/oauth-control.js';
import {fireReminder} from './records/reminder-fire.js';
import {recordJson} from './api/rows.js';
import {TASK} from './records/schema.js';
import type {TaskRow} from './records/tasks.js';

function body(req: ApiRequest): Record<string, unknown> {
	if (!req.body) return {};
	const v = JSON.parse(req.body) as unknown;
	return isObject(v) ? v : {};
}

/** `userId` may be an id or one of the demo user keys rep / rep2 / admin. */
function userId(org: Org, v: unknown, fallback: string): string {
	if (typeof v !== 'string') return fallback;
	return v in org.users ? org.users[v as keyof Org['users']].id : v;
}

const taskJson = (row: TaskRow): Record<string, unknown> => recordJson(TASK, row, '62.0');

export function orgState(org: Org): Record<string, unknown> {
	return {
		orgId: org.orgId,
		orgId15: org.orgId15,
		name: org.name,
		now: org.clock.now().toISOString(),
		users: org.users,
		apiUsage: org.apiUsage(),
		faults: org.faults.current(),
		tasks: org.store.table('Task').size,
		recycleBin: org.tasks.recycleBin.size,
		statuses: org.picklists.statusList(),
		priorities: org.picklists.priorityList(),
		sessions: org.sessions.list().length,
		apiAccessControl: org.apiAccessControl,
		// §14.12: users holding "Use Any API Client" (POST /__org__/users/<user>/permissions).
		useAnyApiClient: [...org.useAnyApiClient],
		apiUsageByClient: org.clientUsage.clients(),
	};
}

export function handleControl(org: Org, req: ApiRequest): ApiResponse {
	try {
		return route(org, req);
	} catch (e) {
		if (e instanceof SfError) return json(e.status, [e.toBody()]);
		return json(400, [{message: e instanceof Error ? e.message : String(e), errorCode: 'BAD_CONTROL_REQUEST'}]);
	}
}

function route(org: Org, req: ApiRequest): ApiResponse {
	const parts = req.path.split('/').filter(Boolean).slice(1);
	const [head, a, b] = parts;
	const m = req.method;
	const p = m === 'GET' || m === 'DELETE' ? {} : body(req);
	const rep = org.users.rep.id;
	const routeKey = `${m} ${head ?? ''}${a === undefined ? '' : '/:a'}${b === undefined ? '' : '/' + b}`;
	// R35/R37 routes (recurrences, queues, owner, access, sharing, validation rules) live in control-realism.ts.
	const realism = realismControl(org, routeKey, a, p);
	if (realism) return realism;
	// R33 routes (related records: insert, merge, delete) live in related-records.ts.
	const related = relatedControl(org, routeKey, a, p);
	if (related) return related;
	switch (routeKey) {
		case 'GET state':
			return json(200, orgState(org));
		case 'POST clock':
			if (typeof p['set'] === 'string') org.clock.set(new Date(p['set']));
			if (typeof p['advanceMs'] === 'number') org.clock.advance(p['advanceMs']);
			return json(200, {now: org.clock.now().toISOString()});
		case 'GET faults':
			return json(200, org.faults.current());
		case 'POST faults':
			org.faults.set(p);
			return json(200, org.faults.current());
		case 'DELETE faults':
			org.faults.clear();
			return noContent();
		case 'POST sessions': {
			const sid = org.createSession(userId(org, p['userId'], rep), p['kind'] === 'lightning' ? 'lightning' : 'api');
			return json(201, {sid});
		}
		case 'POST sessions/:a':
			if (a !== 'expire') break;
			if (typeof p['sid'] === 'string') org.expireSession(p['sid']);
			else org.expireAllSessions();
			return noContent();
		case 'POST session-timeouts':
			org.setSessionTimeouts({
				...(typeof p['idleMs'] === 'number' ? {idleMs: p['idleMs']} : {}),
				...(typeof p['absoluteMs'] === 'number' ? {absoluteMs: p['absoluteMs']} : {}),
			});
			return noContent();
		case 'POST api-usage':
			if (typeof p['used'] === 'number') org.setApiUsage(p['used']);
			if (typeof p['limit'] === 'number') org.setApiLimit(p['limit']);
			return json(200, org.apiUsage());
		case 'GET requests':
			return json(200, org.requests);
		case 'DELETE requests':
			org.resetRequestLog();
			return noContent();
		case 'GET tasks': {
			const owner = req.query.get('ownerId');
			return json(
				200,
				org
					.listTasks({
						...(owner ? {ownerId: userId(org, owner, rep)} : {}),
						includeDeleted: req.query.get('includeDeleted') === 'true',
					})
					.map(taskJson),
			);
		}
		case 'POST tasks':
			return json(
				201,
				taskJson(org.createTask(userId(org, p['asUserId'], rep), isObject(p['fields']) ? p['fields'] : {})),
			);
		case 'GET tasks/:a': {
			const row = org.getTask(a ?? '');
			return row
				? json(200, taskJson(row))
				: json(404, [{message: 'The requested resource does not exist', errorCode: 'NOT_FOUND'}]);
		}
		case 'PATCH tasks/:a':
			return json(
				200,
				taskJson(org.updateTask(userId(org, p['asUserId'], rep), a ?? '', isObject(p['fields']) ? p['fields'] : {})),
			);
		case 'DELETE tasks/:a':
			org.deleteTask(userId(org, req.query.get('asUserId'), rep), a ?? '');
			return noContent();
		case 'POST tasks/:a/fire-reminder':
			// R32: Salesforce's own reminder fired (IsReminderSet → false, ReminderDateTime kept).
			return json(200, taskJson(fireReminder(org, a ?? '')));
		case 'POST tasks/:a/undelete':
			return json(200, taskJson(org.undeleteTask(a ?? '')));
		case 'POST recycle-bin/:a':
			if (a !== 'purge') break;
			return json(200, {
				purged: org.purgeRecycleBin(typeof p['olderThan'] === 'string' ? new Date(p['olderThan']) : undefined),
			});
		case 'POST picklists':
			if (Array.isArray(p['statuses'])) org.setTaskStatuses(p['statuses'] as TaskStatusValue[]);
			if (Array.isArray(p['priorities'])) org.setTaskPriorities(p['priorities'] as TaskPriorityValue[]);
			return json(200, {statuses: org.picklists.statusList(), priorities: org.picklists.priorityList()});
		default: {
			const r = oauthControl(org, req, `${m} ${parts.join('/')}`, p);
			if (r) return r;
			break;
		}
	}
	return json(404, [{message: `Unknown control route ${m} ${req.path}`, errorCode: 'NOT_FOUND'}]);
}
