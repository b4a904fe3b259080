// docs/rules.md is the repository's own definition of every rule id that code and tests cite. These
// checks keep it from drifting: a comment citing a rule the page does not define, a "Proved by" file that
// is gone or no longer mentions its rule, or a rule called built that no test names, all fail here.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {citedRuleIds, parseRulesDoc, type RuleSection} from './rules-doc.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
	const out: string[] = [];
	const walk = (rel: string): void => {
		for (const name of readdirSync(path.join(root, rel))) {
			const child = path.join(rel, name);
			if (statSync(path.join(root, child)).isDirectory()) walk(child);
			else if (keep(child)) out.push(child);
		}
	};
	walk(dir);
	return out;
}

const isTest = (file: string): boolean => /\.(test|int\.test|e2e|soak)\.tsx?$|\.test\.tsx$/.test(file);
const sourceFiles = filesUnder('src', file => /\.tsx?$/.test(file) && !isTest(file));
const testFiles = [
	...filesUnder('src', isTest),
	// The checks' own files name every id in passing; they prove nothing.
	...filesUnder('test', file => /\.tsx?$/.test(file) && !file.startsWith(path.join('test', 'rules-doc'))),
	...filesUnder('bench', file => /\.test\.ts$/.test(file)),
];
const sections = parseRulesDoc(read('docs/rules.md'));
const byId = new Map<string, RuleSection>(sections.map(section => [section.id, section]));

describe('docs/rules.md, the rules the code cites', () => {
	it('defines R1 to R60 once each, in order', () => {
		expect(sections.map(section => section.id)).toEqual(Array.from({length: 60}, (_, i) => `R${i + 1}`));
	});

	it('defines every rule id cited in src/', () => {
		const cited = new Set(sourceFiles.flatMap(file => citedRuleIds(read(file))));
		expect(cited.size).toBeGreaterThan(20);
		const undefinedIds = [...cited].filter(id => !byId.has(id));
		expect(undefinedIds).toEqual([]);
	});

	it('names, under "Proved by", files that exist and mention their rule', () => {
		const wrong = sections.flatMap(section =>
			section.provedBy
				.filter(file => {
					try {
						return !citedRuleIds(read(file)).includes(section.id);
					} catch {
						return true;
					}
				})
				.map(file => `${section.id}: ${file}`),
		);
		expect(wrong).toEqual([]);
	});

	it('has every rule marked built proved by at least one test that names it', () => {
		const testText = testFiles.map(read);
		const unproved = sections
			.filter(section => section.built)
			.filter(
				section => section.provedBy.length === 0 || !testText.some(text => citedRuleIds(text).includes(section.id)),
			)
			.map(section => section.id);
		expect(unproved).toEqual([]);
	});

	it('marks as built every rule a test of the product already names, so the page says what is true', () => {
		// The local org's own tests (test/org) may emulate Salesforce for a rule before the product keeps it.
		const productTests = testFiles.filter(file => !file.startsWith(path.join('test', 'org')));
		const named = new Set(productTests.flatMap(file => citedRuleIds(read(file))));
		const stale = sections.filter(section => !section.built && named.has(section.id)).map(section => section.id);
		expect(stale).toEqual([]);
	});
});
