// Probes for the API around the rows: accounting, identity, versions, request size, composite and collections,
// describe, methods, faults, stamps, pages and related records (docs/local-org.md "UNCONFIRMED choices").
import {deleteRelatedRecord} from '../records/related-records.js';
import {fireReminder} from '../records/reminder-fire.js';
import {outcome, type Probe, type ProbeContext} from './probe-kit.js';

type Rec = Record<string, unknown>;

/** `used` from the Sforce-Limit-Info of an answer. */
function used(h: Headers): number {
	return Number(/api-usage=(\d+)\//.exec(h.get('sforce-limit-info') ?? '')?.[1] ?? Number.NaN);
}

async function usageDelta(ctx: ProbeContext, call: () => Promise<unknown>): Promise<number> {
	const before = used((await ctx.api('/limits')).headers);
	await call();
	return used((await ctx.api('/limits')).headers) - before - 1; // the second /limits counts itself
}

export const apiProbes: Probe[] = [
	{
		id: 'api-accounting',
		item: 'UNCONFIRMED choices 19',
		question:
			'Which calls count against the allowance: userinfo, the versions list, a 404 route, a 2-part /composite, a 2-part /composite/batch',
		async run(ctx) {
			const query = `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Task LIMIT 1')}`;
			return {
				userinfo: await usageDelta(ctx, () => ctx.raw('/services/oauth2/userinfo')),
				versions: await usageDelta(ctx, () => ctx.raw('/services/data/', {auth: null})),
				notFound: await usageDelta(ctx, () => ctx.api('/no-such-resource')),
				composite: await usageDelta(ctx, () =>
					ctx.api('/composite', {
						method: 'POST',
						body: JSON.stringify({
							compositeRequest: [
								{method: 'GET', url: query, referenceId: 'a'},
								{method: 'GET', url: query, referenceId: 'b'},
							],
						}),
					}),
				),
				batch: await usageDelta(ctx, () =>
					ctx.api('/composite/batch', {
						method: 'POST',
						body: JSON.stringify({
							batchRequests: [
								{method: 'GET', url: 'v62.0/limits'},
								{method: 'GET', url: 'v62.0/limits'},
							],
						}),
					}),
				),
			};
		},
		local: {userinfo: 0, versions: 0, notFound: 1, composite: 1, batch: 2},
	},
	{
		id: 'usage-window',
		item: 'UNCONFIRMED choices 20',
		question: 'Is the daily allowance a trailing 24 h window or a daily reset?',
		manual:
			'Read Sforce-Limit-Info every hour for a day (this probe prints one reading with its time): a trailing window never drops all at once.',
		async run(ctx) {
			if (!ctx.local) {
				const r = await ctx.api('/limits');
				return {manual: true, at: r.headers.get('date'), usage: r.headers.get('sforce-limit-info')};
			}
			ctx.local.setApiUsage(0);
			await ctx.api('/limits');
			ctx.local.clock.advance(23 * 3_600_000);
			const sid = ctx.local.createSession(ctx.userId);
			const at23h = used((await ctx.raw('/services/data/v62.0/limits', {auth: `Bearer ${sid}`})).headers);
			ctx.local.clock.advance(1.5 * 3_600_000);
			const at24h30 = used((await ctx.raw('/services/data/v62.0/limits', {auth: `Bearer ${sid}`})).headers);
			return {at23h, at24h30};
		},
		local: {at23h: 2, at24h30: 2},
	},
	{
		id: 'identity-shapes',
		item: 'UNCONFIRMED choices 21',
		question: 'The /id URL of another user; whether userinfo carries user_id, organization_id, locale',
		async run(ctx) {
			const info = (await ctx.raw('/services/oauth2/userinfo')).json as Rec;
			const [other] = await ctx.query<Rec>(`SELECT Id FROM User WHERE Id != '${ctx.userId}' LIMIT 1`);
			const id = await ctx.raw(`/id/${String(info['organization_id'])}/${String(other?.['Id'])}`);
			return {
				userinfoHas: ['user_id', 'organization_id', 'locale', 'zoneinfo'].filter(k => k in info),
				otherUsersId: {status: id.status, body: id.json},
			};
		},
		local: {
			userinfoHas: ['user_id', 'organization_id', 'locale', 'zoneinfo'],
			otherUsersId: {status: 403, body: 'Bad_Id'},
		},
	},
	{
		id: 'versions-list',
		item: 'UNCONFIRMED choices 22',
		question: 'The first and last entries of GET /services/data/',
		async run(ctx) {
			const list = (await ctx.raw('/services/data/', {auth: null})).json as Rec[];
			return {first: list[0], last: list.at(-1)};
		},
		local: {
			first: {label: "Winter '18", url: '/services/data/v41.0', version: '41.0'},
			last: {label: "Summer '26", url: '/services/data/v67.0', version: '67.0'},
		},
	},
	{
		id: 'retired-version',
		item: 'Routes and methods (§14.7)',
		question: 'The body of a request to a retired version (v30.0), and to v31.0 (retired from Summer ’28)',
		async run(ctx) {
			const retired = await ctx.api('/limits', {version: '30.0'});
			const soon = await ctx.api('/limits', {version: '31.0'});
			return {v30: {status: retired.status, body: retired.json}, v31: soon.status};
		},
		local: {
			v30: {
				status: 410,
				body: [{errorCode: 'GONE', message: 'API version 30.0 has been retired and is no longer available'}],
			},
			v31: 410,
		},
	},
	{
		id: 'oversized-request',
		item: 'R55 (§14.1)',
		question:
			'The answers to an address over 16,384 bytes and to headers taking the request over it; which bytes count',
		async run(ctx) {
			const prefix = '/services/data/v62.0/query?q=';
			const path = (n: number): string => `${prefix}${'a'.repeat(n - prefix.length)}`;
			const long = await ctx.raw(path(16_385));
			const headers = await ctx.raw(path(12_000), {headers: {'X-Padding': 'p'.repeat(4_500)}});
			// Just under by address + header values, just over once the request line and header names count.
			const edge = await ctx.raw(path(16_000), {headers: {'X-Padding': 'p'.repeat(250)}});
			return {
				uri: {status: long.status, type: long.headers.get('content-type'), body: long.text},
				headers: {status: headers.status, body: headers.text},
				countsWholeHead: edge.status === 431,
			};
		},
		local: {
			uri: {
				status: 414,
				type: 'text/html;charset=iso-8859-1',
				body: '<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>',
			},
			headers: {status: 431, body: '<h1>Bad Message 431</h1><pre>reason: Request Header Fields Too Large</pre>'},
			countsWholeHead: true,
		},
	},
	{
		id: 'collections-shapes',
		item: 'UNCONFIRMED choices 26',
		question: 'A failed create result (is there an id key?), a failed update result, 201 records, and a non-Task type',
		async run(ctx) {
			const create = await ctx.api('/composite/sobjects', {
				method: 'POST',
				body: JSON.stringify({allOrNone: false, records: [{attributes: {type: 'Task'}, Subject: 'x'.repeat(300)}]}),
			});
			const update = await ctx.api('/composite/sobjects', {
				method: 'PATCH',
				body: JSON.stringify({
					allOrNone: false,
					records: [{attributes: {type: 'Task'}, id: '00T000000000001', Subject: 'x'}],
				}),
			});
			const tooMany = await ctx.api('/composite/sobjects', {
				method: 'POST',
				body: JSON.stringify({
					records: Array.from({length: 201}, () => ({attributes: {type: 'Task'}, Subject: ctx.tag})),
				}),
			});
			const created: Rec = (create.json as Rec[])[0] ?? {};
			return {
				failedCreateKeys: Object.keys(created),
				failedUpdateId: ((update.json as Rec[])[0] ?? {})['id'],
				tooMany: {status: tooMany.status, errorCode: (tooMany.json as Rec[])[0]?.['errorCode']},
			};
		},
		local: {
			failedCreateKeys: ['success', 'errors'],
			failedUpdateId: '00T000000000001',
			tooMany: {status: 400, errorCode: 'EXCEEDED_ID_LIMIT'},
		},
	},
	{
		id: 'composite-errors',
		item: 'UNCONFIRMED choices 27 (§14.2)',
		question: 'A /composite reference to nothing; six query subrequests (the documented cap is five)',
		async run(ctx) {
			const query = (ref: string) => ({
				method: 'GET',
				url: `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Task LIMIT 1')}`,
				referenceId: ref,
			});
			const badRef = await ctx.api('/composite', {
				method: 'POST',
				body: JSON.stringify({
					compositeRequest: [
						{method: 'GET', url: '/services/data/v62.0/sobjects/Task/@{nothing.id}', referenceId: 'a'},
					],
				}),
			});
			const six = await ctx.api('/composite', {
				method: 'POST',
				body: JSON.stringify({compositeRequest: ['a', 'b', 'c', 'd', 'e', 'f'].map(query)}),
			});
			const part = ((badRef.json as Rec)['compositeResponse'] as Rec[] | undefined)?.[0];
			return {
				badReference: {
					httpStatusCode: part?.['httpStatusCode'],
					errorCode: (part?.['body'] as Rec[] | undefined)?.[0]?.['errorCode'],
				},
				sixQueries: six.status,
			};
		},
		local: {badReference: {httpStatusCode: 400, errorCode: 'PROCESSING_HALTED'}, sixQueries: 200},
	},
	{
		id: 'describe-fields',
		item: 'UNCONFIRMED choices 28',
		question: 'describe properties of Subject, Status, ActivityDate, RecurrenceRegeneratedType',
		async run(ctx) {
			const d = (await ctx.api('/sobjects/Task/describe')).json as {fields?: Rec[]};
			const pick = (name: string) => {
				const f = d.fields?.find(x => x['name'] === name) ?? {};
				return [f['type'], f['length'], f['createable'], f['updateable'], f['nillable']];
			};
			return {
				Subject: pick('Subject'),
				Status: pick('Status'),
				ActivityDate: pick('ActivityDate'),
				RecurrenceRegeneratedType: pick('RecurrenceRegeneratedType'),
			};
		},
		local: {
			Subject: ['combobox', 255, true, true, true],
			Status: ['picklist', 255, true, true, false],
			ActivityDate: ['date', 0, true, true, true],
			RecurrenceRegeneratedType: ['picklist', 40, true, true, true],
		},
	},
	{
		id: 'not-emulated',
		item: 'UNCONFIRMED choices 29',
		question: 'Does an API answer set a BrowserId cookie, and does Sforce-Limit-Info carry api-bursts?',
		async run(ctx) {
			const r = await ctx.api('/limits');
			return {
				browserIdCookie: /BrowserId=/.test(r.headers.get('set-cookie') ?? ''),
				apiBursts: /api-bursts/.test(r.headers.get('sforce-limit-info') ?? ''),
			};
		},
		local: {browserIdCookie: false, apiBursts: false},
	},
	{
		id: 'frontdoor',
		item: 'UNCONFIRMED choices 30',
		question: 'What /secur/frontdoor.jsp?sid=…&retURL=… answers, and whether its sid cookie is HttpOnly',
		async run(ctx) {
			const sid = (ctx.local ? ctx.local.createSession(ctx.userId, 'lightning') : ctx.env('SF_SESSION_ID')) ?? '';
			const r = await ctx.raw(`/secur/frontdoor.jsp?sid=${encodeURIComponent(sid)}&retURL=%2Fhome%2Fhome.jsp`, {
				auth: null,
			});
			const cookie = r.headers.get('set-cookie') ?? '';
			return {status: r.status, location: r.headers.get('location'), httpOnly: /httponly/i.test(cookie)};
		},
		local: {status: 302, location: '/home/home.jsp', httpOnly: false},
	},
	{
		id: 'method-not-allowed',
		item: 'UNCONFIRMED choices 32',
		question: 'PUT on a Task row: status, body and Allow header',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			const r = await ctx.api(`/sobjects/Task/${id}`, {method: 'PUT', body: '{}'});
			return {status: r.status, body: r.json, allow: r.headers.get('allow')};
		},
		local: {
			status: 405,
			body: [
				{errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,PATCH,DELETE"},
			],
			allow: 'HEAD,GET,PATCH,DELETE',
		},
	},
	{
		id: 'batch-stamps',
		item: 'Whole-second timestamps: UNCONFIRMED',
		question: 'Do the two creates of one /composite/batch share one SystemModstamp?',
		async run(ctx) {
			const create = {method: 'POST', url: 'v62.0/sobjects/Task', richInput: {Subject: ctx.tag}};
			const r = await ctx.api('/composite/batch', {
				method: 'POST',
				body: JSON.stringify({batchRequests: [create, create]}),
			});
			const ids = ((r.json as {results?: {result?: Rec}[]}).results ?? []).map(x => String(x.result?.['id']));
			for (const id of ids) ctx.track(id);
			const rows = await ctx.query<Rec>(`SELECT SystemModstamp FROM Task WHERE Id IN ('${ids.join("','")}')`);
			return {rows: rows.length, oneStamp: new Set(rows.map(x => x['SystemModstamp'])).size === 1};
		},
		local: {rows: 2, oneStamp: true},
	},
	{
		id: 'lock-row-status',
		item: 'UNCONFIRMED choices 18',
		question: 'The HTTP status of UNABLE_TO_LOCK_ROW, and the 503 body during maintenance',
		manual:
			'Cannot be provoked from one session: update one Task from two parallel Apex transactions holding FOR UPDATE, and read a 503 during a maintenance window.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const id = await ctx.create({Subject: ctx.tag});
			ctx.local.faults.set({failNth: {n: 1, kind: 'lockRow'}});
			const locked = await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify({Subject: 'x'})});
			ctx.local.faults.set({failNth: {n: 1, kind: '503'}});
			const down = await ctx.api('/limits');
			ctx.local.faults.clear();
			return {
				lockRow: [locked.status, outcome(locked)['errorCode']],
				unavailable: {status: down.status, body: down.json, retryAfter: down.headers.get('retry-after')},
			};
		},
		local: {
			lockRow: [400, 'UNABLE_TO_LOCK_ROW'],
			unavailable: {
				status: 503,
				body: [{message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE'}],
				retryAfter: null,
			},
		},
	},
	{
		id: 'session-timeouts',
		item: 'UNCONFIRMED choices 23',
		question: 'Does a session end after 2 h unused (the default Session Settings), even while younger than 24 h?',
		manual: 'Use a session, leave it unused for 2 h 5 min, call /limits; repeat with calls every hour for 25 h.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const sid = ctx.local.createSession(ctx.userId);
			const call = async () => (await ctx.raw('/services/data/v62.0/limits', {auth: `Bearer ${sid}`})).status;
			ctx.local.clock.advance(119 * 60_000);
			const at119min = await call();
			ctx.local.clock.advance(121 * 60_000);
			return {at119min, after121minIdle: await call()};
		},
		local: {at119min: 200, after121minIdle: 401},
	},
	{
		id: 'contact-delete-tasks',
		item: 'UNCONFIRMED choices 34',
		question: 'What becomes of a Task when its Contact is deleted: kept with WhoId cleared, or deleted with it?',
		async run(ctx) {
			let contact: string;
			if (ctx.local) contact = ctx.local.insertRecord('Contact', {LastName: ctx.tag});
			else {
				const c = await ctx.api('/sobjects/Contact', {method: 'POST', body: JSON.stringify({LastName: ctx.tag})});
				contact = String((c.json as Rec)['id']);
			}
			const task = await ctx.create({Subject: ctx.tag, WhoId: contact});
			if (ctx.local) deleteRelatedRecord(ctx.local, contact);
			else await ctx.api(`/sobjects/Contact/${contact}`, {method: 'DELETE'});
			const [row] = await ctx.query<Rec>(`SELECT IsDeleted, WhoId FROM Task WHERE Id = '${task}'`, true);
			return {taskDeleted: row?.['IsDeleted'], whoId: row?.['WhoId']};
		},
		local: {taskDeleted: false, whoId: null},
	},
	{
		id: 'reminder-fired',
		item: 'UNCONFIRMED choices 35',
		question:
			'When Salesforce fires a reminder: IsReminderSet false, ReminderDateTime kept; SystemModstamp and LastModifiedDate moved?',
		manual:
			'Create a Task with IsReminderSet true and ReminderDateTime two minutes ahead, keep a Lightning tab open until the reminder shows, then read the Task (this probe, with SF_PROBE_FIRED_TASK_ID).',
		needs: ['SF_PROBE_FIRED_TASK_ID'],
		async run(ctx) {
			let id = ctx.env('SF_PROBE_FIRED_TASK_ID') ?? '';
			let before: Rec | undefined;
			if (ctx.local) {
				id = await ctx.create({Subject: ctx.tag, IsReminderSet: true, ReminderDateTime: '2030-01-01T09:00:00.000Z'});
				[before] = await ctx.query<Rec>(`SELECT SystemModstamp, LastModifiedDate FROM Task WHERE Id = '${id}'`);
				await ctx.pause(2_000);
				fireReminder(ctx.local, id);
			}
			const [row] = await ctx.query<Rec>(
				`SELECT IsReminderSet, ReminderDateTime, SystemModstamp, LastModifiedDate, CreatedDate FROM Task WHERE Id = '${id}'`,
			);
			return {
				isReminderSet: row?.['IsReminderSet'],
				reminderKept: row?.['ReminderDateTime'] !== null,
				systemModstampMoved: before
					? before['SystemModstamp'] !== row?.['SystemModstamp']
					: row?.['SystemModstamp'] !== row?.['CreatedDate'],
				lastModifiedMoved: before
					? before['LastModifiedDate'] !== row?.['LastModifiedDate']
					: row?.['LastModifiedDate'] !== row?.['CreatedDate'],
			};
		},
		local: {isReminderSet: false, reminderKept: true, systemModstampMoved: true, lastModifiedMoved: false},
	},
	{
		id: 'save-toast',
		item: 'UNCONFIRMED choices 36',
		question:
			"Is Lightning's save toast (slds-notify_toast) reachable by querySelector; does a Classic save answer with a redirect?",
		manual:
			'In a signed-in browser: save a Task in Lightning and run document.querySelector(".slds-notify_toast") within 3 s; save one in Classic and read performance.getEntriesByType("navigation")[0].redirectCount.',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			// The local Lightning-like client draws the SLDS toast in the light DOM (docs/local-org.md "Login and pages", save toast).
			const script = await ctx.raw('/_ui/app.js', {auth: null});
			return {toastInLightDom: script.text.includes('slds-notify_toast')};
		},
		local: {toastInLightDom: true},
	},
];
