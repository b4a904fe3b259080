// salesforce-facts.md §14.5: SOQL date-literal weeks follow the querying user's locale (SOQL and SOSL Reference,
// "Date Formats and Date Literals"): an it_IT user's THIS_WEEK starts on Monday, an en_US user's on Sunday.
import {afterAll, beforeAll, expect} from 'vitest';
import {connect, localOnly, must, openTarget} from '../contract-target.js';
import type {Target} from '../contract-target.js';
import {dateLiteralRange, firstDayOfWeek} from './soql-dates.js';

let t: Target;
// Wednesday 11 June 2025, midday in Rome and in New York.
beforeAll(async () => {
	t = await openTarget({now: new Date('2025-06-11T15:00:00Z'), frozenClock: true});
});
afterAll(() => t.close());

localOnly(
	'§14.5: THIS_WEEK, LAST_WEEK and NEXT_WEEK start on Monday for the it_IT rep and on Sunday for the en_US rep2',
	async () => {
		const org = must(t.org);
		const {rep, rep2} = org.users;
		expect([rep.locale, rep2.locale]).toEqual(['it_IT', 'en_US']);
		// One Task per day from Saturday 31 May to Monday 23 June, visible to both (public sharing).
		for (let d = 0; d < 24; d++) {
			const day = new Date(Date.UTC(2025, 4, 31 + d)).toISOString().slice(0, 10);
			org.createTask(rep.id, {Subject: `week ${day}`, ActivityDate: day});
		}
		const span = async (userId: string, literal: string): Promise<[unknown, unknown]> => {
			const conn = connect(t.url, org.createSession(userId));
			const q = await conn.query<{ActivityDate: string}>(
				`SELECT ActivityDate FROM Task WHERE ActivityDate = ${literal} ORDER BY ActivityDate`,
			);
			return [q.records[0]?.ActivityDate, q.records.at(-1)?.ActivityDate];
		};
		expect(await span(rep.id, 'THIS_WEEK')).toEqual(['2025-06-09', '2025-06-15']);
		expect(await span(rep2.id, 'THIS_WEEK')).toEqual(['2025-06-08', '2025-06-14']);
		expect(await span(rep.id, 'LAST_WEEK')).toEqual(['2025-06-02', '2025-06-08']);
		expect(await span(rep2.id, 'NEXT_WEEK')).toEqual(['2025-06-15', '2025-06-21']);
	},
);

localOnly('§14.5: the first weekday comes from the locale (CLDR), Sunday when unknown', () => {
	expect([firstDayOfWeek('it_IT'), firstDayOfWeek('en_US'), firstDayOfWeek('en_GB'), firstDayOfWeek('de_DE')]).toEqual([
		1, 0, 1, 1,
	]);
	expect(firstDayOfWeek('not a locale!')).toBe(0);
	const now = Date.UTC(2025, 5, 8, 12); // Sunday 8 June
	expect(dateLiteralRange('THIS_WEEK', undefined, now, 'Europe/Rome', 1)).toEqual({
		from: '2025-06-02',
		to: '2025-06-08',
	});
	expect(dateLiteralRange('THIS_WEEK', undefined, now, 'Europe/Rome', 0)).toEqual({
		from: '2025-06-08',
		to: '2025-06-14',
	});
});
