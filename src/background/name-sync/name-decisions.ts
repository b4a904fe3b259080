/**
 * R45, pure decisions: which name wins for one Task, and which shared names to keep within the quotas.
 *
 * The later naming wins (last writer wins by the time the name was given, on the server's clock, which
 * every computer measures from Salesforce's `Date` headers, R16); a tie of times goes to the greater name
 * so that every computer picks the same one. A name that came from the Task's Subject (an import) has no
 * time: any name given in Tickler beats it — and a Subject edit made in Salesforce still never renames a
 * reminder (R10), because only names given in Tickler are ever shared.
 */
import {
	itemBytes,
	NAME_BUDGET,
	NAME_TTL_MS,
	parseNameKey,
	parseSharedName,
	SYNC_QUOTA,
	type SharedName,
} from './entries.js';

/** A reminder's current name and when it was given in Tickler (server ms), or undefined for its Subject. */
export type LocalName = {name: string; at: number | undefined};

function later(a: {name: string; at: number}, b: {name: string; at: number}): boolean {
	return a.at > b.at || (a.at === b.at && a.name > b.name);
}

/** True when the shared name should replace the reminder's own. */
export function sharedWins(shared: SharedName, local: LocalName): boolean {
	if (shared.n === local.name) return false;
	if (local.at === undefined) return true;
	return later({name: shared.n, at: shared.t}, {name: local.name, at: local.at});
}

/** True when the reminder's own name should be shared (over the stored one, if any). */
export function localWins(local: LocalName, shared: SharedName | undefined, serverNow: number): boolean {
	if (local.at === undefined) return false;
	// Never share what would expire at once: it would be written and removed again at every pass.
	if (serverNow - local.at > NAME_TTL_MS) return false;
	if (shared === undefined) return true;
	if (shared.n === local.name) return false;
	return later({name: local.name, at: local.at}, {name: shared.n, at: shared.t});
}

export type NamePlan = {
	/** Items to remove: malformed, expired, for Tasks deleted here, or the oldest over the budget. */
	remove: string[];
	/** Items to write. */
	write: Record<string, SharedName>;
};

/**
 * What the area should hold after this pass: the stored names overlaid with the ones to share, minus the
 * malformed, the expired and `dropKeys`, and then only the newest that fit NAME_BUDGET. The plan is a pure
 * function of what is stored and what is offered, so every computer that sees the same area evicts the
 * same names, and a name evicted once is not written again at the next pass (it is still the oldest).
 */
export function planNames(
	stored: Record<string, unknown>,
	offered: ReadonlyMap<string, SharedName>,
	dropKeys: ReadonlySet<string>,
	serverNow: number,
): NamePlan {
	const remove = new Set<string>();
	const candidates = new Map<string, SharedName>();
	for (const [key, value] of Object.entries(stored)) {
		if (parseNameKey(key) === undefined) continue;
		const shared = parseSharedName(value);
		if (shared === undefined || serverNow - shared.t > NAME_TTL_MS || dropKeys.has(key)) remove.add(key);
		else candidates.set(key, shared);
	}

	for (const [key, shared] of offered) {
		const expired = serverNow - shared.t > NAME_TTL_MS;
		if (!expired && !dropKeys.has(key) && itemBytes(key, shared) <= SYNC_QUOTA.bytesPerItem)
			candidates.set(key, shared);
	}

	const newestFirst = [...candidates].sort(([keyA, a], [keyB, b]) => b.t - a.t || (keyA < keyB ? -1 : 1));
	let bytes = 0;
	let items = 0;
	const write: Record<string, SharedName> = {};
	for (const [key, shared] of newestFirst) {
		const size = itemBytes(key, shared);
		const fits = items + 1 <= NAME_BUDGET.items && bytes + size <= NAME_BUDGET.bytes;
		if (fits) {
			items++;
			bytes += size;
			if (offered.get(key) === shared) write[key] = shared;
		} else if (key in stored) {
			remove.add(key);
		}
	}

	return {remove: [...remove], write};
}
