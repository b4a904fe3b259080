import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {collectEntryFiles, readManifestEntries} from './lib/import-graph.js';
import {median, percentile} from './lib/stats.js';
import {librariesIn, measureBundles} from './metrics/bundle-size.js';
import {parseOptions} from './options.js';
import {apiPeerEstimates} from './peers.js';
import {type FamilyResult, formatReport, passes, ratio, toResultsJson, writeResults} from './report.js';

/**
 * Smoke test of the benchmark harness only (issue 6: the benchmarks themselves stay out of `npm test`):
 * the table, results.json, option parsing, the import-graph walk behind the bundle sizes, and the peer models.
 */

const api: FamilyResult = {
	family: 'api',
	metrics: [
		{name: 'api.idlePoll.requests', value: 1, unit: 'req', reference: {value: 1, comparison: 'at-most', source: 'R21'}},
		{
			name: 'api.push.1000.requests',
			value: 12,
			unit: 'req',
			reference: {value: 6, comparison: 'at-most', source: 'minimum'},
		},
		{
			name: 'sw.coldStart.ms',
			value: 120.5,
			unit: 'ms',
			samples: [100, 120.5, 300],
			reference: {value: 150, comparison: 'below', source: 'target'},
		},
		{
			name: 'popup.firstPaint.20000.ms',
			value: 150,
			unit: 'ms',
			reference: {value: 150, comparison: 'below', source: 'target'},
		},
		{name: 'broken', value: Number.NaN, unit: 'ms'},
	],
	peers: [{metric: 'api.push.1000.requests', peer: 'Outreach', value: 1000}],
	notes: [{text: 'content script contains Dexie', problem: true}],
};

describe('report', () => {
	test('judges each metric against its reference', () => {
		const [idle, push, cold, paint] = api.metrics;
		expect([passes(idle!), passes(push!), passes(cold!), passes(paint!)]).toEqual([true, false, true, false]);
		expect(ratio(push!)).toBe(2);
	});

	test('prints every metric, its verdict, the peers, the problems and the failures', () => {
		const table = formatReport([api], [{family: 'fleet', error: 'engine missing'}]);
		expect(table).toMatch(/^metric\s+value\s+reference\s+ratio\s+verdict/);
		expect(table).toMatch(/api\.push\.1000\.requests\s+12 req\s+≤ 6\s+2\.00×\s+MISSED by 100 %/);
		expect(table).toMatch(/sw\.coldStart\.ms\s+120\.5 ms \(100–300, n=3\)\s+< 150\s+0\.80×\s+ok/);
		expect(table).toMatch(/api\.push\.1000\.requests\s+Outreach\s+1,000\s+12\s+83\.3×/);
		expect(table).toContain('PROBLEM  [api] content script contains Dexie');
		expect(table).toContain('NOT MEASURED  [fleet] engine missing');
	});

	test('results.json is one flat object of finite numbers, merged over the previous run', async () => {
		const flat = toResultsJson([api]);
		expect(flat).toEqual({
			'api.idlePoll.requests': 1,
			'api.push.1000.requests': 12,
			'sw.coldStart.ms': 120.5,
			'popup.firstPaint.20000.ms': 150,
			'peer.outreach.api.push.1000.requests': 1000,
		});
		const dir = await mkdtemp(path.join(tmpdir(), 'bench-smoke-'));
		const file = path.join(dir, 'results.json');
		await writeResults(file, [api], {'bundle.sw.bytes': 5, 'api.idlePoll.requests': 9});
		const written = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
		expect(written['bundle.sw.bytes']).toBe(5);
		expect(written['api.idlePoll.requests']).toBe(1);
		expect(Object.values(written).every(value => typeof value === 'number')).toBe(true);
		await rm(dir, {recursive: true, force: true});
	});
});

