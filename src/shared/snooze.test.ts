import {describe, expect, test} from 'vitest';
import {isSnoozePreset, snoozePatch, snoozeToPatch} from './snooze.js';

// Issue 22's snooze presets (a part of the snooze rule, not yet built whole: see docs/rules.md), at fixed clocks in an explicit zone (Europe/Rome), across a week and a DST change.
const ROME = 'Europe/Rome';
/** `2026-12-07T11:00` in Rome as an instant (CET, UTC+1). */
const romeWinter = (date: string, time: string) => Date.parse(`${date}T${time}:00+01:00`);

describe('next week is Monday at 9:00, and the due date follows when it was earlier', () => {
	test.each([
		['2026-12-07', '2026-12-14'], // Monday: the Monday after
		['2026-12-08', '2026-12-14'],
		['2026-12-09', '2026-12-14'],
		['2026-12-10', '2026-12-14'],
		['2026-12-11', '2026-12-14'],
		['2026-12-12', '2026-12-14'],
		['2026-12-13', '2026-12-14'], // Sunday: tomorrow is next week's Monday
	])('from %s', (today, monday) => {
		const patch = snoozePatch('next-week', romeWinter(today, '11:00'), today, ROME);
		expect(patch).toEqual({reminderAt: new Date(romeWinter(monday, '09:00')).toISOString(), dueDate: monday});
	});
});

test('tomorrow morning moves an earlier due date; a later one, or none, stays', () => {
	const now = romeWinter('2026-12-07', '16:20');
	const at = new Date(romeWinter('2026-12-08', '09:00')).toISOString();
	expect(snoozePatch('tomorrow-morning', now, '2026-12-07', ROME)).toEqual({reminderAt: at, dueDate: '2026-12-08'});
	expect(snoozePatch('tomorrow-morning', now, '2026-12-20', ROME)).toEqual({reminderAt: at});
	expect(snoozePatch('tomorrow-morning', now, null, ROME)).toEqual({reminderAt: at});
});

test('10 minutes and 1 hour move only the time, to the whole minute', () => {
	const now = romeWinter('2026-12-07', '16:20') + 15_000;
	expect(snoozePatch('10-minutes', now, '2026-12-07', ROME)).toEqual({
		reminderAt: new Date(romeWinter('2026-12-07', '16:31')).toISOString(),
	});
	expect(snoozePatch('1-hour', now, '2026-12-07', ROME)).toEqual({
		reminderAt: new Date(romeWinter('2026-12-07', '17:21')).toISOString(),
	});
});

test("across the spring change: next week's 9:00 is summer time", () => {
	// Thursday 25 March 2027 (CET); Monday 29 March is after the change (CEST, UTC+2).
	const patch = snoozePatch('next-week', romeWinter('2027-03-25', '11:00'), '2027-03-25', ROME);
	expect(patch).toEqual({reminderAt: '2027-03-29T07:00:00.000Z', dueDate: '2027-03-29'});
});

test('only the four presets are presets', () => {
	for (const preset of ['10-minutes', '1-hour', 'tomorrow-morning', 'next-week'])
		expect(isSnoozePreset(preset)).toBe(true);
	for (const other of ['2-hours', '', undefined, 7]) expect(isSnoozePreset(other)).toBe(false);
});

test('R50: a chosen time is the reminder time, and a later day moves an earlier due date to it (never a later one)', () => {
	const until = '2026-03-10T13:30:00.000Z';
	expect(snoozeToPatch({until}, Date.parse('2026-03-05T12:00:00Z'), '2026-03-05', 'Europe/Rome')).toEqual({
		reminderAt: until,
		dueDate: '2026-03-10',
	});
	expect(snoozeToPatch({until}, Date.parse('2026-03-05T12:00:00Z'), '2026-03-20', 'Europe/Rome')).toEqual({
		reminderAt: until,
	});
	expect(snoozeToPatch({until}, Date.parse('2026-03-05T12:00:00Z'), null, 'Europe/Rome')).toEqual({reminderAt: until});
	// A preset goes through the preset's own patch.
	expect(snoozeToPatch('1-hour', Date.parse('2026-03-05T12:00:00Z'), '2026-03-05')).toEqual({
		reminderAt: '2026-03-05T13:00:00.000Z',
	});
});
