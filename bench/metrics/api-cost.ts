import type {FamilyResult} from '../report.js';

/** Placeholder until the sync engine (src/background/sync) lands; the run reports this family as NOT MEASURED. */
export async function measureApiCost(): Promise<FamilyResult> {
	throw new Error('not built yet: waiting for the sync engine (src/background/sync)');
}
