/**
 * The order test files start in (vitest.config.ts `sequence.sequencer`): vitest's own order — failed and
 * longest first from its cache, else the largest file first — except that the e2e files known to take longest
 * start first in their project. On a clean clone there is no cache, so vitest orders by file size alone, and the
 * accessibility suite (two 4-line files over accessibility-suite.ts, about 95 s each) started last: the two e2e
 * workers then spent their last 95 s on it alone (issue 23: CI stays quick). Durations from the clean-clone
 * run of 2026-12-07 (`tmp/test-reports/e2e.json`); a file missing from the list only starts in vitest's order.
 */
import {BaseSequencer, type TestSpecification} from 'vitest/node';

/** Longest first: the e2e files whose time is mostly waits or many browser states, not their size on disk. */
const LONGEST_FIRST = [
	'test/e2e/accessibility-en.e2e.ts',
	'test/e2e/accessibility-it.e2e.ts',
	'test/e2e/worker-restart.e2e.ts',
	'test/e2e/everyday.e2e.ts',
	'test/e2e/reminder-notification.e2e.ts',
	'test/e2e/undo-complete.e2e.ts',
];

const rank = (spec: TestSpecification): number => {
	const index = LONGEST_FIRST.findIndex(file => spec.moduleId.endsWith(`/${file}`));
	return index === -1 ? LONGEST_FIRST.length : index;
};

export class LongestFirstSequencer extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		// vitest runs projects one after another: keep its project order, and its order among unlisted files.
		const projectOrder = new Map<string, number>();
		for (const spec of sorted)
			if (!projectOrder.has(spec.project.name)) projectOrder.set(spec.project.name, projectOrder.size);
		const position = new Map(sorted.map((spec, index) => [spec, index]));
		return [...sorted].sort(
			(a, b) =>
				(projectOrder.get(a.project.name) ?? 0) - (projectOrder.get(b.project.name) ?? 0) ||
				rank(a) - rank(b) ||
				(position.get(a) ?? 0) - (position.get(b) ?? 0),
		);
	}
}
