// Control API for real-org realism (R35 recurring series, R37 queues / access / validation rules), under
// `/__org__/…` like control.ts, which hands over every route it does not know.

import {isObject, json, noContent} from '../api/api-types.js';
import type {ApiResponse} from '../api/api-types.js';
import type {Org} from '../org.js';
import {fieldDef, TASK} from './schema.js';
import type {RuleCondition} from './validation-rules.js';

type Body = Record<string, unknown>;

function user(org: Org, v: unknown, fallback: string): string {
	if (typeof v !== 'string') return fallback;
	return v in org.users ? org.users[v as keyof Org['users']].id : v;
}

/** `{type, interval, start, end, dayOfWeekMask, dayOfMonth, instance, monthOfYear, timeZone}` → Task fields. */
function patternFields(p: Body): Record<string, unknown> {
	const map: Record<string, string> = {
		type: 'RecurrenceType',
		interval: 'RecurrenceInterval',
		start: 'RecurrenceStartDateOnly',
		end: 'RecurrenceEndDateOnly',
		dayOfWeekMask: 'RecurrenceDayOfWeekMask',
		dayOfMonth: 'RecurrenceDayOfMonth',
		instance: 'RecurrenceInstance',
		monthOfYear: 'RecurrenceMonthOfYear',
		timeZone: 'RecurrenceTimeZoneSidKey',
	};
	const out: Record<string, unknown> = {};
	for (const [k, f] of Object.entries(map)) if (p[k] !== undefined) out[f] = p[k];
	return out;
}

function series(org: Org, masterId: string): ApiResponse {
	return json(200, {masterId, occurrenceIds: org.tasks.occurrences(masterId).map(o => o.Id)});
}

function canonicalField(name: unknown): string {
	if (typeof name !== 'string') throw new Error('field must be a string');
	const f = fieldDef(TASK, name);
	if (!f) throw new Error(`No Task field ${name}`);
	return f.name;
}

/** Handles a realism route, or returns undefined so control.ts answers 404. */
export function realismControl(org: Org, route: string, a: string | undefined, p: Body): ApiResponse | undefined {
	const rep = org.users.rep.id;
	switch (route) {
		case 'POST recurrences': {
			const fields = isObject(p['fields']) ? p['fields'] : {};
			const master = org.createTask(user(org, p['userId'], rep), {
				...(p['subject'] !== undefined ? {Subject: p['subject']} : {}),
				...fields,
				IsRecurrence: true,
				...patternFields(p),
			});
			return series(org, master.Id);
		}
		case 'POST recurrences/:a':
			org.updateTask(user(org, p['asUserId'], rep), a ?? '', patternFields(p));
			return series(org, a ?? '');
		case 'POST queues': {
			const members = Array.isArray(p['members']) ? p['members'].map(m => user(org, m, rep)) : [];
			return json(201, {id: org.addQueue(typeof p['name'] === 'string' ? p['name'] : 'Queue', members)});
		}
		case 'POST tasks/:a/owner': {
			const owner = org.changeTaskOwner(a ?? '', user(org, p['ownerId'], rep));
			return json(200, {id: owner.Id, ownerId: owner.OwnerId});
		}
		case 'POST tasks/:a/access': {
			const level = p['access'];
			if (level !== 'none' && level !== 'read' && level !== 'edit') throw new Error('access must be none|read|edit');
			org.access.grant(a ?? '', user(org, p['userId'], rep), level);
			org.changed();
			return json(200, {id: a, userId: user(org, p['userId'], rep), access: level});
		}
		case 'POST sharing':
			if (p['model'] !== 'public' && p['model'] !== 'private') throw new Error('model must be public|private');
			org.access.sharing = p['model'];
			return json(200, {model: org.access.sharing});
		case 'GET validation-rules':
			return json(200, org.validationRules.list());
		case 'POST validation-rules': {
			if (typeof p['name'] !== 'string' || typeof p['errorMessage'] !== 'string')
				throw new Error('name and errorMessage are required');
			const w = p['when'];
			const when: RuleCondition =
				w === 'always' || !isObject(w)
					? 'always'
					: {
							field: canonicalField(w['field']),
							...('equals' in w ? {equals: w['equals']} : {}),
							...(typeof w['contains'] === 'string' ? {contains: w['contains']} : {}),
						};
			const on = Array.isArray(p['on'])
				? p['on'].filter((o): o is 'create' | 'update' => o === 'create' || o === 'update')
				: (['create', 'update'] as ('create' | 'update')[]);
			org.validationRules.set({
				name: p['name'],
				errorMessage: p['errorMessage'],
				...(p['field'] !== undefined ? {field: canonicalField(p['field'])} : {}),
				when,
				on,
			});
			return json(201, org.validationRules.list());
		}
		case 'DELETE validation-rules/:a':
			org.validationRules.remove(a ?? '');
			return noContent();
		default:
			return undefined;
	}
}
