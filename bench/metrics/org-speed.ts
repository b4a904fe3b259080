import type {FamilyResult} from '../report.js';

/** Placeholder until  number:the local org (test/org) lands; the run reports this family as NOT MEASURED. */
export async function measureOrgSpeed(_runs: number): Promise<FamilyResult> {
	throw new Error('not built yet: waiting for  number:the local org (test/org)');
}
