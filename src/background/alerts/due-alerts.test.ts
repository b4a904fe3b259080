/** R31/R32: which reminders alert now (once per computer, missed while closed, who alerts), the next alarm, snooze. */
import {describe, expect, test} from 'vitest';
import type {Reminder} from '@/shared/store/schema.js';
import {
	dueAlerts,
	LATE_AFTER_MS,
	LEARNED_GRACE_MS,
	MISSED_LOOKBACK_MS,
	nextAlarmAt,
	ticklerAlertsFor,
} from './due-alerts.js';
import {snoozedUntil} from '@/shared/snooze.js';

const AT = '2026-03-05T15:00:00.000Z';
const AT_MS = Date.parse(AT);
const MINUTE = 60_000;

function reminder(overrides: Partial<Reminder> = {}): Reminder {
	return {
		id: 'r1',
		partition: 'local',
		name: 'Call Ann',
		status: 'open',
		priority: 'normal',
		dueDate: '2026-03-05',
		details: '',
		whoId: null,
		whatId: null,
		reminderAt: AT,
		createdAt: 0,
		updatedAt: 0,
		editedAt: {},
		origin: 'local',
		localOnly: true,
		syncState: 'local-only',
		alert: {knownAt: AT_MS - 60 * MINUTE},
		...overrides,
	};
}

const ids = (alerts: ReturnType<typeof dueAlerts>) => alerts.map(a => a.reminder.id);

describe('R31: when Tickler alerts', () => {
	test('R31: not before the time; at the time, once, on time (not late)', () => {
		expect(dueAlerts([reminder()], AT_MS - 1, 'tickler')).toEqual([]);
		const [alert] = dueAlerts([reminder()], AT_MS + 30_000, 'tickler');
		expect(alert).toMatchObject({reminderAt: AT, late: false});
		// Once per computer: the record of having alerted for this time silences it, even after a worker restart.
		expect(dueAlerts([reminder({alert: {knownAt: 0, notifiedFor: AT}})], AT_MS + 30_000, 'tickler')).toEqual([]);
	});

	test('R31: a snoozed or moved time alerts again (the record is for the old time)', () => {
		const moved = reminder({reminderAt: '2026-03-05T16:00:00.000Z', alert: {knownAt: AT_MS, notifiedFor: AT}});
		expect(ids(dueAlerts([moved], Date.parse('2026-03-05T16:00:10Z'), 'tickler'))).toEqual(['r1']);
	});

	test('R31: completed, deleted and timeless reminders never alert', () => {
		const now = AT_MS + MINUTE;
		expect(
			dueAlerts(
				[
					reminder({id: 'done', status: 'complete'}),
					reminder({id: 'gone', deletedAt: AT_MS - 1}),
					reminder({id: 'none', reminderAt: null}),
					reminder({id: 'absent', reminderAt: undefined as unknown as null}),
				],
				now,
				'tickler',
			),
		).toEqual([]);
	});

	test('R31: missed while the browser was closed: fires once when it opens, marked late; several, earliest first', () => {
		const later = reminder({id: 'r2', reminderAt: '2026-03-05T17:00:00.000Z'});
		const now = Date.parse('2026-03-06T08:00:00Z');
		const alerts = dueAlerts([later, reminder()], now, 'tickler');
		expect(ids(alerts)).toEqual(['r1', 'r2']);
		expect(alerts.every(a => a.late)).toBe(true);
		expect(dueAlerts([reminder()], AT_MS + LATE_AFTER_MS + 1, 'tickler')[0]?.late).toBe(true);
	});

	test('R31: missed longer ago than the lookback is not raised any more', () => {
		expect(dueAlerts([reminder()], AT_MS + MISSED_LOOKBACK_MS + 1, 'tickler')).toEqual([]);
	});

	test('R31: a time already long past when this computer learned it (an old Task imported) never alerts', () => {
		const learnedLate = reminder({alert: {knownAt: AT_MS + LEARNED_GRACE_MS + 1}});
		expect(dueAlerts([learnedLate], AT_MS + LEARNED_GRACE_MS + 2, 'tickler')).toEqual([]);
		// Learned a few minutes late (the next sync brought it): still alerts, late.
		const learnedSoon = reminder({alert: {knownAt: AT_MS + 5 * MINUTE}});
		expect(dueAlerts([learnedSoon], AT_MS + 6 * MINUTE, 'tickler')[0]?.late).toBe(true);
	});

	test('R31: a time in the past set by the rep alerts at once (local-edits records it as known from that time)', () => {
		const past = reminder({
			reminderAt: '2026-03-05T08:00:00.000Z',
			alert: {knownAt: Date.parse('2026-03-05T08:00:00Z')},
		});
		expect(ids(dueAlerts([past], AT_MS, 'tickler'))).toEqual(['r1']);
	});
});

