// Fault injection (issue 3 "Faults"; salesforce-facts.md §11.10). Random faults draw from a seeded PRNG so
// randomized tests are reproducible. Faults apply to Salesforce API routes only, never to /__org__.

export type FaultKind =
	| '503'
	| 'html503'
	| 'lockRow'
	| 'drop'
	| 'timeout'
	| 'invalidSession'
	| 'limitExceeded'
	| '500'
	| 'commitThenDrop'
	// fault-responses.ts: HTML and redirect answers a real org (or what stands in front of it) gives.
	| 'maintenance'
	| 'html404'
	| 'moved'
	| 'loginRedirect';

/**
 * A collections write (POST/PATCH/DELETE /composite/sobjects) whose body or `ids` contain `text` is refused
 * as a whole: `status` (default 400) with `[{message, errorCode}]`, nothing written (fault-responses.ts).
 */
export type RequestRefusal = {text: string; errorCode: string; message?: string; status?: number};

export type FaultSettings = {
	/** Added delay before every API response (real milliseconds). */
	latencyMs?: number;
	/** Probability 0..1 of a 503; `html503` makes those bodies HTML (maintenance page) instead of JSON. */
	rate503?: number;
	html503?: boolean;
	/** Probability 0..1 that a write (POST/PATCH/DELETE) fails with UNABLE_TO_LOCK_ROW (§6). */
	lockRowRate?: number;
	/** Probability 0..1 that the socket is destroyed before the request is processed. */
	dropConnectionRate?: number;
	/** Probability 0..1 that the response is never sent (the client times out). */
	timeoutRate?: number;
	/** Fail the n-th API request (1 = the next one) counted from when this was set. */
	failNth?: {n: number; kind: FaultKind};
	/** The next N writes are committed, then the socket is destroyed without a response. */
	commitThenDrop?: number;
	/** Whole collections writes refused while they carry a record with this text (fault-responses.ts). */
	refuseRequestsWith?: RequestRefusal;
	/** PRNG seed for the rates above. */
	seed?: number;
};

export type FaultDecision = {kind: FaultKind | undefined; latencyMs: number};

/** mulberry32: tiny, fast, good enough for fault dice. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export class Faults {
	private settings: FaultSettings = {};
	private random: () => number = prng(1);
	private seen = 0;
	private commitDropsLeft = 0;

	set(settings: FaultSettings): void {
		this.settings = {...this.settings, ...settings};
		if (settings.seed !== undefined) this.random = prng(settings.seed);
		if (settings.failNth !== undefined) this.seen = 0;
		if (settings.commitThenDrop !== undefined) this.commitDropsLeft = settings.commitThenDrop;
	}

	clear(): void {
		this.settings = {};
		this.seen = 0;
		this.commitDropsLeft = 0;
		this.random = prng(1);
	}

	current(): FaultSettings & {commitThenDropLeft: number} {
		return {...this.settings, commitThenDropLeft: this.commitDropsLeft};
	}

	/** Decides the fate of one API request before it is processed. */
	decide(isWrite: boolean): FaultDecision {
		const s = this.settings;
		const latencyMs = s.latencyMs ?? 0;
		this.seen++;
		if (s.failNth && this.seen === s.failNth.n) {
			const kind = s.failNth.kind;
			delete this.settings.failNth;
			return {kind, latencyMs};
		}
		const roll = (p: number | undefined): boolean => p !== undefined && p > 0 && this.random() < p;
		if (roll(s.dropConnectionRate)) return {kind: 'drop', latencyMs};
		if (roll(s.timeoutRate)) return {kind: 'timeout', latencyMs};
		if (roll(s.rate503)) return {kind: s.html503 ? 'html503' : '503', latencyMs};
		if (isWrite && roll(s.lockRowRate)) return {kind: 'lockRow', latencyMs};
		if (isWrite && this.commitDropsLeft > 0) {
			this.commitDropsLeft--;
			return {kind: 'commitThenDrop', latencyMs};
		}
		return {kind: undefined, latencyMs};
	}
}
