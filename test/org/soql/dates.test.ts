import {expect, test} from 'vitest';
import {formatDateTime, parseDateInput, parseDateTime, ymdInZone, zonedMidnight} from './dates.js';
import {dateLiteralRange, instantRange} from './soql-dates.js';

test('dateTime wire format is …SSS+0000 and the REST input variants parse (§2.6)', () => {
	expect(formatDateTime(Date.UTC(2013, 4, 20, 20, 49, 32))).toBe('2013-05-20T20:49:32.000+0000');
	const t = Date.UTC(2024, 0, 1, 10, 0, 0);
	for (const s of [
		'2024-01-01T10:00:00Z',
		'2024-01-01T10:00:00.000Z',
		'2024-01-01T10:00:00+00:00',
		'2024-01-01T10:00:00.000+0000',
		'2024-01-01T11:00:00+01:00',
	])
		expect(parseDateTime(s)).toBe(t);
	expect(parseDateTime('2024-13-01T10:00:00Z')).toBeUndefined();
	expect(parseDateTime('tomorrow')).toBeUndefined();
	expect(parseDateInput('2019-09-26T16:30:00.000+0000')).toBe('2019-09-26');
	expect(parseDateInput('2024-02-30')).toBeUndefined();
});

test('calendar days and midnights in IANA zones, across DST', () => {
	expect(ymdInZone(Date.UTC(2025, 2, 10, 23, 30), 'Europe/Rome')).toBe('2025-03-11');
	expect(ymdInZone(Date.UTC(2025, 2, 10, 23, 30), 'America/New_York')).toBe('2025-03-10');
	expect(new Date(zonedMidnight('2025-03-30', 'Europe/Rome')).toISOString()).toBe('2025-03-29T23:00:00.000Z');
	expect(new Date(zonedMidnight('2025-03-31', 'Europe/Rome')).toISOString()).toBe('2025-03-30T22:00:00.000Z');
});

test('SOQL date literals: LAST_N_DAYS:n includes today and n days back; NEXT_N_DAYS:n starts tomorrow', () => {
	const now = Date.UTC(2025, 2, 10, 23, 30); // 11 March in Rome
	expect(dateLiteralRange('TODAY', undefined, now, 'Europe/Rome')).toEqual({from: '2025-03-11', to: '2025-03-11'});
	expect(dateLiteralRange('YESTERDAY', undefined, now, 'Europe/Rome')).toEqual({from: '2025-03-10', to: '2025-03-10'});
	expect(dateLiteralRange('LAST_N_DAYS', 1, now, 'Europe/Rome')).toEqual({from: '2025-03-10', to: '2025-03-11'});
	expect(dateLiteralRange('NEXT_N_DAYS', 3, now, 'Europe/Rome')).toEqual({from: '2025-03-12', to: '2025-03-14'});
	expect(dateLiteralRange('THIS_WEEK', undefined, now, 'Europe/Rome')).toEqual({from: '2025-03-09', to: '2025-03-15'});
	expect(dateLiteralRange('LAST_FISCAL_YEAR', undefined, now, 'UTC')).toBeUndefined();
	const r = instantRange({from: '2025-03-11', to: '2025-03-11'}, 'Europe/Rome');
	expect([new Date(r.start).toISOString(), new Date(r.end).toISOString()]).toEqual([
		'2025-03-10T23:00:00.000Z',
		'2025-03-11T23:00:00.000Z',
	]);
});
