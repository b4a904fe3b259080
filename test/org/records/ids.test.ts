import fc from 'fast-check';
import {expect, test} from 'vitest';
import {IdFactory, idChecksum, normalizeId, to18} from './ids.js';

test('checksum matches ids recorded from real orgs (salesforce-facts.md §7.3)', () => {
	for (const id of [
		'001B000001Lp1G2IAJ',
		'a00B000000FSkcvIAD',
		'01gB000003OCxSPIA1',
		'70130000001tcyIAAQ',
		'a0BA0000000L2ZCMA0',
	]) {
		expect(to18(id.slice(0, 15))).toBe(id);
	}
	expect(idChecksum('00T000000000000')).toBe('EAA'); // 'T' is upper case at position 2 of the first chunk
});

test('normalizeId accepts 15 and 18 chars and rejects malformed ones', () => {
	expect(normalizeId('001B000001Lp1G2')).toBe('001B000001Lp1G2IAJ');
	expect(normalizeId('001B000001Lp1G2iaj')).toBe('001B000001Lp1G2IAJ');
	expect(normalizeId('001B000001Lp1G2IAK')).toBeUndefined();
	expect(normalizeId('001B000001Lp1G')).toBeUndefined();
	expect(normalizeId('001B000001Lp1G2!')).toBeUndefined();
	expect(normalizeId('')).toBeUndefined();
});

test('every 15-char id round-trips through its 18-char form', () => {
	fc.assert(
		fc.property(
			fc.stringMatching(/^[a-zA-Z0-9]{15}$/),
			id15 => normalizeId(to18(id15)) === to18(id15) && normalizeId(id15) === to18(id15),
		),
	);
});

test('IdFactory ids are unique, prefixed, valid, and continue after observe()', () => {
	const f = new IdFactory();
	const ids = Array.from({length: 5000}, () => f.next('00T'));
	expect(new Set(ids).size).toBe(5000);
	expect(ids.every(id => id.startsWith('00T') && normalizeId(id) === id)).toBe(true);
	const g = new IdFactory();
	g.observe(ids.at(-1) ?? '');
	expect(ids).not.toContain(g.next('00T'));
});
