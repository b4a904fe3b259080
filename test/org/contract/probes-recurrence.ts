// Probes for recurring series and repeating Tasks (docs/local-org.md "Recurring Task series (R35)": UNCONFIRMED).
import {outcome, type Probe, type ProbeContext} from './probe-kit.js';

type Rec = Record<string, unknown>;

/** A weekly series created through the API; its occurrences are cleaned up with it. */
async function series(ctx: ProbeContext, fields: Rec): Promise<{id: string; dates: unknown[]; rows: Rec[]}> {
	const id = await ctx.create({IsRecurrence: true, Subject: ctx.tag, ...fields});
	const rows = await ctx.query<Rec>(
		`SELECT Id, ActivityDate, RecurrenceType, RecurrenceInterval FROM Task WHERE RecurrenceActivityId = '${id}' ORDER BY ActivityDate`,
	);
	return {id, rows, dates: rows.map(r => r['ActivityDate'])};
}

const weekly = {
	RecurrenceType: 'RecursWeekly',
	RecurrenceInterval: 1,
	RecurrenceDayOfWeekMask: 2, // Mondays
	RecurrenceStartDateOnly: '2030-06-03',
	RecurrenceEndDateOnly: '2030-06-24',
};

export const recurrenceProbes: Probe[] = [
	{
		id: 'recurrence-required-fields',
		item: 'R35 UNCONFIRMED (required fields per type)',
		question: 'Which fields a weekly and a monthly series need (REQUIRED_FIELD_MISSING names them?)',
		async run(ctx) {
			const post = async (fields: Rec) =>
				outcome(
					await ctx.api('/sobjects/Task', {
						method: 'POST',
						body: JSON.stringify({Subject: ctx.tag, IsRecurrence: true, ...fields}),
					}),
				);
			return {
				weeklyWithoutMask: await post({...weekly, RecurrenceDayOfWeekMask: undefined}),
				monthlyWithoutDay: await post({
					RecurrenceType: 'RecursMonthly',
					RecurrenceInterval: 1,
					RecurrenceStartDateOnly: '2030-06-03',
					RecurrenceEndDateOnly: '2030-09-03',
				}),
			};
		},
		local: {
			weeklyWithoutMask: {
				status: 400,
				errorCode: 'REQUIRED_FIELD_MISSING',
				message: 'Required fields are missing: [RecurrenceDayOfWeekMask]',
			},
			monthlyWithoutDay: {
				status: 400,
				errorCode: 'REQUIRED_FIELD_MISSING',
				message: 'Required fields are missing: [RecurrenceDayOfMonth]',
			},
		},
	},
	{
		id: 'recurrence-master-edits',
		item: 'R35 UNCONFIRMED (refusals on a master)',
		question: 'The errors for ActivityDate or Status on a master, an end before the start, an interval of 0',
		async run(ctx) {
			const {id} = await series(ctx, weekly);
			const patch = async (fields: Rec) =>
				outcome(await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify(fields)}));
			const post = async (fields: Rec) =>
				outcome(
					await ctx.api('/sobjects/Task', {
						method: 'POST',
						body: JSON.stringify({Subject: ctx.tag, IsRecurrence: true, ...weekly, ...fields}),
					}),
				);
			return {
				activityDate: (await patch({ActivityDate: '2030-07-01'}))['errorCode'],
				status: (await patch({Status: 'Completed'}))['errorCode'],
				endBeforeStart: (await post({RecurrenceEndDateOnly: '2030-06-01'}))['errorCode'],
				intervalZero: (await post({RecurrenceInterval: 0}))['errorCode'],
			};
		},
		local: {
			activityDate: 'FIELD_INTEGRITY_EXCEPTION',
			status: 'FIELD_INTEGRITY_EXCEPTION',
			endBeforeStart: 'FIELD_INTEGRITY_EXCEPTION',
			intervalZero: 'FIELD_INTEGRITY_EXCEPTION',
		},
	},
	{
		id: 'recurrence-cap',
		item: 'R35 UNCONFIRMED (at most 100 occurrences)',
		question: 'How many occurrences a daily series over 200 days gets (or is it refused?)',
		async run(ctx) {
			const r = await ctx.api('/sobjects/Task', {
				method: 'POST',
				body: JSON.stringify({
					Subject: ctx.tag,
					IsRecurrence: true,
					RecurrenceType: 'RecursDaily',
					RecurrenceInterval: 1,
					RecurrenceStartDateOnly: '2030-01-01',
					RecurrenceEndDateOnly: '2030-07-19',
				}),
			});
			if (r.status !== 201) return outcome(r);
			const id = String((r.json as Rec)['id']);
			ctx.track(id);
			const count = await ctx.api(
				`/query?q=${encodeURIComponent(`SELECT COUNT() FROM Task WHERE RecurrenceActivityId = '${id}'`)}`,
			);
			return {status: 201, occurrences: (count.json as Rec)['totalSize']};
		},
		local: {status: 201, occurrences: 100},
	},
	{
		id: 'recurrence-master-date',
		item: 'R35 UNCONFIRMED (the master’s own due date; Recurrence* on occurrences)',
		question: "The master's ActivityDate, and whether occurrences carry RecurrenceType/Interval",
		async run(ctx) {
			const {id, rows} = await series(ctx, weekly);
			const master = (await ctx.api(`/sobjects/Task/${id}?fields=ActivityDate`)).json as Rec;
			return {
				masterDue: master['ActivityDate'],
				occurrenceType: rows[0]?.['RecurrenceType'],
				occurrenceInterval: rows[0]?.['RecurrenceInterval'],
			};
		},
		local: {masterDue: '2030-06-03', occurrenceType: null, occurrenceInterval: null},
	},
	{
		id: 'recurrence-weekly-interval',
		item: 'R35 UNCONFIRMED (weeks counted from the start week)',
		question: 'Every 2 weeks on Monday and Thursday from a Wednesday start: which dates?',
		async run(ctx) {
			const {dates} = await series(ctx, {
				...weekly,
				RecurrenceInterval: 2,
				RecurrenceDayOfWeekMask: 2 + 16,
				RecurrenceStartDateOnly: '2030-06-05',
				RecurrenceEndDateOnly: '2030-06-30',
			});
			return dates;
		},
		local: ['2030-06-06', '2030-06-17', '2030-06-20'],
	},
	{
		id: 'recurrence-closed-date-kept',
		item: 'R35 UNCONFIRMED (new pattern vs kept closed occurrences)',
		question: 'After a pattern change, does a new occurrence fall on a date a kept closed occurrence already has?',
		async run(ctx) {
			const {id, rows} = await series(ctx, weekly);
			await ctx.api(`/sobjects/Task/${String(rows[0]?.['Id'])}`, {
				method: 'PATCH',
				body: JSON.stringify({Status: 'Completed'}),
			});
			await ctx.api(`/sobjects/Task/${id}`, {method: 'PATCH', body: JSON.stringify({RecurrenceDayOfWeekMask: 2 + 4})});
			const after = await ctx.query<Rec>(
				`SELECT ActivityDate FROM Task WHERE RecurrenceActivityId = '${id}' AND ActivityDate = 2030-06-03`,
			);
			return {tasksOnFirstMonday: after.length};
		},
		local: {tasksOnFirstMonday: 2},
	},
	{
		id: 'recurrence-time-zone',
		item: 'R35 UNCONFIRMED (RecurrenceTimeZoneSidKey)',
		question: 'Does RecurrenceTimeZoneSidKey shift the occurrence dates?',
		async run(ctx) {
			const {dates} = await series(ctx, {...weekly, RecurrenceTimeZoneSidKey: 'Pacific/Kiritimati'});
			return dates;
		},
		local: ['2030-06-03', '2030-06-10', '2030-06-17', '2030-06-24'],
	},
	{
		id: 'repeat-on-close',
		item: 'R35 UNCONFIRMED (Repeat This Task, §14.3)',
		question:
			'Closing a repeating Task: the next one’s fields, the closed one’s RecurrenceRegeneratedType, and an undated one',
		async run(ctx) {
			const base = {
				Subject: ctx.tag,
				Priority: 'High',
				Description: 'notes',
				RecurrenceRegeneratedType: 'RecurrenceRegenerateAfterDueDate',
				RecurrenceInterval: 7,
			};
			const dated = await ctx.create({...base, ActivityDate: '2030-06-03'});
			await ctx.api(`/sobjects/Task/${dated}`, {method: 'PATCH', body: JSON.stringify({Status: 'Completed'})});
			const rows = await ctx.query<Rec>(
				`SELECT Id, ActivityDate, Status, Priority, Description, IsReminderSet, RecurrenceRegeneratedType FROM Task WHERE Subject = '${ctx.tag}' ORDER BY ActivityDate`,
			);
			for (const r of rows) if (r['Id'] !== dated) ctx.track(String(r['Id']));
			const next = rows.find(r => r['Id'] !== dated);
			return {
				tasks: rows.length,
				closedType: rows.find(r => r['Id'] === dated)?.['RecurrenceRegeneratedType'],
				next: next && {
					due: next['ActivityDate'],
					status: next['Status'],
					priority: next['Priority'],
					description: next['Description'],
				},
			};
		},
		local: {
			tasks: 2,
			closedType: 'RecurrenceRegenerated',
			next: {due: '2030-06-10', status: 'Not Started', priority: 'High', description: 'notes'},
		},
	},
];
