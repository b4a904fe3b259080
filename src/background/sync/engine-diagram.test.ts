/**
 * The cycle's state diagram lives beside its code (engine.ts) and in docs/sync-protocol.md "A sync cycle", for
 * readers of either: the two must be the same drawing.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** The diagram in engine.ts's header: from its first state to the line before "No timers". */
function codeDiagram(): string[] {
	const lines = read('src/background/sync/engine.ts').split('\n');
	const first = lines.findIndex(line => line.startsWith(' *   runSyncCycle'));
	const last = lines.findIndex(line => line.startsWith(' * No timers'));
	return lines
		.slice(first, last)
		.map(line => line.replace(/^ \*(?: {3}|$)/, ''))
		.join('\n')
		.trimEnd()
		.split('\n');
}

/** The fenced block of docs/sync-protocol.md that draws the cycle. */
function docDiagram(): string[] {
	const doc = read('docs/sync-protocol.md');
	const block = /```\n( {2}runSyncCycle[\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
	return block.split('\n').map(line => line.replace(/^ {2}/, ''));
}

test('docs/sync-protocol.md draws the cycle exactly as engine.ts does', () => {
	const code = codeDiagram();
	expect(code.length).toBeGreaterThan(20);
	expect(code[0]).toMatch(/^runSyncCycle/);
	expect(docDiagram()).toEqual(code);
});
