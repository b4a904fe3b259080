import {expect, test} from 'vitest';
import {MENU_DRAFT_TTL_MS, readMenuDraft} from './menu-draft.js';

const NOW = 1_800_000_000_000;
const draft = {name: 'Proposal v3', details: 'https://drive.example.com/p', at: NOW - 1000};

test('R51: a fresh draft is read as stored; a record it is about only with a real id and field', () => {
	expect(readMenuDraft(draft, NOW)).toEqual(draft);
	const about = {recordId: '003000000000001AAA', field: 'whoId', recordName: 'Ana Ruiz'};
	expect(readMenuDraft({...draft, about}, NOW)).toEqual({...draft, about});
	expect(readMenuDraft({...draft, about: {...about, recordId: 'x'}}, NOW)).toEqual(draft);
	expect(readMenuDraft({...draft, about: {...about, field: 'ownerId'}}, NOW)).toEqual(draft);
});

test('R51: an expired, future or malformed draft is no draft (a popup opened later is the plain popup)', () => {
	expect(readMenuDraft({...draft, at: NOW - MENU_DRAFT_TTL_MS - 1}, NOW)).toBeUndefined();
	expect(readMenuDraft({...draft, at: NOW + 120_000}, NOW)).toBeUndefined();
	expect(readMenuDraft({...draft, name: 5}, NOW)).toBeUndefined();
	expect(readMenuDraft(undefined, NOW)).toBeUndefined();
	expect(readMenuDraft('draft', NOW)).toBeUndefined();
	expect(readMenuDraft({...draft, name: 'x'.repeat(400)}, NOW)?.name).toHaveLength(255);
	// Never half an emoji: 254 units and the first half of one at the limit.
	expect(readMenuDraft({...draft, name: `${'x'.repeat(254)}😀`}, NOW)?.name).toBe('x'.repeat(254));
});
