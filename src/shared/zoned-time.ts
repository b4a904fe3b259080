/**
 * R31: a reminder time is one instant; the rep sees and types it as a date and a time on their own clock (the
 * browser's time zone, or the one given — tests pass zones explicitly). Pure; Intl only, no imports.
 */

export type LocalParts = {date: string; time: string};

const pad = (n: number) => String(n).padStart(2, '0');

/** The offset (local minus UTC, ms) of `timeZone` at instant `ms`. */
function offsetAt(ms: number, timeZone: string | undefined): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		...(timeZone === undefined ? {} : {timeZone}),
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(ms));
	const get = (type: string) => Number(parts.find(part => part.type === type)?.value ?? '0');
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The local date and time (to the minute) of instant `ms` in `timeZone`. */
export function localParts(ms: number, timeZone?: string): LocalParts {
	const local = new Date(ms + offsetAt(ms, timeZone));
	return {
		date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
		time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
	};
}

/**
 * The instant a local date and time denote in `timeZone`, or undefined when that wall-clock time does not
 * exist there (skipped by a DST change, e.g. 02:30 on a spring-forward night) or the input is malformed.
 * A time that happens twice (fall-back) is the first of the two.
 */
export function instantOf(date: string, time: string, timeZone?: string): number | undefined {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	const t = /^(\d{2}):(\d{2})$/.exec(time);
	if (!d || !t) return undefined;
	const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
	if (Number.isNaN(wall)) return undefined;
	// Try the offsets in force a day either side: one of them is the offset at the wanted instant.
	const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)]
		.sort((a, b) => b - a)
		.map(offset => wall - offset)
		.filter(ms => {
			const back = localParts(ms, timeZone);
			return back.date === date && back.time === time;
		});
	return candidates.length === 0 ? undefined : Math.min(...candidates);
}

/** The instant of `hour`:00 on the local day after instant `ms` in `timeZone` ("tomorrow morning"). */
export function nextDayAt(ms: number, hour: number, timeZone?: string): number {
	const today = localParts(ms, timeZone).date;
	const [y, m, d] = today.split('-').map(Number);
	const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
	const date = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
	// A zone whose clocks skip that very hour (rare): an hour later exists.
	return (
		instantOf(date, `${pad(hour)}:00`, timeZone) ??
		instantOf(date, `${pad(hour + 1)}:00`, timeZone) ??
		next.getTime() + hour * 3_600_000
	);
}
