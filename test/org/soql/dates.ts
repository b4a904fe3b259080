// Date/dateTime wire formats (salesforce-facts.md §2.6) and time-zone arithmetic for SOQL date literals (§2.5).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `2013-05-20T20:49:32.000+0000`: milliseconds, `+0000`, no colon, always UTC (§2.6). */
export function formatDateTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses the REST input variants (`Z`, `+00:00`, `+0000`, optional millis) of §2.6; undefined if invalid. */
export function parseDateTime(s: string): number | undefined {
	const m = DATETIME_RE.exec(s);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, sec, frac, tz] = m;
	const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
	const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), ms);
	if (Number.isNaN(utc) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return undefined;
	let offsetMin = 0;
	if (tz && tz !== 'Z') {
		const sign = tz.startsWith('-') ? -1 : 1;
		const digits = tz.slice(1).replace(':', '');
		offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
	}
	return utc - offsetMin * 60_000;
}

/** Accepts `YYYY-MM-DD`, or a dateTime string truncated to its date as a real org does (§2.6, ATT). */
export function parseDateInput(s: string): string | undefined {
	const m = DATE_RE.exec(s);
	if (m) return validYmd(s) ? s : undefined;
	const dt = DATETIME_RE.exec(s);
	if (!dt || parseDateTime(s) === undefined) return undefined;
	return s.slice(0, 10);
}

function validYmd(s: string): boolean {
	const t = Date.parse(s + 'T00:00:00Z');
	return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(timeZone: string): Intl.DateTimeFormat {
	let f = dtfCache.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		});
		dtfCache.set(timeZone, f);
	}
	return f;
}

function zonedParts(
	ms: number,
	timeZone: string,
): {y: number; mo: number; d: number; h: number; mi: number; s: number} {
	const parts: Record<string, number> = {};
	for (const p of dtf(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
	return {
		y: parts['year'] ?? 0,
		mo: parts['month'] ?? 1,
		d: parts['day'] ?? 1,
		h: parts['hour'] ?? 0,
		mi: parts['minute'] ?? 0,
		s: parts['second'] ?? 0,
	};
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function ymdInZone(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${String(p.y).padStart(4, '0')}-${String(p.mo).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** UTC instant of 00:00 local time on `ymd` in `timeZone` (handles DST by re-checking the offset). */
export function zonedMidnight(ymd: string, timeZone: string): number {
	const guess = Date.parse(ymd + 'T00:00:00Z');
	let t = guess;
	for (let i = 0; i < 2; i++) {
		const p = zonedParts(t, timeZone);
		const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
		t = guess - (asUtc - t);
	}
	return t;
}

export function addDays(ymd: string, days: number): string {
	return new Date(Date.parse(ymd + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** Offset of the zone from UTC in minutes at an instant (for userinfo `utcOffset`). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	const p = zonedParts(ms, timeZone);
	return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
}

/** RFC 1123 date for `If-Modified-Since` / `If-Unmodified-Since` (§3.1); seconds granularity. */
export function parseHttpDate(s: string): number | undefined {
	const t = Date.parse(s);
	return Number.isNaN(t) ? undefined : t;
}
