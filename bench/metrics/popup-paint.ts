import type {BenchBrowser} from '../lib/extension.js';
import type {FamilyResult} from '../report.js';

/** Placeholder until the popup's due list (src/popup) lands; the run reports this family as NOT MEASURED. */
export async function measurePopupPaint(_browser: BenchBrowser, _runs: number): Promise<FamilyResult> {
	throw new Error('not built yet: waiting for the popup due list (src/popup)');
}
