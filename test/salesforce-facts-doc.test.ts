// docs/salesforce-facts.md holds the Salesforce facts the code relies on, numbered §N. Comments cite them as
// "salesforce-facts.md §N" (a bare "§N" beside a Salesforce fact means the same page). This fails when a
// citation names a section the page does not have, so no comment points at a brief outside the repository.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
	return readdirSync(path.join(root, dir)).flatMap(name => {
		const rel = path.join(dir, name);
		if (statSync(path.join(root, rel)).isDirectory()) return files(rel);
		return /\.(ts|tsx|md)$/.test(name) ? [rel] : [];
	});
}

const page = readFileSync(path.join(root, 'docs/salesforce-facts.md'), 'utf8');
const defined = new Set([...page.matchAll(/(?:^#+ |\*\*)§(\d+(?:\.\d+)?)\b/gm)].map(match => match[1]));
const sources = ['src', 'test', 'bench', 'scripts', 'docs'].flatMap(files);

test('every "salesforce-facts.md §N" cited in the code and docs is a section of docs/salesforce-facts.md', () => {
	expect(defined.size).toBeGreaterThan(20);
	const missing = sources.flatMap(file => {
		const text = readFileSync(path.join(root, file), 'utf8');
		// The page name, then the section(s) right after it: "salesforce-facts.md §3, §4.2" or "… §13.1".
		return [...text.matchAll(/salesforce-facts\.md`?\)? ?((?:§\d+(?:\.\d+)?(?:, |,| and )?)+)/g)].flatMap(match =>
			[...(match[1] ?? '').matchAll(/§(\d+(?:\.\d+)?)/g)]
				.map(section => section[1] ?? '')
				.filter(section => !defined.has(section))
				.map(section => `${file}: §${section}`),
		);
	});
	expect(missing).toEqual([]);
});

test('no comment or doc names the brief outside the repository', () => {
	const outside = sources.filter(file =>
		/salesforce-api\.md|sync-rules\.md|\.\.\/shared\//.test(readFileSync(path.join(root, file), 'utf8')),
	);
	expect(outside).toEqual([]);
});
