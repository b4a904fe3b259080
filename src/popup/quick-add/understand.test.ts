import {afterAll, describe, expect, test} from 'vitest';
import {localDateString} from '@/shared/local-date.js';
import type {UiLanguage} from '@/shared/i18n/t.js';
import {findPhrases} from './phrase-parser.js';
import {understand, type Dropped} from './understand.js';

// R47, table-driven at fixed clocks: each weekday of one week as "now", and both daylight-saving changes of
// Europe/Rome (the rep's clock is the process's: TZ is set for this file, as the browser's would be).
// Set before any Date below is made.
const savedTz = process.env['TZ'];
process.env['TZ'] = 'Europe/Rome';
afterAll(() => {
	process.env['TZ'] = savedTz;
});

function read(text: string, now: Date, language: UiLanguage = 'en', dropped?: Dropped) {
	return understand(text, findPhrases(text, now, language), now, dropped);
}

const plusDays = (now: Date, days: number) =>
	localDateString(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12));

test('the clock of this file is Rome', () => {
	expect(new Date(2026, 6, 1, 12).getTimezoneOffset()).toBe(-120);
	expect(new Date(2026, 11, 1, 12).getTimezoneOffset()).toBe(-60);
});

// Monday 7 December 2026 to Sunday 13 December, 11:00 each day.
const WEEK = [7, 8, 9, 10, 11, 12, 13].map(day => new Date(2026, 11, day, 11, 0));

describe.each(WEEK)('R47 on %s', now => {
	const weekday = now.getDay();
	const toFriday = (5 - weekday + 7) % 7;
	const toMonday = (1 - weekday + 7) % 7;

	test.each<[UiLanguage, string, string, number, string | undefined]>([
		['en', 'Call Rossi tomorrow at 10', 'Call Rossi', 1, '10:00'],
		['it', 'Chiamare Rossi domani alle 10', 'Chiamare Rossi', 1, '10:00'],
		['it', 'Call Rossi tomorrow at 10', 'Call Rossi', 1, '10:00'],
		['en', 'Email the 5 case studies', 'Email the 5 case studies', 0, undefined],
		['it', 'Inviare le 5 offerte', 'Inviare le 5 offerte', 0, undefined],
		['en', 'Call Ana at 3pm', 'Call Ana', 0, '15:00'],
		['en', 'Call Ana at 9', 'Call Ana', 1, '09:00'],
		['it', 'Chiamare Ana alle 15', 'Chiamare Ana', 0, '15:00'],
		['it', 'Chiamare Ana alle 9', 'Chiamare Ana', 1, '09:00'],
		['en', 'Send 3 quotes at 4', 'Send 3 quotes', 0, '16:00'],
		['en', 'Call Ana friday', 'Call Ana', toFriday, undefined],
		['it', 'Chiamare Ana venerdì', 'Chiamare Ana', toFriday, undefined],
		['en', 'Send 3 quotes by Friday', 'Send 3 quotes', toFriday, undefined],
		['it', 'Mandare 2 preventivi entro venerdì', 'Mandare 2 preventivi', toFriday, undefined],
		['en', 'Call Ana monday at 9:30am', 'Call Ana', toMonday, '09:30'],
		['it', 'Chiamare Ana lunedì alle 9:30', 'Chiamare Ana', toMonday, '09:30'],
		['en', 'Call Ana in 2 days', 'Call Ana', 2, undefined],
		['it', 'Chiamare Ana tra 2 giorni', 'Chiamare Ana', 2, undefined],
		['it', 'Chiamare Ana dopodomani', 'Chiamare Ana', 2, undefined],
		['en', 'Call Ana in 2 hours', 'Call Ana', 0, '13:00'],
		['it', 'Chiamare Ana tra 10 minuti', 'Chiamare Ana', 0, '11:10'],
		['en', 'Call Ana tomorrow', 'Call Ana', 1, undefined],
		['en', 'Discuss the March deal', 'Discuss the March deal', 0, undefined],
		['en', 'Prepare the deck', 'Prepare the deck', 0, undefined],
	])('%s: %s', (language, text, name, days, time) => {
		const understood = read(text, now, language);
		expect(understood.name).toBe(name);
		expect(understood.dueDate).toBe(plusDays(now, days));
		expect(understood.time).toBe(time);
		if (time === undefined) {
			expect(understood.reminderAt).toBeNull();
		} else {
			const [h, m] = time.split(':').map(Number);
			const due = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, h, m);
			expect(understood.reminderAt).toBe(due.toISOString());
		}
	});
});

