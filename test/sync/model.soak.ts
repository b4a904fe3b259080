/**
 * The long run of the model-based test (`npm run soak`). SOAK_RUNS (default 2,000) sets the number of
 * runs; a failure prints its seed and path. Replay exactly that case with
 * `SOAK_SEED=<seed> SOAK_PATH=<path> npm run soak`.
 */
import fc from 'fast-check';
import {test} from 'vitest';
import {modelProperty} from './model.js';

const runs = Number(process.env['SOAK_RUNS'] ?? 2000);
const seed =
	process.env['SOAK_SEED'] === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env['SOAK_SEED']);
const path = process.env['SOAK_PATH'];

test(`R13–R20 model soak: ${runs} random runs`, async () => {
	console.log(`soak: seed=${seed} runs=${runs}${path ? ` path=${path}` : ''}`);
	const details = await fc.check(modelProperty(40), {
		numRuns: runs,
		seed,
		...(path ? {path} : {}),
		endOnFailure: false,
	});
	if (details.failed) {
		console.error(
			`soak FAILED — replay with: SOAK_SEED=${details.seed} SOAK_PATH=${details.counterexamplePath ?? ''} npm run soak`,
		);
		console.error(`counterexample: ${JSON.stringify(details.counterexample)}`);
		console.error(
			`error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
		);
		throw new Error(
			`soak failed (seed ${details.seed}, path ${details.counterexamplePath ?? ''}): ${String(details.errorInstance)}`,
		);
	}
});
