// Every convention, engineering-guide section, docs/ page, heading or numbered section a comment cites must
// be defined in docs/, so a reader can look each one up inside the repository (rule ids and issue numbers
// have their own checks: rules-doc.test.ts, issues-doc.test.ts).
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {anchorOf, type Docs, joinComments, parseDocPage, unresolvedCitations} from './citations-doc.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

function filesUnder(dir: string, keep: RegExp): string[] {
	return readdirSync(path.join(root, dir)).flatMap(name => {
		const rel = path.posix.join(dir, name);
		if (statSync(path.join(root, rel)).isDirectory()) return filesUnder(rel, keep);
		return keep.test(name) ? [rel] : [];
	});
}

const docs: Docs = new Map(filesUnder('docs', /\.md$/).map(file => [file, parseDocPage(read(file))]));
// This check's own files name made-up citations on purpose.
const ownFiles = new Set(['test/citations-doc.ts', 'test/citations-doc.test.ts']);
const sources = [
	...['src', 'test', 'bench', 'scripts'].flatMap(dir => filesUnder(dir, /\.(ts|tsx|js|mjs)$/)),
	'eslint.config.js',
	'vite.config.ts',
	'vitest.config.ts',
].filter(file => !ownFiles.has(file));

describe('citations of docs/ from src/, test/, bench/ and scripts/', () => {
	it('finds the engineering guide with its sections, numbered rules and conventions', () => {
		const guide = docs.get('docs/engineering.md');
		expect([...(guide?.sections.keys() ?? [])]).toEqual(expect.arrayContaining(['1', '2', '2.5', '3', '4', '5', '6']));
		expect([...(guide?.conventions ?? [])]).toEqual(Array.from({length: 15}, (_, i) => String(i + 1)));
		expect(docs.get('docs/salesforce-facts.md')?.sections.size).toBeGreaterThan(40);
	});

	it('resolves every citation in the code, tests, benchmarks and scripts', () => {
		const cited = sources.flatMap(file => unresolvedCitations(read(file), docs).map(problem => `${file}: ${problem}`));
		expect(cited).toEqual([]);
	});

	it('is not vacuous: the code does cite conventions, guide sections, pages and numbered sections', () => {
		const all = joinComments(sources.map(read).join('\n'));
		expect(all.match(/\bconvention \d+/gi)?.length).toBeGreaterThan(3);
		expect(all.match(/\bengineering guide §/gi)?.length).toBeGreaterThan(10);
		expect(all.match(/\bdocs\/[\w/-]+\.md/g)?.length).toBeGreaterThan(20);
		expect(all.match(/salesforce-facts\.md §/g)?.length).toBeGreaterThan(20);
	});

	it('fails on made-up citations of every kind', () => {
		const madeUp = [
			'(convention 99)',
			'(conventions 4 and 42)',
			'(engineering guide §9)',
			'(engineering guide §2.9)',
			'(engineering §2 rule 7)',
			'(engineering guide §4 "Scheduler delegate")',
			'(engineering guide, "Safari in tests")',
			'(docs/no-such-page.md)',
			'(docs/sync-protocol.md#no-such-heading)',
			'(docs/sync-protocol.md "No such heading")',
			'(FACTS §99)',
			'(FACTS §13.1, §13.99)',
			'(docs/FACTS §2.99)',
			'(no-such-page.md §1)',
			'(a Salesforce fact, §99.1)',
		];
		for (const template of madeUp) {
			// Spelled through a placeholder, so salesforce-facts-doc.test.ts does not read these as real citations.
			const citation = template.replace('FACTS', 'salesforce-facts.md');
			expect(unresolvedCitations(`// ${citation}`, docs), citation).toHaveLength(1);
		}
	});

	it('accepts real citations in every form, also across a comment line break', () => {
		const real = [
			'// convention 4, conventions 9 and 14',
			'/** engineering guide §2.3, engineering §2 rule 5, engineering guide §4 "Ports" */',
			'// (engineering.md §5 "Contract suite"); engineering guide, "Firefox in tests"',
			'// docs/sync-protocol.md#reminder-times-r31-r32 and docs/sync-protocol.md "Reminder times"',
			'// salesforce-facts.md §3, §4.2 and §13.1; docs/salesforce-facts.md §13.4/§7.3',
			'// a bare §13.4/§7.3 is a Salesforce fact; RFC 7636 §3 and RFC 6749 §4.1.2 are not',
			'/**\n * wired as the worker does (engineering\n * guide §2.2) and (docs/local-org.md, "What the local\n * org refuses")\n */',
		];
		for (const citation of real) expect(unresolvedCitations(citation, docs), citation).toEqual([]);
	});

	it('has docs/architecture.md name only source files that exist', () => {
		// Folder-relative names ("runner/cycle-runner.ts") are under src/background/ or end a path that exists.
		const existing = [
			...['src', 'test', 'bench', 'scripts'].flatMap(dir => filesUnder(dir, /\.(ts|tsx)$/)),
			...readdirSync(root),
		];
		const named = [...read('docs/architecture.md').matchAll(/`([\w./-]+\.tsx?)\b[^`]*`/g)].map(match => match[1] ?? '');
		expect(named.length).toBeGreaterThan(50);
		const missing = named.filter(
			name => !existing.some(file => file === name || file === `src/background/${name}` || file.endsWith(`/${name}`)),
		);
		expect(missing).toEqual([]);
	});

	it('makes anchors the way GitHub does', () => {
		expect(anchorOf('Reminder times (R31, R32)')).toBe('reminder-times-r31-r32');
		expect(anchorOf('Error taxonomy (`src/background/salesforce/errors.ts`)')).toBe(
			'error-taxonomy-srcbackgroundsalesforceerrorsts',
		);
	});
});
