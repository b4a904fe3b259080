// `npm run org`: prints URL, users and a working API session id; bad flags exit 2; SIGINT closes cleanly.
import {spawn} from 'node:child_process';
import {expect} from 'vitest';
import {connect, localOnly} from './contract-target.js';

const tsx = ['node_modules/.bin/tsx', 'test/org/cli.ts'];

function run(args: string[]): {
	child: ReturnType<typeof spawn>;
	out: () => string;
	exited: Promise<number | null>;
	printed: (marker: string) => Promise<void>;
} {
	const child = spawn(tsx[0] ?? '', [tsx[1] ?? '', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let out = '';
	const waiters: {marker: string; resolve: () => void}[] = [];
	const onData = (d: Buffer): void => {
		out += d.toString();
		for (const w of waiters) if (out.includes(w.marker)) w.resolve();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
	// Resolves when the marker appears in the output (event-driven; no polling sleeps).
	const printed = (marker: string): Promise<void> =>
		out.includes(marker)
			? Promise.resolve()
			: new Promise((resolve, reject) => {
					waiters.push({marker, resolve});
					void exited.then(() => reject(new Error(`exited before printing "${marker}":\n${out}`)));
				});
	return {child, out: () => out, exited, printed};
}

localOnly('bad flags print a clear error and exit 2', async () => {
	const r = run(['--seed', 'lots']);
	expect(await r.exited).toBe(2);
	expect(r.out()).toContain('--seed must be demo, none or a Task count');
	expect(r.out()).toContain('Usage: npm run org');
});

localOnly('prints URL, demo users and an API session id that works; Ctrl-C closes cleanly', async () => {
	const r = run(['--port', '0', '--seed', 'demo']);
	await r.printed('Press Ctrl-C');
	const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(r.out())?.[1] ?? '';
	const sid = /API session \(rep\): (\S+)/.exec(r.out())?.[1] ?? '';
	expect(r.out()).toContain('rep@tickler-demo.example');
	const res = await connect(url, sid).query('SELECT COUNT() FROM Task');
	expect(res.totalSize).toBeGreaterThan(20);
	r.child.kill('SIGINT');
	expect(await r.exited).toBe(0);
});
