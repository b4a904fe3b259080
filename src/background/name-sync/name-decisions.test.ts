import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {
	itemBytes,
	NAME_BUDGET,
	NAME_TTL_MS,
	nameKey,
	parseNameKey,
	parseSharedName,
	type SharedName,
} from './entries.js';
import {localWins, planNames, sharedWins} from './name-decisions.js';

const P = '00D000000000001AAA:005000000000001AAA';
const T1 = '00T000000000001AAA';
const NOW = Date.parse('2026-03-05T09:00:00Z');

describe('entries', () => {
	test('R45: keys are per partition and per Task id, and parse back', () => {
		const key = nameKey(P, T1);
		expect(parseNameKey(key)).toEqual({partition: P, taskId: T1});
		expect(nameKey('00D000000000002AAA:005000000000001AAA', T1)).not.toBe(key);
		expect(parseNameKey('other:thing')).toBeUndefined();
		expect(parseNameKey('tn1:')).toBeUndefined();
	});

	test('R45: a stored value is accepted only as a name Tickler itself would accept', () => {
		expect(parseSharedName({n: 'Call Acme', t: 5})).toEqual({n: 'Call Acme', t: 5});
		expect(parseSharedName({n: '', t: 5})).toBeUndefined();
		expect(parseSharedName({n: 'a'.repeat(256), t: 5})).toBeUndefined();
		expect(parseSharedName({n: 'two\nlines', t: 5})).toBeUndefined();
		expect(parseSharedName({n: 'x', t: Number.NaN})).toBeUndefined();
		expect(parseSharedName({n: 'x'})).toBeUndefined();
		expect(parseSharedName('x')).toBeUndefined();
		expect(parseSharedName(null)).toBeUndefined();
	});

	test('R45: the largest possible item is far under QUOTA_BYTES_PER_ITEM (8,192)', () => {
		expect(itemBytes(nameKey(P, T1), {n: '😀'.repeat(127), t: NOW})).toBeLessThan(1200);
	});
});

describe('which name wins', () => {
	test('R45/R10: a name given in Tickler beats a name taken from the Subject; equal names change nothing', () => {
		expect(sharedWins({n: 'Renamed', t: 1}, {name: 'Subject', at: undefined})).toBe(true);
		expect(sharedWins({n: 'Same', t: 9}, {name: 'Same', at: 1})).toBe(false);
	});

	test('R45: the later rename wins; an older one never overwrites a newer one', () => {
		expect(sharedWins({n: 'A', t: 200}, {name: 'B', at: 100})).toBe(true);
		expect(sharedWins({n: 'A', t: 100}, {name: 'B', at: 200})).toBe(false);
		expect(localWins({name: 'B', at: 200}, {n: 'A', t: 100}, 300)).toBe(true);
		expect(localWins({name: 'B', at: 100}, {n: 'A', t: 200}, 300)).toBe(false);
	});

	test('R45: a tie of times goes to the same name on both computers', () => {
		const onA = sharedWins({n: 'Zed', t: 5}, {name: 'Abe', at: 5});
		const onB = sharedWins({n: 'Abe', t: 5}, {name: 'Zed', at: 5});
		expect([onA, onB]).toEqual([true, false]);
	});

	test('R10: a name from the Subject is never shared; an expired name is not shared again', () => {
		expect(localWins({name: 'Subject', at: undefined}, undefined, NOW)).toBe(false);
		expect(localWins({name: 'Old', at: NOW - NAME_TTL_MS - 1}, undefined, NOW)).toBe(false);
		expect(localWins({name: 'New', at: NOW - 1000}, undefined, NOW)).toBe(true);
	});
});

describe('planNames: within the quotas, stable', () => {
	const offer = (entries: Array<[string, SharedName]>) => new Map(entries);

	test('R45: malformed, expired and deleted-Task names are removed; foreign keys are left alone', () => {
		const stored = {
			[nameKey(P, 'a')]: {n: 'fresh', t: NOW - 1000},
			[nameKey(P, 'b')]: {n: 'old', t: NOW - NAME_TTL_MS - 1},
			[nameKey(P, 'c')]: {bogus: true},
			[nameKey(P, 'd')]: {n: 'deleted here', t: NOW},
			'someone-else': {n: 'x', t: 0},
		};
		const plan = planNames(stored, new Map(), new Set([nameKey(P, 'd')]), NOW);
		expect(plan.remove.sort()).toEqual([nameKey(P, 'b'), nameKey(P, 'c'), nameKey(P, 'd')].sort());
		expect(plan.write).toEqual({});
	});

	test('R45: over the item budget, the newest names are kept and the oldest stored ones removed', () => {
		const stored = Object.fromEntries(
			Array.from({length: NAME_BUDGET.items}, (_, i) => [nameKey(P, `s${i}`), {n: `s${i}`, t: NOW - 10_000 + i}]),
		);
		const offered = offer(Array.from({length: 10}, (_, i) => [nameKey(P, `o${i}`), {n: `o${i}`, t: NOW + i}]));
		const plan = planNames(stored, offered, new Set(), NOW);
		expect(Object.keys(plan.write)).toHaveLength(10);
		expect(plan.remove.sort()).toEqual(Array.from({length: 10}, (_, i) => nameKey(P, `s${i}`)).sort());
	});

	test('R45: property — the result fits the budget and a second pass writes and removes nothing', () => {
		const entry = fc.record({
			task: fc.stringMatching(/^[a-z0-9]{1,18}$/),
			n: fc.oneof(
				fc.constant('é'.repeat(255)),
				fc.string({minLength: 1, maxLength: 40}).map(s => `n${s.trim()}`),
			),
			age: fc.integer({min: 0, max: NAME_TTL_MS * 2}),
		});
		fc.assert(
			fc.property(fc.array(entry, {maxLength: 700}), fc.array(entry, {maxLength: 200}), (storedList, offeredList) => {
				const valid = (e: {n: string}) => parseSharedName({n: e.n, t: 0}) !== undefined;
				const stored = Object.fromEntries(
					storedList.filter(valid).map(e => [nameKey(P, e.task), {n: e.n, t: NOW - e.age}]),
				);
				const offered = new Map(offeredList.filter(valid).map(e => [nameKey(P, e.task), {n: e.n, t: NOW - e.age}]));
				const plan = planNames(stored, offered, new Set(), NOW);
				const removed = new Set(plan.remove);
				const after: Record<string, unknown> = {
					...Object.fromEntries(Object.entries(stored).filter(([key]) => !removed.has(key))),
					...plan.write,
				};
				const entries = Object.entries(after);
				expect(entries.length).toBeLessThanOrEqual(NAME_BUDGET.items);
				expect(entries.reduce((sum, [k, v]) => sum + itemBytes(k, v), 0)).toBeLessThanOrEqual(NAME_BUDGET.bytes);
				// Offering the same again changes nothing: no write churn against the 120-per-minute quota.
				const again = planNames(after, offered, new Set(), NOW);
				const rewrites = Object.entries(again.write).filter(([k, v]) => JSON.stringify(after[k]) !== JSON.stringify(v));
				expect(rewrites).toEqual([]);
				expect(again.remove).toEqual([]);
			}),
			{numRuns: 60},
		);
	});
});
