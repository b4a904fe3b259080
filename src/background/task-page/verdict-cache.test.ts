import {beforeEach, expect, test} from 'vitest';
import type {TaskBadge} from '@/shared/types.js';
import {resetFakeBrowser} from '../../../test/fakes/browser.js';
import {forgetVerdicts, MAX_VERDICTS, recentVerdict, rememberVerdict, VERDICT_TTL_MS} from './verdict-cache.js';

const badge = (message: string): TaskBadge => ({state: 'not-linked', reason: 'not-found', message});

beforeEach(async () => {
	await resetFakeBrowser();
});

test('R38: a verdict is kept for VERDICT_TTL_MS, then forgotten', async () => {
	await rememberVerdict('p:00T1', badge('one'), 1000);
	expect(await recentVerdict('p:00T1', 1000 + VERDICT_TTL_MS - 1)).toEqual(badge('one'));
	expect(await recentVerdict('p:00T1', 1000 + VERDICT_TTL_MS)).toBeUndefined();
});

test('R38: full, the least recently asked verdict goes — not merely the oldest written', async () => {
	for (let index = 0; index < MAX_VERDICTS; index++) await rememberVerdict(`p:${index}`, badge(`${index}`), 1000);
	// Asking about the first written makes it the most recent…
	expect(await recentVerdict('p:0', 2000)).toEqual(badge('0'));
	await rememberVerdict('p:new', badge('new'), 3000);
	// …so the one asked longest ago, the second written, is the one dropped.
	expect(await recentVerdict('p:0', 3000)).toEqual(badge('0'));
	expect(await recentVerdict('p:1', 3000)).toBeUndefined();
	expect(await recentVerdict('p:2', 3000)).toEqual(badge('2'));
	expect(await recentVerdict('p:new', 3000)).toEqual(badge('new'));
});

test('Disconnect forgets one partition’s verdicts and keeps the others', async () => {
	await rememberVerdict('a:00T1', badge('a'), 1000);
	await rememberVerdict('b:00T1', badge('b'), 1000);
	await forgetVerdicts('a');
	expect(await recentVerdict('a:00T1', 1000)).toBeUndefined();
	expect(await recentVerdict('b:00T1', 1000)).toEqual(badge('b'));
});
