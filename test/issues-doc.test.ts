// docs/issues.md lists the work items the code, tests and docs cite as "issue N". This fails when something
// cites an issue the page does not list, so every such citation can be looked up inside the repository.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
	return readdirSync(path.join(root, dir)).flatMap(name => {
		const rel = path.join(dir, name);
		if (statSync(path.join(root, rel)).isDirectory()) return files(rel);
		return /\.(ts|tsx|js|md)$/.test(name) ? [rel] : [];
	});
}

const page = readFileSync(path.join(root, 'docs/issues.md'), 'utf8');
const listed = new Set([...page.matchAll(/^\| (\d+) +\|/gm)].map(match => match[1]));
const sources = [
	...['src', 'test', 'bench', 'scripts', 'docs'].flatMap(files),
	'README.md',
	'CHANGELOG.md',
	'eslint.config.js',
	'vite.config.ts',
];

test('every "issue N" cited in the code and docs is listed in docs/issues.md', () => {
	expect(listed.size).toBeGreaterThan(8);
	const missing = sources.flatMap(file =>
		[...readFileSync(path.join(root, file), 'utf8').matchAll(/\bissues? (\d+)\b/gi)]
			.map(match => match[1] ?? '')
			.filter(issue => !listed.has(issue))
			.map(issue => `${file}: issue ${issue}`),
	);
	expect(missing).toEqual([]);
});
