/** R31: local date + time ↔ instant, in explicit time zones, across DST changes. */
import {describe, expect, test} from 'vitest';
import {instantOf, localParts, nextDayAt} from './zoned-time.js';

describe('R31: the rep types a reminder time on their own clock', () => {
	test('R31: a local time in New York, Berlin and Kolkata is the right instant, and reads back the same', () => {
		expect(new Date(instantOf('2026-03-05', '15:00', 'America/New_York') ?? 0).toISOString()).toBe(
			'2026-03-05T20:00:00.000Z',
		);
		expect(new Date(instantOf('2026-03-05', '15:00', 'Europe/Berlin') ?? 0).toISOString()).toBe(
			'2026-03-05T14:00:00.000Z',
		);
		expect(new Date(instantOf('2026-03-05', '15:00', 'Asia/Kolkata') ?? 0).toISOString()).toBe(
			'2026-03-05T09:30:00.000Z',
		);
		expect(localParts(Date.parse('2026-03-05T09:30:00Z'), 'Asia/Kolkata')).toEqual({date: '2026-03-05', time: '15:00'});
	});

	test('R31: DST: the same wall-clock time is a different UTC instant before and after the change', () => {
		// New York springs forward on 2026-03-08 (EST −5 → EDT −4).
		expect(new Date(instantOf('2026-03-07', '09:00', 'America/New_York') ?? 0).toISOString()).toBe(
			'2026-03-07T14:00:00.000Z',
		);
		expect(new Date(instantOf('2026-03-09', '09:00', 'America/New_York') ?? 0).toISOString()).toBe(
			'2026-03-09T13:00:00.000Z',
		);
	});

	test('R31: DST: a time skipped by spring-forward does not exist; a repeated fall-back time is the first one', () => {
		expect(instantOf('2026-03-08', '02:30', 'America/New_York')).toBeUndefined();
		expect(instantOf('2026-03-29', '02:30', 'Europe/Berlin')).toBeUndefined();
		// New York falls back on 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
		expect(new Date(instantOf('2026-11-01', '01:30', 'America/New_York') ?? 0).toISOString()).toBe(
			'2026-11-01T05:30:00.000Z',
		);
	});

	test('R31: malformed input is no instant', () => {
		expect(instantOf('2026-02-30', '09:00', 'Europe/Berlin')).toBeUndefined();
		expect(instantOf('2026-03-05', '9am', 'Europe/Berlin')).toBeUndefined();
		expect(instantOf('', '', 'Europe/Berlin')).toBeUndefined();
	});

	test('R31: "tomorrow morning" is 9:00 on the next local day, across a DST change and past midnight UTC', () => {
		// Saturday 2026-03-07 22:00 in New York is already Sunday in UTC; tomorrow morning is Sunday 09:00 EDT.
		const saturdayNight = Date.parse('2026-03-08T03:00:00Z');
		expect(new Date(nextDayAt(saturdayNight, 9, 'America/New_York')).toISOString()).toBe('2026-03-08T13:00:00.000Z');
		expect(new Date(nextDayAt(saturdayNight, 9, 'Asia/Tokyo')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
	});
});
