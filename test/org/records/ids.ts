// Salesforce record ids: 15-char case-sensitive form plus the 3-char case checksum (salesforce-facts.md §7.3).

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID15 = /^[a-zA-Z0-9]{15}$/;

/** The checksum algorithm of §7.3, verified there against real recorded ids. */
export function idChecksum(id15: string): string {
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let bits = 0;
		for (let j = 0; j < 5; j++) {
			const ch = id15.charCodeAt(chunk * 5 + j);
			if (ch >= 65 && ch <= 90) bits |= 1 << j;
		}
		suffix += CHECKSUM_ALPHABET.charAt(bits);
	}
	return suffix;
}

export function to18(id15: string): string {
	return id15 + idChecksum(id15);
}

/**
 * Normalises a 15- or 18-char id to its 18-char form, or returns undefined when the id is malformed
 * (wrong length, illegal characters, or an 18-char id whose checksum does not match the case of its
 * first 15 characters) — those are MALFORMED_ID on a real org (§3, §7.3).
 */
export function normalizeId(raw: string): string | undefined {
	if (raw.length === 15) return ID15.test(raw) ? to18(raw) : undefined;
	if (raw.length !== 18) return undefined;
	const head = raw.slice(0, 15);
	if (!ID15.test(head)) return undefined;
	// The checksum makes 18-char ids case-insensitive-safe: a lower-cased suffix is still accepted.
	return idChecksum(head) === raw.slice(15).toUpperCase() ? head + raw.slice(15).toUpperCase() : undefined;
}

/** Generates ids shaped `<prefix><pod 2 chars><reserved 0><9-char base-62 counter>` + checksum (§7.3, INFERRED layout). */
export class IdFactory {
	private counters = new Map<string, number>();
	private readonly pod: string;

	constructor(pod = 'Tk') {
		this.pod = pod;
	}

	next(prefix: string): string {
		const n = (this.counters.get(prefix) ?? 0) + 1;
		this.counters.set(prefix, n);
		return to18(prefix + this.pod + '0' + base62(n, 9));
	}

	/** Keeps generated ids unique after records were reloaded from a data file. */
	observe(id18: string): void {
		const prefix = id18.slice(0, 3);
		if (id18.slice(3, 5) !== this.pod) return;
		const n = fromBase62(id18.slice(6, 15));
		if (n > (this.counters.get(prefix) ?? 0)) this.counters.set(prefix, n);
	}
}

function base62(n: number, width: number): string {
	let out = '';
	let rest = n;
	while (rest > 0) {
		out = BASE62.charAt(rest % 62) + out;
		rest = Math.floor(rest / 62);
	}
	return out.padStart(width, '0');
}

function fromBase62(s: string): number {
	let n = 0;
	for (const ch of s) n = n * 62 + BASE62.indexOf(ch);
	return n;
}
