// Probes for getUpdated / getDeleted, archive and sharing (docs/local-org.md "UNCONFIRMED choices" 5–7, 24, 25,
// and the R37 notes).
import {outcome, type Probe, type ProbeContext} from './probe-kit.js';

type Rec = Record<string, unknown>;

function window(ctx: ProbeContext, kind: 'updated' | 'deleted', start: Date, end: Date) {
	return ctx.api(
		`/sobjects/Task/${kind}/?start=${encodeURIComponent(start.toISOString())}&end=${encodeURIComponent(end.toISOString())}`,
	);
}

/** The org's own now, from the Date header of a free call. */
async function serverNow(ctx: ProbeContext): Promise<number> {
	return Date.parse((await ctx.raw('/services/data/', {auth: null})).headers.get('date') ?? '');
}

const DAY = 86_400_000;

export const replicationProbes: Probe[] = [
	{
		id: 'replication-errors',
		item: 'UNCONFIRMED choices 5',
		question:
			'Status and messages of INVALID_REPLICATION_DATE: start = end, a start beyond the window, an unreadable date',
		async run(ctx) {
			const now = await serverNow(ctx);
			const at = new Date(now - 3_600_000);
			return {
				sameMinute: outcome(await window(ctx, 'updated', at, at)),
				updatedTooOld: outcome(await window(ctx, 'updated', new Date(now - 31 * DAY), new Date(now - 30.5 * DAY))),
				deleted16DaysBack: outcome(await window(ctx, 'deleted', new Date(now - 16 * DAY), new Date(now - 15.5 * DAY))),
				deletedTooOld: outcome(await window(ctx, 'deleted', new Date(now - 31 * DAY), new Date(now - 30.5 * DAY))),
				unreadable: outcome(await ctx.api('/sobjects/Task/updated/?start=yesterday&end=today')),
			};
		},
		local: {
			sameMinute: {
				status: 400,
				errorCode: 'INVALID_REPLICATION_DATE',
				message: 'startDate must be at least one minute greater than endDate',
			},
			updatedTooOld: {
				status: 400,
				errorCode: 'INVALID_REPLICATION_DATE',
				message: 'startDate cannot be more than 30 days ago',
			},
			deleted16DaysBack: {status: 200},
			deletedTooOld: {
				status: 400,
				errorCode: 'INVALID_REPLICATION_DATE',
				message: 'startDate cannot be more than 30 days ago',
			},
			unreadable: {status: 400, errorCode: 'INVALID_REPLICATION_DATE', message: 'Invalid date format: yesterday'},
		},
	},
	{
		id: 'earliest-date-available',
		item: 'UNCONFIRMED choices 6',
		question:
			'Is earliestDateAvailable a whole minute, and before a start 14 days back on an org with no recent purge?',
		async run(ctx) {
			const now = await serverNow(ctx);
			const start = new Date(now - 14 * DAY);
			const r = await window(ctx, 'deleted', start, new Date(now));
			const earliest = Date.parse(String((r.json as Rec)['earliestDateAvailable']));
			return {status: r.status, wholeMinute: earliest % 60_000 === 0, beforeStart: earliest <= start.getTime()};
		},
		local: {status: 200, wholeMinute: true, beforeStart: true},
	},
	{
		id: 'updated-excludes-deleted',
		item: 'UNCONFIRMED choices 7',
		question: 'Does /updated list a Task changed and then deleted inside the window?',
		async run(ctx) {
			const from = new Date((await serverNow(ctx)) - 60_000);
			const kept = await ctx.create({Subject: ctx.tag});
			const gone = await ctx.create({Subject: ctx.tag});
			await ctx.api(`/sobjects/Task/${gone}`, {method: 'DELETE'});
			await ctx.pause(61_000); // latestDateCovered is a whole minute in the past
			const r = await window(ctx, 'updated', from, new Date(await serverNow(ctx)));
			const ids = ((r.json as {ids?: string[]}).ids ?? []).map(id => id.slice(0, 15));
			return {
				status: r.status,
				listsKept: ids.includes(kept.slice(0, 15)),
				listsDeleted: ids.includes(gone.slice(0, 15)),
			};
		},
		local: {status: 200, listsKept: true, listsDeleted: false},
	},
	{
		id: 'archived-rows',
		item: 'UNCONFIRMED choices 24',
		question: 'Is an archived Task (IsArchived) hidden from query, shown by queryAll, and readable by GET?',
		async run(ctx) {
			if (ctx.local) {
				const old = new Date(ctx.local.clock.nowMs() - 400 * DAY).toISOString().slice(0, 10);
				const row = ctx.local.createTask(ctx.userId, {Subject: ctx.tag, Status: 'Completed', ActivityDate: old});
				ctx.track(row.Id);
			}
			const [archived] = await ctx.query<Rec>('SELECT Id FROM Task WHERE IsArchived = true LIMIT 1', true);
			if (!archived) return {found: false};
			const id = String(archived['Id']);
			const inQuery = (await ctx.query<Rec>(`SELECT Id FROM Task WHERE Id = '${id}'`)).length;
			return {found: true, inQuery, get: (await ctx.api(`/sobjects/Task/${id}`)).status};
		},
		local: {found: true, inQuery: 0, get: 200},
	},
	{
		id: 'sharing-default',
		item: 'UNCONFIRMED choices 25',
		question: "Does the session user see other users' Tasks (the org-wide default for activities)?",
		async run(ctx) {
			if (ctx.local) ctx.track(ctx.local.createTask(ctx.local.users.rep2.id, {Subject: ctx.tag}).Id);
			const others = await ctx.query<Rec>(`SELECT Id FROM Task WHERE OwnerId != '${ctx.userId}' LIMIT 1`);
			return {seesOthersTasks: others.length > 0};
		},
		local: {seesOthersTasks: true},
	},
	{
		id: 'unreadable-row',
		item: 'Access, queues and validation rules: UNCONFIRMED (R37)',
		question: 'GET, PATCH and a collections update of a Task the user may not read',
		needs: ['SF_PROBE_HIDDEN_TASK_ID'],
		async run(ctx) {
			let id = ctx.env('SF_PROBE_HIDDEN_TASK_ID') ?? '';
			if (ctx.local) {
				id = ctx.local.createTask(ctx.local.users.rep2.id, {Subject: ctx.tag}).Id;
				ctx.local.access.grant(id, ctx.userId, 'none');
			}
			const get = await ctx.api(`/sobjects/Task/${id}`);
			const patch = await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify({Description: 'x'})});
			const many = await ctx.api('/composite/sobjects', {
				method: 'PATCH',
				body: JSON.stringify({allOrNone: false, records: [{attributes: {type: 'Task'}, id, Description: 'x'}]}),
			});
			const result = (many.json as Rec[])[0] as {errors?: Rec[]} | undefined;
			return {get: outcome(get), patch: outcome(patch), collections: result?.errors?.[0]?.['statusCode']};
		},
		local: {
			get: {status: 404, errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'},
			patch: {
				status: 400,
				errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
				message: 'insufficient access rights on object id',
			},
			collections: 'INSUFFICIENT_ACCESS_OR_READONLY',
		},
	},
	{
		id: 'queue-member-edit',
		item: 'Access, queues and validation rules: UNCONFIRMED (R37)',
		question: 'May a member of a queue edit a Task the queue owns, and a non-member read it?',
		needs: ['SF_PROBE_QUEUE_TASK_ID'],
		manual: 'Give SF_PROBE_QUEUE_TASK_ID: a Task owned by a queue the session user is a member of.',
		async run(ctx) {
			let id = ctx.env('SF_PROBE_QUEUE_TASK_ID') ?? '';
			if (ctx.local) {
				const queue = ctx.local.addQueue(ctx.tag, [ctx.userId]);
				id = ctx.local.createTask(ctx.local.users.rep2.id, {Subject: ctx.tag}).Id;
				ctx.local.changeTaskOwner(id, queue);
				ctx.track(id);
			}
			const patch = await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify({Description: 'x'})});
			return {memberEdit: outcome(patch)};
		},
		local: {memberEdit: {status: 204}},
	},
	{
		id: 'validation-rule-error',
		item: 'Access, queues and validation rules: UNCONFIRMED (R37)',
		question: 'The shape of a validation rule refusal (status, fields) on a single-row write',
		needs: ['SF_PROBE_VALIDATION_SUBJECT'],
		manual:
			'Add a Task validation rule that refuses a Subject (error on the Subject field); give that Subject as SF_PROBE_VALIDATION_SUBJECT.',
		async run(ctx) {
			let subject = ctx.env('SF_PROBE_VALIDATION_SUBJECT') ?? '';
			if (ctx.local) {
				subject = `${ctx.tag} refused`;
				ctx.local.validationRules.set({
					name: ctx.tag,
					errorMessage: 'Not this subject',
					field: 'Subject',
					when: {field: 'Subject', equals: subject},
					on: ['create', 'update'],
				});
			}
			const r = await ctx.api('/sobjects/Task', {method: 'POST', body: JSON.stringify({Subject: subject})});
			if (ctx.local) ctx.local.validationRules.remove(ctx.tag);
			const first = (r.json as Rec[])[0];
			return {status: r.status, errorCode: first?.['errorCode'], fields: first?.['fields']};
		},
		local: {status: 400, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Subject']},
	},
];
