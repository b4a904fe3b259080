// Daily API allowance (salesforce-facts.md §6): `Sforce-Limit-Info: api-usage=N/M` is "used/allowed in the
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

/** What a request without the header is counted under (R29). */
export const NO_CLIENT = '(none)';
/** What a browser session (not an OAuth token) is counted under in the per-app figures. */
export const BROWSER_SESSION = '(browser session)';

/**
 * API calls per client (R29): by the `client=` of Sforce-Call-Options, and by the OAuth app whose token made
 * the call. Counted beside ApiUsage (which stays the org's one allowance), since the org was started or reset;
 * Salesforce reports usage per client in event logs, not in any API answer (salesforce-facts.md §13.1).
 */
export class ClientUsage {
	private readonly byClient = new Map<string, number>();
	private readonly byApp = new Map<string, number>();

	add(client: string | undefined, appClientId: string | undefined, calls: number): void {
		if (calls <= 0) return;
		const c = client ?? NO_CLIENT;
		const a = appClientId ?? BROWSER_SESSION;
		this.byClient.set(c, (this.byClient.get(c) ?? 0) + calls);
		this.byApp.set(a, (this.byApp.get(a) ?? 0) + calls);
	}

	clients(): Record<string, number> {
		return Object.fromEntries(this.byClient);
	}

	apps(): Record<string, number> {
		return Object.fromEntries(this.byApp);
	}

	reset(): void {
		this.byClient.clear();
		this.byApp.clear();
	}
}
