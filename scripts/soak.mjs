// `npm run soak`: the model-based test's long run (test/sync/model.soak.ts), sharded by seed over the machine's
// cores. SOAK_RUNS (default 2,000) runs in all, split evenly over SOAK_SEEDS seeds (default 10); SOAK_JOBS
// (default: the cores + 1) seeds run at once, each in its own vitest process — one more than the cores because
// a run spends about a quarter of its time waiting (the timeout fault holds a response until the client gives
// up, 150 ms), and another process uses that core meanwhile. Every seed and its time is printed;
// a failure prints its seed and path, and `SOAK_SEED=<seed> SOAK_PATH=<path> npm run soak` replays exactly that
// case in one process. The run ends with one summary line.
import {spawn} from 'node:child_process';
import {availableParallelism} from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = name => process.env[name];
const whole = (name, fallback) => {
	const value = Number(env(name) ?? fallback);
	if (!Number.isInteger(value) || value < 1) {
		console.error(`${name} must be a whole number ≥ 1 (got ${env(name)})`);
		process.exit(2);
	}
	return value;
};

/** One vitest process running the soak file with the given environment; resolves with its exit code. */
function runSoak(extraEnv, label) {
	return new Promise(resolve => {
		const child = spawn('npx', ['vitest', 'run', '--project', 'soak'], {
			cwd: root,
			env: {...process.env, ...extraEnv},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', chunk => (output += chunk));
		child.stderr.on('data', chunk => (output += chunk));
		child.on('close', code => {
			if (code !== 0) console.log(`--- ${label} output ---\n${output}`);
			resolve(code ?? 1);
		});
	});
}

// Replaying one case: one process, exactly as asked.
if (env('SOAK_SEED') !== undefined) {
	process.exit(await runSoak({}, `seed ${env('SOAK_SEED')}`));
}

const runs = whole('SOAK_RUNS', 2000);
const seedCount = Math.min(whole('SOAK_SEEDS', 10), runs);
const jobs = whole('SOAK_JOBS', availableParallelism() + 1);
const base = Date.now() % 1_000_000_000;
const shards = Array.from({length: seedCount}, (_, i) => ({
	seed: base + i * 7919,
	runs: Math.floor(runs / seedCount) + (i < runs % seedCount ? 1 : 0),
}));

console.log(`soak: ${runs} runs over ${seedCount} seeds, ${jobs} at a time`);
const started = Date.now();
const failed = [];
let next = 0;
async function worker() {
	while (next < shards.length) {
		const shard = shards[next++];
		const shardStart = Date.now();
		const code = await runSoak({SOAK_SEED: String(shard.seed), SOAK_RUNS: String(shard.runs)}, `seed ${shard.seed}`);
		const seconds = ((Date.now() - shardStart) / 1000).toFixed(1);
		console.log(`soak: seed=${shard.seed} runs=${shard.runs} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
		if (code !== 0) failed.push(shard.seed);
	}
}
await Promise.all(Array.from({length: Math.min(jobs, shards.length)}, worker));

const seconds = (Date.now() - started) / 1000;
const total = `${seconds.toFixed(1)} s, ${(runs / seconds).toFixed(1)} runs/s`;
console.log(
	failed.length === 0
		? `soak: all ${runs} runs passed over seeds ${shards.map(shard => shard.seed).join(', ')} in ${total}`
		: `soak: FAILED for seeds ${failed.join(', ')} (${runs} runs, ${total}); replay as printed above`,
);
process.exit(failed.length === 0 ? 0 : 1);
