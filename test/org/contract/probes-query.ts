// Probes for SOQL and query paging (docs/local-org.md "UNCONFIRMED choices" 8–14, 31).
import {outcome, type Probe, type ProbeContext} from './probe-kit.js';

type Rec = Record<string, unknown>;

const q = (ctx: ProbeContext, soql: string, headers: Record<string, string> = {}) =>
	ctx.api(`/query?q=${encodeURIComponent(soql)}`, {headers});

/** 201 Tasks of this run (two sObject Collections creates), for the paging probes. */
async function pageOfTasks(ctx: ProbeContext): Promise<string> {
	for (const n of [200, 1]) {
		const records = Array.from({length: n}, () => ({attributes: {type: 'Task'}, Subject: ctx.tag}));
		const r = await ctx.api('/composite/sobjects', {method: 'POST', body: JSON.stringify({allOrNone: true, records})});
		for (const result of r.json as Rec[]) ctx.track(String(result['id']));
	}
	return `SELECT Id FROM Task WHERE Subject = '${ctx.tag}'`;
}

export const queryProbes: Probe[] = [
	{
		id: 'query-locator',
		item: 'UNCONFIRMED choices 8',
		question: 'The locator prefix; reading the same page twice; an unknown locator',
		async run(ctx) {
			const soql = await pageOfTasks(ctx);
			const first = await q(ctx, soql, {'Sforce-Query-Options': 'batchSize=200'});
			const next = String((first.json as Rec)['nextRecordsUrl']);
			const again = [await ctx.raw(next), await ctx.raw(next)].map(r => r.status);
			const unknown = await ctx.api('/query/0r8000000000000AAA-200');
			return {locatorPrefix: next.split('/').pop()?.slice(0, 3), sameNextTwice: again, unknown: outcome(unknown)};
		},
		local: {
			locatorPrefix: '0r8',
			sameNextTwice: [200, 200],
			unknown: {status: 400, errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator'},
		},
	},
	{
		id: 'cursor-lifetime',
		item: 'UNCONFIRMED choices 8 (§14.8)',
		question:
			'Does a locator still work after two days (and not after?), counted from the query or from the last read?',
		manual:
			'Run a query of more than 2,000 rows, keep its nextRecordsUrl, read it after 47 h and after 49 h (once with a read in between, once without).',
		async run(ctx) {
			if (!ctx.local) return {manual: true};
			const soql = await pageOfTasks(ctx);
			const first = await q(ctx, soql, {'Sforce-Query-Options': 'batchSize=200'});
			const next = String((first.json as Rec)['nextRecordsUrl']);
			ctx.local.clock.advance(47 * 3_600_000);
			const sid = ctx.local.createSession(ctx.userId);
			const at47h = (await ctx.raw(next, {auth: `Bearer ${sid}`})).status;
			ctx.local.clock.advance(2 * 3_600_000);
			const sid2 = ctx.local.createSession(ctx.userId);
			const at49h = (await ctx.raw(next, {auth: `Bearer ${sid2}`})).status;
			return {at47h, at49h};
		},
		local: {at47h: 200, at49h: 400},
	},
	{
		id: 'count-shape',
		item: 'UNCONFIRMED choices 9',
		question: 'The answer to COUNT() and to COUNT(Id)',
		async run(ctx) {
			await ctx.create({Subject: ctx.tag});
			const count = (await q(ctx, `SELECT COUNT() FROM Task WHERE Subject = '${ctx.tag}'`)).json as Rec;
			const agg = (await q(ctx, `SELECT COUNT(Id) FROM Task WHERE Subject = '${ctx.tag}'`)).json as Rec;
			return {count, countId: agg};
		},
		local: {
			count: {totalSize: 1, done: true, records: []},
			countId: {totalSize: 1, done: true, records: [{attributes: {type: 'AggregateResult'}, expr0: 1}]},
		},
	},
	{
		id: 'polymorphic-type',
		item: 'UNCONFIRMED choices 10',
		question: 'attributes.type of Owner (and of Who/What when a Task has one) in a SOQL row',
		async run(ctx) {
			const id = await ctx.create({Subject: ctx.tag});
			const [row] = await ctx.query<Rec>(`SELECT Owner.Name, Who.Name, What.Name FROM Task WHERE Id = '${id}'`);
			const [related] = await ctx.query<Rec>('SELECT What.Name, What.Type FROM Task WHERE WhatId != null LIMIT 1');
			const type = (v: unknown): unknown => (v as {attributes?: {type?: unknown}} | null)?.attributes?.type ?? v;
			return {
				owner: type(row?.['Owner']),
				emptyWho: row?.['Who'],
				what: related ? type(related['What']) : 'no Task with a WhatId',
			};
		},
		local: {owner: 'Name', emptyWho: null, what: 'no Task with a WhatId'},
	},
	{
		id: 'order-by-nulls',
		item: 'UNCONFIRMED choices 11',
		question: 'Where nulls sort by default (ASC, DESC); whether string order is case-insensitive',
		async run(ctx) {
			await ctx.create({Subject: `${ctx.tag} b`, ActivityDate: '2030-01-02'});
			await ctx.create({Subject: `${ctx.tag} A`, ActivityDate: null});
			await ctx.create({Subject: `${ctx.tag} c`, ActivityDate: '2030-01-01'});
			const order = async (by: string): Promise<unknown[]> =>
				(await ctx.query<Rec>(`SELECT Subject FROM Task WHERE Subject LIKE '${ctx.tag} %' ORDER BY ${by}`)).map(r =>
					String(r['Subject']).slice(-1),
				);
			return {
				asc: await order('ActivityDate ASC'),
				desc: await order('ActivityDate DESC'),
				subject: await order('Subject'),
			};
		},
		local: {asc: ['A', 'c', 'b'], desc: ['b', 'c', 'A'], subject: ['A', 'b', 'c']},
	},
	{
		id: 'not-equal-null',
		item: 'UNCONFIRMED choices 12',
		question: 'Does != match a null field? Does < match one?',
		async run(ctx) {
			await ctx.create({Subject: ctx.tag, ActivityDate: null});
			const count = async (where: string): Promise<unknown> =>
				((await q(ctx, `SELECT COUNT() FROM Task WHERE Subject = '${ctx.tag}' AND ${where}`)).json as Rec)['totalSize'];
			return {notEqual: await count('ActivityDate != 2030-01-01'), lessThan: await count('ActivityDate < 2030-01-01')};
		},
		local: {notEqual: 1, lessThan: 0},
	},
	{
		id: 'week-start',
		item: 'UNCONFIRMED choices 12 (§14.5)',
		question: "The first day of THIS_WEEK for the session user (it_IT: Monday), and the user's locale",
		async run(ctx) {
			const [user] = await ctx.query<Rec>(`SELECT LocaleSidKey FROM User WHERE Id = '${ctx.userId}'`);
			const today = new Date();
			for (let d = -7; d <= 7; d++) {
				const day = new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
				await ctx.create({Subject: ctx.tag, ActivityDate: day});
			}
			const [first] = await ctx.query<Rec>(
				`SELECT ActivityDate FROM Task WHERE Subject = '${ctx.tag}' AND ActivityDate = THIS_WEEK ORDER BY ActivityDate LIMIT 1`,
			);
			const weekday = new Date(`${String(first?.['ActivityDate'])}T00:00:00Z`).getUTCDay();
			return {
				locale: user?.['LocaleSidKey'],
				weekStartsOn: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday],
			};
		},
		local: {locale: 'it_IT', weekStartsOn: 'Monday'},
	},
	{
		id: 'literal-types',
		item: 'UNCONFIRMED choices 13',
		question: 'A dateTime literal with milliseconds; a date literal on a dateTime field; an invalid id literal',
		async run(ctx) {
			const code = async (soql: string) => {
				const {status, errorCode} = outcome(await q(ctx, soql));
				return errorCode === undefined ? {status} : {status, errorCode};
			};
			return {
				millis: await code('SELECT Id FROM Task WHERE CreatedDate > 2020-01-01T00:00:00.000Z LIMIT 1'),
				dateOnDateTime: await code('SELECT Id FROM Task WHERE CreatedDate > 2020-01-01 LIMIT 1'),
				badId: await code("SELECT Id FROM Task WHERE Id = 'x'"),
			};
		},
		local: {
			millis: {status: 200},
			dateOnDateTime: {status: 400, errorCode: 'INVALID_QUERY_FILTER_OPERATOR'},
			badId: {status: 400, errorCode: 'INVALID_QUERY_FILTER_OPERATOR'},
		},
	},
	{
		id: 'batch-size-clamp',
		item: 'UNCONFIRMED choices 14',
		question: 'A batchSize below 200: clamped or refused?',
		async run(ctx) {
			const soql = await pageOfTasks(ctx);
			const r = await q(ctx, soql, {'Sforce-Query-Options': 'batchSize=100'});
			return {status: r.status, pageSize: ((r.json as {records?: unknown[]}).records ?? []).length};
		},
		local: {status: 200, pageSize: 200},
	},
	{
		id: 'refusal-wording',
		item: 'UNCONFIRMED choices 31',
		question: 'The refusal of a plain field beside an aggregate without GROUP BY',
		async run(ctx) {
			return outcome(await q(ctx, 'SELECT Subject, COUNT(Id) FROM Task'));
		},
		local: {
			status: 400,
			errorCode: 'MALFORMED_QUERY',
			message: 'Field must be grouped or aggregated: Subject',
		},
	},
];
