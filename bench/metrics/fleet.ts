import type {FamilyResult} from '../report.js';

/** Placeholder until  number:the sync engine and its scheduler lands; the run reports this family as NOT MEASURED. */
export async function measureFleet(_reps: number): Promise<FamilyResult> {
	throw new Error('not built yet: waiting for  number:the sync engine and its scheduler');
}
