/**
 * The long run of the model-based test. `npm run soak` (scripts/soak.mjs) starts this file once per seed,
 * several at a time, each with its SOAK_SEED and its share of SOAK_RUNS; run alone it takes SOAK_RUNS (default
 * 2,000) runs on one seed. The seed is always printed, and a failure prints its seed and path. Replay exactly
 * that case with `SOAK_SEED=<seed> SOAK_PATH=<path> npm run soak`.
 */
import {test} from 'vitest';
import {runModelCheck} from './model-check.js';

const runs = Number(process.env['SOAK_RUNS'] ?? 2000);

test(`R13–R20 model soak: ${runs} random runs`, async () => {
	await runModelCheck({label: 'soak', envPrefix: 'SOAK', command: 'npm run soak', defaultRuns: 2000, maxActions: 40});
});
