/**
 * One simulated rep's workday, generated from a seed (reproducible). The shape, per rep:
 * - the browser is open from about 08:00–09:00 for 8.5–9.5 h and closed otherwise (a laptop that sleeps
 *   at night runs no alarms); a 30–60 min lunch and a few meetings away from the keyboard;
 * - the rest alternates between Salesforce (10–40 min stretches, ~40 % of segments) and other work;
 * - in Salesforce, a page load every ~90 s on average, 30 % of them Task record pages (the badge);
 * - the popup opened 10–14 times, with 0–3 local edits after each (~24 a day);
 * - 20–28 Salesforce edits a day to the rep's Tasks (issue 14 says where they come from):
 *   - SAME_BROWSER_SHARE of them made by the rep in this browser, during the Salesforce stretches; each is
 *     seen by the content script's change signal with probability SIGNAL_DETECTION (a Lightning save's toast,
 *     a Classic save's redirect; not every save path shows one);
 *   - the rest made elsewhere — the mobile app, automation, colleagues — at any time the browser is open,
 *     away stretches included.
 * These are assumptions, not measurements of real reps; docs/benchmarks.md lists them.
 */

/** Share of Salesforce edits the rep makes in this browser (assumption, docs/benchmarks.md). */
export const SAME_BROWSER_SHARE = 0.7;
/** Probability that a same-browser save produces a change signal (assumption, docs/benchmarks.md). */
export const SIGNAL_DETECTION = Number(process.env['FLEET_SIGNAL_DETECTION'] ?? 0.95);

export type EditSource = 'same-browser' | 'elsewhere';

export type SegmentKind = 'salesforce' | 'other' | 'away';
export type Segment = {start: number; end: number; kind: SegmentKind};

export type DayEvent =
	| {at: number; kind: 'open'}
	| {at: number; kind: 'close'}
	| {at: number; kind: 'segment'; segment: Segment}
	| {at: number; kind: 'page'; taskPage: boolean}
	| {at: number; kind: 'popup'}
	| {at: number; kind: 'localEdit'}
	| {at: number; kind: 'remoteEdit'; source: EditSource; signalled: boolean};

export type RepDay = {open: number; close: number; segments: Segment[]; events: DayEvent[]};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function generateDay(seed: number, dayStart: number): RepDay {
	const random = seededRandom(seed);
	const between = (low: number, high: number) => low + random() * (high - low);
	const open = dayStart + 8 * HOUR + between(0, HOUR);
	const close = open + between(8.5 * HOUR, 9.5 * HOUR);
	const lunchStart = open + between(3.5 * HOUR, 4.5 * HOUR);
	const lunchEnd = lunchStart + between(30 * MINUTE, 60 * MINUTE);

	const segments: Segment[] = [];
	let at = open;
	while (at < close) {
		if (at >= lunchStart && at < lunchEnd) {
			segments.push({start: at, end: lunchEnd, kind: 'away'});
			at = lunchEnd;
			continue;
		}

		const roll = random();
		const kind: SegmentKind = roll < 0.4 ? 'salesforce' : roll < 0.9 ? 'other' : 'away';
		const length = kind === 'salesforce' ? between(10, 40) : kind === 'other' ? between(10, 45) : between(15, 45);
		let end = Math.min(close, at + length * MINUTE);
		if (at < lunchStart && end > lunchStart) end = lunchStart;
		segments.push({start: at, end, kind});
		at = end;
	}

	const events: DayEvent[] = [
		{at: open, kind: 'open'},
		{at: close, kind: 'close'},
	];
	for (const segment of segments) events.push({at: segment.start, kind: 'segment', segment});

	const inSalesforce = segments.filter(segment => segment.kind === 'salesforce');
	for (const segment of inSalesforce) {
		for (let page = segment.start + between(0, 90_000); page < segment.end; page += -Math.log(1 - random()) * 90_000) {
			events.push({at: page, kind: 'page', taskPage: random() < 0.3});
		}
	}

	const present = segments.filter(segment => segment.kind !== 'away');
	const pick = (list: Segment[]): number => {
		const total = list.reduce((sum, segment) => sum + segment.end - segment.start, 0);
		let offset = random() * total;
		for (const segment of list) {
			const length = segment.end - segment.start;
			if (offset < length) return segment.start + offset;
			offset -= length;
		}

		return list.at(-1)?.end ?? open;
	};

	const popups = Math.round(between(10, 14.99));
	for (let index = 0; index < popups && present.length > 0; index++) {
		const popupAt = pick(present);
		events.push({at: popupAt, kind: 'popup'});
		const edits = Math.floor(between(0, 3.99));
		for (let edit = 0; edit < edits; edit++) events.push({at: popupAt + 5000 + edit * 8000, kind: 'localEdit'});
	}

	const remoteEdits = Math.round(between(20, 28.99));
	for (let index = 0; index < remoteEdits && inSalesforce.length > 0; index++) {
		if (random() < SAME_BROWSER_SHARE) {
			events.push({
				at: pick(inSalesforce),
				kind: 'remoteEdit',
				source: 'same-browser',
				signalled: random() < SIGNAL_DETECTION,
			});
		} else {
			events.push({at: pick(segments), kind: 'remoteEdit', source: 'elsewhere', signalled: false});
		}
	}

	events.sort((a, b) => a.at - b.at);
	return {open, close, segments, events};
}