describe('options', () => {
	test('--only filters families; unknown names and flags are refused', () => {
		expect([...parseOptions(['--only', 'api,bundle']).only]).toEqual(['api', 'bundle']);
		expect(parseOptions(['--only=sw', '--runs', '3']).runs).toBe(3);
		expect(parseOptions([]).only.size).toBe(8); // bundle, sw, org, api, sync, popup, fleet, content (issue 14)
		expect(() => parseOptions(['--only', 'apis'])).toThrow(/--only/);
		expect(() => parseOptions(['--fast'])).toThrow(/Unknown option/);
	});
});

describe('stats', () => {
	test('median and nearest-rank percentiles return observed values', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
		expect(percentile([5], 50)).toBe(5);
	});
});

describe('bundle sizes follow the import graph of dist/', () => {
	let dist: string;
	beforeAll(async () => {
		dist = await mkdtemp(path.join(tmpdir(), 'bench-dist-'));
		const files: Record<string, string> = {
			'manifest.json': JSON.stringify({
				background: {service_worker: 'loader.js'},
				action: {default_popup: 'src/popup/index.html'},
				options_page: 'src/options/index.html',
				content_scripts: [{js: ['assets/content-loader.js']}],
			}),
			'loader.js': "import './assets/worker.js';",
			'assets/worker.js': 'import{a as b}from"./shared.js";import("./lazy.js");var x="jsforce Dexie";',
			'assets/shared.js': 'export const a=1;',
			'assets/lazy.js': 'export const l=2;',
			'assets/popup.js': 'import{a}from"./shared.js";console.log(a)',
			'assets/popup.css': 'body{}',
			'assets/content-loader.js': '(async()=>{await import(chrome.runtime.getURL("assets/content.js"))})();',
			'assets/content.js': 'document.title="x"',
			'src/popup/index.html':
				'<script type="module" src="/assets/popup.js"></script><link rel="stylesheet" href="/assets/popup.css"><link rel="modulepreload" href="/assets/shared.js">',
			'src/options/index.html': '<p>no scripts</p>',
		};
		for (const [name, content] of Object.entries(files)) {
			await mkdir(path.dirname(path.join(dist, name)), {recursive: true});
			await writeFile(path.join(dist, name), content);
		}
	});

	afterAll(async () => rm(dist, {recursive: true, force: true}));

	test('shared chunks count for every entry that loads them, loaders included', async () => {
		const entries = await readManifestEntries(dist);
		const relative = async (list: string[]) =>
			(await collectEntryFiles(dist, list)).map(file => path.relative(dist, file)).sort();
		expect(await relative(entries.sw)).toEqual(['assets/lazy.js', 'assets/shared.js', 'assets/worker.js', 'loader.js']);
		expect(await relative(entries.popup)).toEqual([
			'assets/popup.css',
			'assets/popup.js',
			'assets/shared.js',
			'src/popup/index.html',
		]);
		expect(await relative(entries.content)).toEqual(['assets/content-loader.js', 'assets/content.js']);
	});

	test('the family reports sizes for each context and flags libraries in the content script', async () => {
		const result = await measureBundles(dist);
		const names = result.metrics.map(metric => metric.name);
		for (const context of ['sw', 'popup', 'options', 'content']) {
			expect(names).toContain(`bundle.${context}.bytes`);
			expect(names).toContain(`bundle.${context}.gzip.bytes`);
		}

		expect(result.metrics.find(metric => metric.name === 'bundle.content.forbiddenLibraries')?.value).toBe(0);
		expect(librariesIn('var x="jsforce Dexie"')).toEqual(['jsforce', 'Dexie']);
	});
});

describe('peers', () => {
	test("the documented models give the issue's example: one request per updated record", () => {
		const estimates = apiPeerEstimates({firstSyncRecords: 5000, pushSmall: 1, pushLarge: 1000});
		const find = (metric: string, peer: string) => estimates.find(e => e.metric === metric && e.peer === peer)?.value;
		expect(find('api.push.1000.requests', 'Outreach')).toBe(1000);
		expect(find('api.firstSync.5000.requests', 'Outreach')).toBe(3 + 25);
		expect(find('api.idlePoll.requests', 'Marketo')).toBe(25);
	});
});
