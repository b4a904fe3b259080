import {spawn} from 'node:child_process';
import path from 'node:path';
import {expect, test} from 'vitest';

// `npm start -- --firefox --once` (R42): the demo in Firefox ESR — builds nothing (npm test has built
// dist-firefox/), starts the local org with its demo data, installs the Firefox package's files, signs the rep
// in, turns sync on, waits for the first sync and prints the popup. Today's demo Tasks must be in it.

const ROOT = path.resolve(import.meta.dirname, '../..');

function runOnce(): Promise<{code: number | null; output: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'scripts/start.ts', '--firefox', '--once', '--no-build', '--timeout=60'],
			{cwd: ROOT, env: {...process.env, DISPLAY: '', WAYLAND_DISPLAY: ''}},
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', code => resolve({code, output}));
	});
}

test('R42: npm start -- --firefox --once prints the popup after the first sync in Firefox, with today’s demo Tasks', async () => {
	const {code, output} = await runOnce();
	expect(output, output).toContain('First sync complete.');
	expect(code, output).toBe(0);
	const today = JSON.parse(/Demo rep's Tasks due today in the org: (.*)/.exec(output)?.[1] ?? '[]') as string[];
	expect(today.length, output).toBeGreaterThan(0);
	const popup = output.slice(output.indexOf('What the Tickler popup shows (Firefox)'));
	for (const subject of today) expect(popup).toContain(subject);
}, 120_000);
