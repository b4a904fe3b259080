import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {zip} from './zip.js';

const entries = [
	{path: 'manifest.json', data: Buffer.from('{"manifest_version":3}\n')},
	{path: 'assets/a.js', data: Buffer.from('console.log("a");\n'.repeat(50))},
	{path: 'icons/icon.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])},
	{path: 'src/popup/index.html', data: Buffer.from('<p>ü</p>')},
];

describe('R42: reproducible zip', () => {
	it('R42: the same files in any order give the same bytes', () => {
		expect(zip(entries).equals(zip([...entries].reverse()))).toBe(true);
	});

	it('R42: unzip reads back every file intact, dated 1980-01-01, with no extra fields', () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'tickler-zip-'));
		try {
			const file = path.join(directory, 'test.zip');
			writeFileSync(file, zip(entries));
			const listing = execFileSync('unzip', ['-Z', '-v', file], {encoding: 'utf8'});
			expect(listing.match(/length of extra field:\s+(\d+)/g)?.length).toBe(entries.length);
			expect(listing).not.toMatch(/length of extra field:\s+[1-9]/);
			execFileSync('unzip', ['-q', file, '-d', path.join(directory, 'out')]);
			for (const entry of entries) {
				expect(readFileSync(path.join(directory, 'out', entry.path)).equals(entry.data)).toBe(true);
			}

			expect(execFileSync('unzip', ['-l', file], {encoding: 'utf8'})).toContain('1980-01-01 00:00');
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	it('R42: refuses duplicate and unsafe paths', () => {
		expect(() => zip([entries[0]!, entries[0]!])).toThrow(/duplicate/);
		expect(() => zip([{path: '../evil', data: Buffer.from('')}])).toThrow(/unsafe/);
	});
});
