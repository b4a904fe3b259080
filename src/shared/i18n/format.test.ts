/** R46: one formatter for every date, time, relative day and number, in the language passed. */
import {describe, expect, test} from 'vitest';
import {
	daysFrom,
	formatClockTime,
	formatDateTime,
	formatDueDay,
	formatLongDate,
	formatMoment,
	formatNumber,
	formatRelativeDay,
	formatReminderMoment,
	formatShortDate,
} from './format.js';

const NOW = new Date(2026, 11, 13, 9, 30); // Sunday, December 13, 2026, the rep's local time

describe('R46: dates, times and numbers in the UI language', () => {
	test('R46: a due date in a list, with its year only outside this one', () => {
		expect(formatShortDate('2026-12-14', NOW, 'en')).toBe('Mon, Dec 14');
		expect(formatShortDate('2026-12-14', NOW, 'it')).toBe('lun 14 dic');
		expect(formatShortDate('2031-06-30', NOW, 'en')).toBe('Mon, Jun 30, 2031');
		expect(formatShortDate('1900-01-01', NOW, 'it')).toBe('lun 1 gen 1900');
	});

	test('R46: a day in a sentence: today, tomorrow, else the long date', () => {
		expect(formatDueDay('2026-12-14', NOW, 'it')).toBe('domani');
		expect(formatDueDay('2026-12-13', NOW, 'en')).toBe('today');
		expect(formatDueDay('2026-12-12', NOW, 'it')).toBe('ieri');
		expect(formatDueDay('2026-12-21', NOW, 'it')).toBe('lunedì 21 dicembre');
		expect(formatLongDate('2026-12-14', NOW, 'en')).toBe('Monday, December 14');
		expect(formatRelativeDay('2026-12-16', NOW, 'en')).toBe('in 3 days');
		expect(formatRelativeDay('2026-12-16', NOW, 'it')).toBe('tra 3 giorni');
		expect(daysFrom('2027-01-01', NOW)).toBe(19);
	});

	test('R46: one way to write a time, whatever the surface', () => {
		const at = new Date(2026, 11, 13, 1, 36);
		expect(formatClockTime(at, undefined, 'en')).toBe('1:36 AM');
		expect(formatClockTime(at, undefined, 'it')).toBe('1:36');
		expect(formatMoment(at, NOW, 'en')).toBe('1:36 AM');
		expect(formatMoment(new Date(2026, 2, 3, 10, 42), NOW, 'it')).toBe('3 mar, 10:42');
		expect(formatReminderMoment(new Date(2026, 11, 14, 9), NOW, 'en')).toBe('Mon, Dec 14, 9:00 AM');
		expect(formatReminderMoment(new Date(2026, 11, 14, 9), NOW, 'it')).toBe('lun 14 dic, 9:00');
		expect(formatDateTime(new Date(2026, 2, 3, 10, 42), 'en')).toBe('Mar 3, 2026, 10:42 AM');
	});

	test('R46: numbers and percentages', () => {
		expect(formatNumber(12_345, {}, 'en')).toBe('12,345');
		expect(formatNumber(12_345, {}, 'it')).toBe('12.345');
		expect(formatNumber(0.853, {style: 'percent'}, 'it')).toBe('85%');
	});
});
