/** Command-line options of `npm run bench` (after `--`). */

export const FAMILIES = ['bundle', 'sw', 'org', 'api', 'sync', 'popup', 'fleet', 'content'] as const;
export type Family = (typeof FAMILIES)[number];

export type BenchOptions = {
	only: ReadonlySet<Family>;
	/** Repetitions for each timed figure (medians are reported). */
	runs: number;
	/** Reps in the fleet simulation; 500 is the figure, smaller values are for quick loops. */
	reps: number;
	/** Use an existing build instead of running `vite build` (the directory must hold manifest.json). */
	dist: string | undefined;
	/** Run every fleet cycle through the engine, idle polls included (checks the fleet's shortcut; slow). */
	fullFleet: boolean;
};

export const USAGE = `npm run bench [-- --only ${FAMILIES.join(',')}] [--runs N] [--reps N] [--dist DIR] [--full-fleet]`;

function positiveInteger(flag: string, value: string | undefined): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} needs a positive integer (${USAGE})`);
	return number;
}

function isFamily(value: string): value is Family {
	return (FAMILIES as readonly string[]).includes(value);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
	const options: BenchOptions = {only: new Set(FAMILIES), runs: 7, reps: 500, dist: undefined, fullFleet: false};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		const [flag, inline] = argument.includes('=') ? argument.split('=', 2) : [argument, undefined];
		const value = () => inline ?? argv[++index];
		switch (flag) {
			case '--only': {
				const names = (value() ?? '')
					.split(',')
					.map(name => name.trim())
					.filter(Boolean);
				const unknown = names.filter(name => !isFamily(name));
				if (names.length === 0 || unknown.length > 0) {
					throw new Error(`--only takes a comma-separated list of ${FAMILIES.join(', ')}; got "${unknown.join(',')}"`);
				}

				options.only = new Set(names.filter(name => isFamily(name)));
				break;
			}

			case '--runs': {
				options.runs = positiveInteger('--runs', value());
				break;
			}

			case '--reps': {
				options.reps = positiveInteger('--reps', value());
				break;
			}

			case '--dist': {
				options.dist = value();
				if (!options.dist) throw new Error(`--dist needs a directory (${USAGE})`);
				break;
			}

			case '--full-fleet': {
				options.fullFleet = true;
				break;
			}

			default: {
				throw new Error(`Unknown option ${argument} (${USAGE})`);
			}
		}
	}

	return options;
}
