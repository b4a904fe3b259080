import {expect, test} from 'vitest';
import type {TestSpecification, Vitest} from 'vitest/node';
import {LongestFirstSequencer} from './longest-first-sequencer.js';

/** A clean clone: vitest's cache knows no file, so its own order is the file size alone (here: none known). */
const cleanClone = {
	config: {root: '/repo'},
	cache: {getFileTestResults: () => undefined, getFileStats: () => undefined},
} as unknown as Vitest;

const spec = (project: string, file: string) =>
	({
		moduleId: `/repo/${file}`,
		project: {name: project, config: {sequence: {groupOrder: 0}, isolate: true}},
	}) as unknown as TestSpecification;

const order = async (files: TestSpecification[]) =>
	(await new LongestFirstSequencer(cleanClone).sort(files)).map(file => `${file.project.name}:${file.moduleId}`);

test('the longest e2e files start first in their project, in the listed order; the rest keep vitest’s order', async () => {
	const files = [
		spec('e2e', 'test/e2e/badge-states.e2e.ts'),
		spec('e2e', 'test/e2e/accessibility-it.e2e.ts'),
		spec('e2e', 'test/e2e/keyboard.e2e.ts'),
		spec('e2e', 'test/e2e/accessibility-en.e2e.ts'),
		spec('e2e', 'test/e2e/everyday.e2e.ts'),
	];
	expect(await order(files)).toEqual([
		'e2e:/repo/test/e2e/accessibility-en.e2e.ts',
		'e2e:/repo/test/e2e/accessibility-it.e2e.ts',
		'e2e:/repo/test/e2e/everyday.e2e.ts',
		'e2e:/repo/test/e2e/badge-states.e2e.ts',
		'e2e:/repo/test/e2e/keyboard.e2e.ts',
	]);
});

test('projects stay apart: a listed file never moves ahead of another project’s files', async () => {
	const files = [
		spec('unit', 'src/a.test.ts'),
		spec('e2e', 'test/e2e/keyboard.e2e.ts'),
		spec('e2e', 'test/e2e/accessibility-en.e2e.ts'),
		spec('unit', 'src/b.test.ts'),
	];
	expect(await order(files)).toEqual([
		'e2e:/repo/test/e2e/accessibility-en.e2e.ts',
		'e2e:/repo/test/e2e/keyboard.e2e.ts',
		'unit:/repo/src/a.test.ts',
		'unit:/repo/src/b.test.ts',
	]);
});
