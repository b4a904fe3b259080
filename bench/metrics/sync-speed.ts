import type {FamilyResult} from '../report.js';

/** Placeholder until  number:the sync engine (src/background/sync) lands; the run reports this family as NOT MEASURED. */
export async function measureSyncSpeed(_runs: number): Promise<FamilyResult> {
	throw new Error('not built yet: waiting for  number:the sync engine (src/background/sync)');
}
