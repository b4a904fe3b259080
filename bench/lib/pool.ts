/**
 * Runs `work` over `items` with at most `limit` in flight. fake-indexeddb and the in-process org spend
 * much of each cycle waiting on the event loop, so ~10 concurrent cycles roughly halve the wall time on
 * two cores; more only adds contention (measured while building the fleet).
 */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({length: Math.min(limit, items.length)}, async () => {
		while (next < items.length) {
			const item = items[next++]!;
			await work(item);
		}
	});
	await Promise.all(lanes);
}
