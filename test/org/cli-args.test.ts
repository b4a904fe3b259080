import {expect, test} from 'vitest';
import {CliError, parseCliArgs} from './cli-args.js';

test('defaults and every flag form', () => {
	expect(parseCliArgs([])).toEqual({port: 8787, seed: 'demo', dataFile: undefined, host: '127.0.0.1', help: false});
	expect(parseCliArgs(['--port', '0', '--seed', 'none', '--data', 'x.json'])).toMatchObject({
		port: 0,
		seed: 'none',
		dataFile: 'x.json',
	});
	expect(parseCliArgs(['--seed=100000', '--port=9000'])).toMatchObject({port: 9000, seed: 100_000});
	expect(parseCliArgs(['-h']).help).toBe(true);
});

test('bad flags are CliErrors with a clear message', () => {
	for (const [args, msg] of [
		[['--port', 'abc'], '--port must be'],
		[['--port', '70000'], '--port must be'],
		[['--seed', 'many'], '--seed must be'],
		[['--data'], '--data needs a value'],
		[['--verbose'], 'unknown option "--verbose"'],
	] as const) {
		expect(() => parseCliArgs([...args])).toThrow(CliError);
		expect(() => parseCliArgs([...args])).toThrow(msg);
	}
});
