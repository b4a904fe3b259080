/** Small statistics for benchmark repetitions. Medians, not means: one slow run on a shared machine must not move the figure. */

export function median(values: readonly number[]): number {
	return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0–100) — no interpolation, so the answer is always a value that was observed. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) throw new Error('percentile of an empty list');
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
