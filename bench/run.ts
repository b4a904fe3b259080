/**
 * `npm run bench`: measures API cost, speed, bundle size and a fleet of reps, prints one table (metric,
 * value, reference, ratio) and writes bench/results.json (issue 6). Each family runs on its own; one that
 * cannot run (its subsystem missing or broken) is reported as NOT MEASURED and the others still run.
 * Exit code: 1 if a family failed to measure, else 0 — a missed target is reported, not an error.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {BENCH_DIST, buildExtension, ROOT} from './lib/build.js';
import {type FloorBrowser, launchFloorBrowser} from './lib/floor-browser.js';
import {type Family, FAMILIES, parseOptions} from './options.js';
import {type FamilyFailure, type FamilyResult, formatReport, writeResults} from './report.js';

const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');

type Context = {runs: number; reps: number; fullFleet: boolean; dist(): string; browser(): Promise<FloorBrowser>};
type Runner = (context: Context) => Promise<FamilyResult>;

/** Each family's module is imported only when it runs, so `--only bundle` does not load the org or the engine. */
const RUNNERS: Record<Family, Runner> = {
	bundle: async context => (await import('./metrics/bundle-size.js')).measureBundles(context.dist()),
	sw: async context =>
		(await import('./metrics/sw-cold-start.js')).measureSwColdStart(await context.browser(), context.runs),
	org: async context => (await import('./metrics/org-speed.js')).measureOrgSpeed(context.runs),
	api: async () => (await import('./metrics/api-cost.js')).measureApiCost(),
	sync: async context => (await import('./metrics/sync-speed.js')).measureSyncSpeed(context.runs),
	popup: async context =>
		(await import('./metrics/popup-paint.js')).measurePopupPaint(await context.browser(), context.runs),
	fleet: async context => (await import('./metrics/fleet.js')).measureFleet(context.reps, context.fullFleet),
	content: async context =>
		(await import('./metrics/content-overhead.js')).measureContentOverhead(await context.browser(), context.runs),
};

async function readPrevious(): Promise<Record<string, number>> {
	try {
		return JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as Record<string, number>;
	} catch {
		return {};
	}
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	const started = Date.now();
	let dist: string | undefined = options.dist && path.resolve(options.dist);
	let browser: Promise<FloorBrowser> | undefined;
	const context: Context = {
		runs: options.runs,
		reps: options.reps,
		fullFleet: options.fullFleet,
		dist() {
			if (!dist) {
				console.log(`building the extension into ${path.relative(ROOT, BENCH_DIST)} …`);
				dist = buildExtension();
			}

			return dist;
		},
		async browser() {
			// The built extension beside the floors it is measured against (issue 23).
			browser ??= launchFloorBrowser(context.dist());
			return browser;
		},
	};

	const results: FamilyResult[] = [];
	const failures: FamilyFailure[] = [];
	for (const family of options.only) {
		const familyStarted = Date.now();
		console.log(`▶ ${family}`);
		try {
			results.push(await RUNNERS[family](context));
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			failures.push({family, error: message.split('\n').slice(0, 4).join('\n    ')});
		}

		console.log(`  ${family} took ${((Date.now() - familyStarted) / 1000).toFixed(1)} s`);
	}

	if (browser) await (await browser.catch(() => undefined))?.close();

	// A partial run refreshes its own figures and keeps the others from the last run.
	const partial = options.only.size < FAMILIES.length;
	await writeResults(RESULTS_FILE, results, partial ? await readPrevious() : {});
	console.log(`\n${formatReport(results, failures)}\n`);
	console.log(`wrote ${path.relative(ROOT, RESULTS_FILE)} in ${((Date.now() - started) / 1000).toFixed(0)} s total`);
	return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
