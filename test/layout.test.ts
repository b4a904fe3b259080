/**
 * Issue 18, the layout a newcomer reads: the worker's root holds only its wiring (features live in folders),
 * no two source files are named alike (a letter or a plural apart, or the same name twice), and no module only
 * re-exports another (a shim: import from the module that defines the thing).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, join, relative} from 'node:path';
import {expect, test} from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(name) && !/\.test(-d)?\.tsx?$|\.d\.ts$/.test(name) ? [path] : [];
	});
}

const stem = (path: string) => basename(path).replace(/\.tsx?$/, '');

/** Edit distance ≤ 1 (one letter added, dropped or changed), the test "named alike" uses. */
function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const restA = a.slice(i);
	const restB = b.slice(i);
	return restA.slice(1) === restB.slice(1) || restA.slice(1) === restB || restA === restB.slice(1);
}

test('issue 18: the worker’s root holds only its wiring; every feature is a folder', () => {
	const root = readdirSync(join(SRC, 'background')).filter(name => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
	expect(root.length, root.join(', ')).toBeLessThanOrEqual(8);
});

test('issue 18: no two source files are named alike (a letter or a plural apart), and no name is used twice', () => {
	// index.html entry points and the feature-named main files are one per page by design.
	const files = sourceFiles(SRC).filter(path => !/(^|\/)(index|main)\.tsx?$/.test(path));
	const alike: string[] = [];
	for (const [i, a] of files.entries()) {
		for (const b of files.slice(i + 1)) {
			if (withinOneEdit(stem(a), stem(b))) alike.push(`${relative(ROOT, a)} ~ ${relative(ROOT, b)}`);
		}
	}

	expect(alike).toEqual([]);
});

test('the alike check catches what issue 18 found', () => {
	expect(withinOneEdit('alarm', 'alarms')).toBe(true);
	expect(withinOneEdit('validate', 'validators')).toBe(false); // two letters: caught by review, not by this test
	expect(withinOneEdit('port', 'ports')).toBe(true);
	expect(withinOneEdit('db', 'db')).toBe(true);
	expect(withinOneEdit('change-signal', 'change-signals')).toBe(true);
	expect(withinOneEdit('push-plan', 'push-send')).toBe(false);
});

test('issue 18: no module only re-exports another (import from the module that defines it)', () => {
	const shims = sourceFiles(SRC).filter(path => {
		const code = readFileSync(path, 'utf8')
			.replaceAll(/\/\*[\s\S]*?\*\//g, '')
			.replaceAll(/^\s*\/\/.*$/gm, '')
			.trim();
		return (
			code !== '' && code.split('\n').every(line => /^export (\*|\{[^}]*\}|type \{[^}]*\}) from /.test(line.trim()))
		);
	});
	expect(shims.map(path => relative(ROOT, path))).toEqual([]);
});
