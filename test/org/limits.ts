// Daily API allowance (salesforce-api.md §6): `Sforce-Limit-Info: api-usage=N/M` is "used/allowed in the
// trailing 24 hours". We count exactly that — a trailing 24 h window on the org clock, in 1-minute buckets —
// rather than a reset at midnight.

const WINDOW_MS = 24 * 3_600_000;
const BUCKET_MS = 60_000;

/** Enterprise Edition: 100,000 + 1,000 per user licence (issue 3 "API usage"). */
export function defaultApiLimit(userLicences: number): number {
	return 100_000 + 1_000 * userLicences;
}

export class ApiUsage {
	private readonly buckets = new Map<number, number>();
	private total = 0;
	limit: number;
	private readonly now: () => number;

	constructor(limit: number, now: () => number) {
		this.limit = limit;
		this.now = now;
	}

	private prune(): void {
		const floor = Math.floor((this.now() - WINDOW_MS) / BUCKET_MS);
		for (const [b, n] of this.buckets) {
			if (b <= floor) {
				this.total -= n;
				this.buckets.delete(b);
			}
		}
	}

	used(): number {
		this.prune();
		return this.total;
	}

	exhausted(): boolean {
		return this.used() >= this.limit;
	}

	add(n: number): void {
		if (n <= 0) return;
		const b = Math.floor(this.now() / BUCKET_MS);
		this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
		this.total += n;
	}

	/** Replaces the window with `used` calls made "now" (they age out 24 h later on the org clock). */
	set(used: number): void {
		this.buckets.clear();
		this.total = 0;
		this.add(used);
	}

	header(): string {
		return `api-usage=${this.used()}/${this.limit}`;
	}
}
