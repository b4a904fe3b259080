/**
 * R47: what Tickler makes of one typed line, on top of the date parser (phrase-parser.ts). Pure: the parser's
 * matches and "now" come in, the reminder's name, due date and reminder time come out. Dates and times are
 * the rep's local ones (the browser's time zone, R11, R31).
 *
 * What is Tickler's and not the parser's:
 * - the matched words leave the name (with a "on"/"by"/"entro" just before them);
 * - no date means due today; a date alone gets no reminder time;
 * - a time alone means today, or tomorrow once that time has passed;
 * - a phrase in the past rolls forward: "friday" on a Saturday is next Friday, "Jan 5" in March next year's;
 * - an hour from 1 to 6 said without am/pm is the afternoon's ("call at 4" is 16:00, office hours);
 * - numbers that are not dates stay in the name, and so does a month alone ("the March deal").
 */
import {localDateString} from '@/shared/local-date.js';

/** One phrase the parser found: where it is and the local date-time it denotes, with what was said. */
export type PhraseMatch = {
	index: number;
	text: string;
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	/** For "in 3 hours" / "tra 10 minuti": the instant, since elapsed time is not wall-clock time across DST. */
	elapsed?: number | undefined;
	/** Which of the values the words said, rather than the parser assumed. */
	said: {day: boolean; weekday: boolean; month: boolean; year: boolean; hour: boolean; meridiem: boolean};
};

/** Parts the rep dropped, by the words they came from: dropped words stay in the name. */
export type Dropped = {date?: string; time?: string};

export type Understood = {
	name: string;
	dueDate: string;
	/** The words the due date came from, when it did not default to today. */
	datePhrase: string | undefined;
	/** `HH:MM` on the rep's clock, or undefined for no reminder time. */
	time: string | undefined;
	/** The words the reminder time came from. */
	timePhrase: string | undefined;
	/** The reminder time as the stored instant (R31), or null. */
	reminderAt: string | null;
};

/** Words that only lead into a date ("on Friday", "by Thursday", "entro venerdì"): they leave with it. */
const LEAD_INS = new Set(['on', 'at', 'by', 'due', 'before', 'entro', 'per', 'il', 'di']);

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number) => localDateString(new Date(year, month - 1, day, 12));

function saysADate(match: PhraseMatch): boolean {
	return match.said.day || match.said.weekday;
}

/** A phrase worth taking: a day, a weekday or a time (a bare number or a month alone is not one). */
function isUsable(match: PhraseMatch): boolean {
	if (/^\d+$/.test(match.text.trim())) return false;
	return saysADate(match) || match.said.hour;
}

/** The phrase to take: the longest usable one (the first of equals: the UI language's parser comes first). */
export function pickPhrase(matches: readonly PhraseMatch[]): PhraseMatch | undefined {
	let best: PhraseMatch | undefined;
	for (const match of matches) {
		if (isUsable(match) && (best === undefined || match.text.length > best.text.length)) best = match;
	}

	return best;
}

/** The text without the phrase's words (and a lead-in word just before them), spaces tidied. */
export function nameWithout(text: string, match: PhraseMatch): string {
	const before = text.slice(0, match.index).trimEnd();
	const after = text.slice(match.index + match.text.length);
	const words = before.split(/\s+/);
	const last = words.at(-1)?.toLowerCase();
	const kept = last !== undefined && words.length > 1 && LEAD_INS.has(last) ? words.slice(0, -1).join(' ') : before;
	return `${kept} ${after}`.replace(/\s+/g, ' ').trim();
}

/** The due date the phrase says, rolled forward when it is already past. */
function phraseDate(match: PhraseMatch, now: Date): string {
	const today = localDateString(now);
	let date = dateOf(match.year, match.month, match.day);
	if (date >= today) return date;
	if (match.said.weekday && !match.said.month) {
		date = dateOf(match.year, match.month, match.day + 7 * Math.ceil(dayGap(date, today) / 7));
	} else if (match.said.month && !match.said.year) {
		date = dateOf(match.year + 1, match.month, match.day);
	}

	return date;
}

function dayGap(from: string, to: string): number {
	const [a, b] = [from, to].map(value => {
		const [y, m, d] = value.split('-').map(Number);
		return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
	});
	return Math.round(((b ?? 0) - (a ?? 0)) / 86_400_000);
}

function phraseHour(match: PhraseMatch): number {
	return !match.said.meridiem && match.hour >= 1 && match.hour <= 6 ? match.hour + 12 : match.hour;
}

/** The local instant of `date` at `time`; a time a spring-forward night skips moves on as the clock does. */
function instant(date: string, time: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const [h, min] = time.split(':').map(Number);
	return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0);
}

function atInstant(name: string, match: PhraseMatch, at: Date): Understood {
	at.setSeconds(0, 0);
	return {
		name,
		dueDate: localDateString(at),
		datePhrase: match.text,
		time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
		timePhrase: match.text,
		reminderAt: at.toISOString(),
	};
}

function plain(text: string, today: string): Understood {
	const name = text.replace(/\s+/g, ' ').trim();
	return {name, dueDate: today, datePhrase: undefined, time: undefined, timePhrase: undefined, reminderAt: null};
}

/** What the line `text` says, given the parser's `matches` in it, at `now`. */
export function understand(
	text: string,
	matches: readonly PhraseMatch[],
	now: Date,
	dropped: Dropped = {},
): Understood {
	const today = localDateString(now);
	const match = pickPhrase(matches);
	if (match === undefined || dropped.date === match.text) return plain(text, today);
	const withTime = match.said.hour && dropped.time !== match.text;
	// A phrase that was only a time, its time dropped, says nothing: its words stay in the name.
	if (!withTime && !saysADate(match)) return plain(text, today);
	const name = nameWithout(text, match);
	if (!withTime) {
		const dueDate = phraseDate(match, now);
		return {name, dueDate, datePhrase: match.text, time: undefined, timePhrase: undefined, reminderAt: null};
	}

	if (match.elapsed !== undefined) return atInstant(name, match, new Date(match.elapsed));
	const time = `${pad(phraseHour(match))}:${pad(match.minute)}`;
	let dueDate = saysADate(match) ? phraseDate(match, now) : today;
	if (!saysADate(match) && instant(dueDate, time).getTime() <= now.getTime()) {
		dueDate = dateOf(now.getFullYear(), now.getMonth() + 1, now.getDate() + 1);
	}

	return atInstant(name, match, instant(dueDate, time));
}
