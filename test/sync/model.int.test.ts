/** CI-sized run of the model-based test (issue 4). The long run is model.soak.ts (`npm run soak`). */
import fc from 'fast-check';
import {test} from 'vitest';
import {modelProperty} from './model.js';

test('R13–R20 model: random local/Salesforce edits, deletions, clock jumps, faults and restarts converge without loss, duplicates or resurrection', async () => {
	await fc.assert(modelProperty(30), {numRuns: Number(process.env['MODEL_RUNS'] ?? 40)});
}, 120_000);
