import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

describe('R42: the web-ext lint innerHTML warning stays explained', () => {
	it('R42: no source file sets innerHTML or uses dangerouslySetInnerHTML (Salesforce text is rendered as text)', () => {
		const files = sourceFiles(src);
		expect(files.length).toBeGreaterThan(50);
		for (const file of files) {
			const text = readFileSync(file, 'utf8');
			expect(
				/dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(text),
				path.relative(src, file),
			).toBe(false);
		}
	});
});
