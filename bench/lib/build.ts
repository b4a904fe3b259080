import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** tmp/ is git-ignored; dist/ belongs to `npm run build` and the e2e tests, which may run at the same time. */
export const BENCH_DIST = path.join(ROOT, 'tmp', 'bench-dist');

/** `vite build` of the working tree into the bench's own directory, so it measures exactly what it loads. */
export function buildExtension(outDir = BENCH_DIST): string {
	const run = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (run.status !== 0 || !existsSync(path.join(outDir, 'manifest.json'))) {
		throw new Error(`vite build failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
	}

	return outDir;
}