describe('R32: one alert per reminder by default, whoever alerts', () => {
	const sfSet = reminder({salesforceAlertsAt: AT});
	const sfFired = reminder({salesforceAlertsAt: AT, firedInSalesforce: true});
	const now = AT_MS + MINUTE;

	test("R32: 'tickler' and 'salesforce': Tickler is silent for a time Salesforce alerts for or fired, and alerts otherwise", () => {
		for (const who of ['tickler', 'salesforce'] as const) {
			expect(dueAlerts([sfSet], now, who)).toEqual([]);
			expect(dueAlerts([sfFired], now, who)).toEqual([]);
			expect(ids(dueAlerts([reminder()], now, who))).toEqual(['r1']);
		}
	});

	test('R32: a time moved away from the one Salesforce alerts for is Tickler’s again', () => {
		expect(ticklerAlertsFor(reminder({salesforceAlertsAt: '2026-03-05T14:00:00.000Z'}), 'tickler')).toBe(true);
	});

	test("R32: 'both': Tickler alerts too", () => {
		expect(ids(dueAlerts([sfSet, sfFired], now, 'both'))).toEqual(['r1', 'r1']);
	});
});

describe('R31: the next alarm', () => {
	test('R31: the earliest future time of an open, live reminder; none when there is none', () => {
		const now = AT_MS - 10 * MINUTE;
		expect(
			nextAlarmAt(
				[
					reminder({id: 'later', reminderAt: '2026-03-05T16:00:00.000Z'}),
					reminder(),
					reminder({id: 'past', reminderAt: '2026-03-05T09:00:00.000Z'}),
					reminder({id: 'done', status: 'complete', reminderAt: '2026-03-05T14:55:00.000Z'}),
					reminder({id: 'gone', deletedAt: 1, reminderAt: '2026-03-05T14:55:00.000Z'}),
				],
				now,
			),
		).toBe(AT_MS);
		expect(nextAlarmAt([reminder({reminderAt: null})], now)).toBeUndefined();
		expect(nextAlarmAt([reminder()], AT_MS)).toBeUndefined();
	});
});

describe('R31: snooze', () => {
	test('R31: 10 minutes and 1 hour from now, to the whole minute', () => {
		const now = Date.parse('2026-03-05T15:00:20Z');
		expect(snoozedUntil('10-minutes', now)).toBe('2026-03-05T15:11:00.000Z');
		expect(snoozedUntil('1-hour', Date.parse('2026-03-05T15:00:00Z'))).toBe('2026-03-05T16:00:00.000Z');
	});

	test('R31: tomorrow morning is 9:00 on the rep’s next day, in their time zone, across DST', () => {
		// Berlin springs forward on 2026-03-29: 9:00 CEST = 07:00Z.
		expect(snoozedUntil('tomorrow-morning', Date.parse('2026-03-28T20:00:00Z'), 'Europe/Berlin')).toBe(
			'2026-03-29T07:00:00.000Z',
		);
		expect(snoozedUntil('tomorrow-morning', Date.parse('2026-03-27T20:00:00Z'), 'Europe/Berlin')).toBe(
			'2026-03-28T08:00:00.000Z',
		);
	});
});
