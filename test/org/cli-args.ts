// Argument parsing for `npm run org -- [--port N] [--seed demo|none|<count>] [--data FILE] [--host H]`.
// Pure, so it is unit-tested; bad flags are reported, and the CLI exits 2.

export type CliOptions = {
	port: number;
	seed: 'demo' | 'none' | number;
	dataFile: string | undefined;
	host: string;
	help: boolean;
};

export class CliError extends Error {}

export const USAGE = `Usage: npm run org -- [--port N] [--seed demo|none|<count>] [--data FILE] [--host HOST]
  --port N        port to listen on (default 8787; 0 = any free port)
  --seed S        demo (default), none, or a number of Tasks to generate for the rep
  --data FILE     keep the org in FILE so it survives restarts (loaded if it exists; the seed is then ignored)
  --host HOST     interface to bind (default 127.0.0.1)`;

export function parseCliArgs(argv: string[]): CliOptions {
	const out: CliOptions = {port: 8787, seed: 'demo', dataFile: undefined, host: '127.0.0.1', help: false};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? '';
		const [flag, inline] = arg.includes('=')
			? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
			: [arg, undefined];
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new CliError(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '--help':
			case '-h':
				out.help = true;
				break;
			case '--port': {
				const v = value();
				const n = Number(v);
				if (!/^\d+$/.test(v) || n > 65_535) throw new CliError(`--port must be a number from 0 to 65535, got "${v}"`);
				out.port = n;
				break;
			}
			case '--seed': {
				const v = value();
				if (v === 'demo' || v === 'none') out.seed = v;
				else if (/^\d+$/.test(v) && Number(v) <= 2_000_000) out.seed = Number(v);
				else throw new CliError(`--seed must be demo, none or a Task count (≤ 2,000,000), got "${v}"`);
				break;
			}
			case '--data':
				out.dataFile = value();
				break;
			case '--host':
				out.host = value();
				break;
			default:
				throw new CliError(`unknown option "${arg}"`);
		}
	}
	return out;
}
