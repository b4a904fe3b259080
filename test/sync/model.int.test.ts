/**
 * CI-sized run of the model-based test (issue 4). The long run is model.soak.ts (`npm run soak`). The seed
 * is printed on every run; replay a failure exactly with
 * `MODEL_SEED=<seed> MODEL_PATH=<path> npx vitest run --project integration test/sync/model.int.test.ts`
 * (MODEL_RUNS sets the number of runs, default 40).
 */
import {test} from 'vitest';
import {runModelCheck} from './model-check.js';

test('R13–R20 model: random local/Salesforce edits, deletions, clock jumps, faults and restarts converge without loss, duplicates or resurrection', async () => {
	await runModelCheck({
		label: 'model',
		envPrefix: 'MODEL',
		command: 'npx vitest run --project integration test/sync/model.int.test.ts',
		defaultRuns: 40,
		maxActions: 30,
	});
}, 120_000);