describe('R47 across the daylight-saving changes of Europe/Rome', () => {
	test.each<[string, Date, UiLanguage, string, string, string]>([
		// Saturday before the spring-forward Sunday (28 March 2027): tomorrow is on summer time.
		[
			'spring eve',
			new Date(2027, 2, 27, 20, 0),
			'en',
			'Call Rossi tomorrow at 10',
			'2027-03-28',
			'2027-03-28T08:00:00.000Z',
		],
		[
			'spring eve',
			new Date(2027, 2, 27, 20, 0),
			'it',
			'Chiamare Rossi domani alle 10',
			'2027-03-28',
			'2027-03-28T08:00:00.000Z',
		],
		// 02:30 does not exist that night: the reminder moves on as the clock does, to 03:30.
		['spring night', new Date(2027, 2, 28, 1, 0), 'en', 'Call Ana at 2:30am', '2027-03-28', '2027-03-28T01:30:00.000Z'],
		[
			'spring day',
			new Date(2027, 2, 28, 9, 0),
			'it',
			'Chiamare Rossi alle 10',
			'2027-03-28',
			'2027-03-28T08:00:00.000Z',
		],
		// Saturday before the fall-back Sunday (25 October 2026): tomorrow is on winter time.
		[
			'autumn eve',
			new Date(2026, 9, 24, 20, 0),
			'en',
			'Call Rossi tomorrow at 10',
			'2026-10-25',
			'2026-10-25T09:00:00.000Z',
		],
		[
			'autumn eve',
			new Date(2026, 9, 24, 20, 0),
			'it',
			'Chiamare Rossi domani alle 10',
			'2026-10-25',
			'2026-10-25T09:00:00.000Z',
		],
		// Three hours from 01:00 summer time are 03:00 winter time (the clock went back once).
		[
			'autumn night',
			new Date(2026, 9, 25, 1, 0),
			'en',
			'Call Ana in 3 hours',
			'2026-10-25',
			'2026-10-25T02:00:00.000Z',
		],
		[
			'autumn day',
			new Date(2026, 9, 25, 12, 0),
			'it',
			'Chiamare Rossi alle 11',
			'2026-10-26',
			'2026-10-26T10:00:00.000Z',
		],
	])('%s (%s) %s: %s', (_label, now, language, text, dueDate, reminderAt) => {
		const understood = read(text, now, language);
		expect(understood.dueDate).toBe(dueDate);
		expect(understood.reminderAt).toBe(reminderAt);
	});
});

describe('R47: what Tickler adds to the parser', () => {
	const saturday = new Date(2026, 11, 12, 11, 0);

	test('a phrase in the past rolls forward: a weekday to next week, a day of the year to next year', () => {
		expect(read('Call Ana friday', saturday).dueDate).toBe('2026-12-18');
		expect(read('Call Ana Dec 1', saturday).dueDate).toBe('2027-12-01');
		expect(read('Chiamare Ana il 1 dicembre', saturday, 'it').dueDate).toBe('2027-12-01');
		expect(read('Call Ana Jan 5', saturday).dueDate).toBe('2027-01-05');
	});

	test('a date alone gets no reminder time; a lead-in word leaves with its phrase', () => {
		expect(read('Call Ana on Dec 20', saturday)).toMatchObject({
			name: 'Call Ana',
			dueDate: '2026-12-20',
			time: undefined,
		});
		expect(read('Call Ana tomorrow about pricing', saturday).name).toBe('Call Ana about pricing');
		expect(read('Chiamare Rossi il 20 dicembre', saturday, 'it').name).toBe('Chiamare Rossi');
	});

	test('a dropped date puts its words back in the name and the due date back to today', () => {
		const text = 'Call Rossi tomorrow at 10';
		expect(read(text, saturday, 'en', {date: 'tomorrow at 10'})).toMatchObject({
			name: text,
			dueDate: '2026-12-12',
			time: undefined,
			reminderAt: null,
		});
	});

	test('a dropped time keeps the date; a time alone dropped leaves its words in the name', () => {
		expect(read('Call Rossi tomorrow at 10', saturday, 'en', {time: 'tomorrow at 10'})).toMatchObject({
			name: 'Call Rossi',
			dueDate: '2026-12-13',
			time: undefined,
			reminderAt: null,
		});
		expect(read('Call Rossi at 10', saturday, 'en', {time: 'at 10'})).toMatchObject({
			name: 'Call Rossi at 10',
			dueDate: '2026-12-12',
			time: undefined,
		});
	});

	test('numbers that are not dates stay in the name, in both languages', () => {
		for (const text of ['Send 10 samples', 'Call Ana 2 times', 'Review Q3 numbers', 'Call 555 1234']) {
			expect(read(text, saturday).name).toBe(text);
		}

		for (const text of ['Inviare 10 campioni', 'Mandare 2 preventivi', 'Rivedere i numeri del Q3']) {
			expect(read(text, saturday, 'it').name).toBe(text);
		}
	});
});
