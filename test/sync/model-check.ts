/**
 * Runs the model-based property with a seed that is always printed, and replays a failure exactly. Shared
 * by the CI-sized test (model.int.test.ts: MODEL_RUNS, MODEL_SEED, MODEL_PATH) and the soak
 * (model.soak.ts: SOAK_RUNS, SOAK_SEED, SOAK_PATH), so both say how to replay what they found.
 */
import fc from 'fast-check';
import {modelProperty} from './model.js';

export type ModelCheck = {
	/** Printed with the seed, e.g. 'soak'. */
	label: string;
	/** The environment variables' prefix: `${prefix}_RUNS`, `${prefix}_SEED`, `${prefix}_PATH`. */
	envPrefix: 'MODEL' | 'SOAK';
	/** How to run this check again, e.g. 'npm run soak'. */
	command: string;
	defaultRuns: number;
	maxActions: number;
};

export async function runModelCheck(check: ModelCheck): Promise<void> {
	const env = (name: string): string | undefined => process.env[`${check.envPrefix}_${name}`];
	const runs = Number(env('RUNS') ?? check.defaultRuns);
	const seedText = env('SEED');
	const seed = seedText === undefined ? Date.now() ^ (Math.random() * 0x7f_ff_ff_ff) : Number(seedText);
	const path = env('PATH');
	console.log(`${check.label}: seed=${seed} runs=${runs}${path ? ` path=${path}` : ''}`);
	const details = await fc.check(modelProperty(check.maxActions), {
		numRuns: runs,
		seed,
		...(path ? {path} : {}),
		endOnFailure: false,
	});
	if (!details.failed) return;
	const replay = `${check.envPrefix}_SEED=${details.seed} ${check.envPrefix}_PATH=${details.counterexamplePath ?? ''} ${check.command}`;
	console.error(`${check.label} FAILED — replay with: ${replay}`);
	console.error(`counterexample: ${JSON.stringify(details.counterexample)}`);
	throw new Error(
		`${check.label} failed (seed ${details.seed}, path ${details.counterexamplePath ?? ''}; replay: ${replay}): ${
			details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
		}`,
	);
}
