import {expect, test} from 'vitest';
import {cutAt, MAX_SUBJECT_LENGTH, renderSubject} from './subject-template.js';

test('R10: truncation to 255 never splits a surrogate pair', () => {
	// 254 plain characters, then emoji: the 255th code unit is the first half of "😀".
	const subject = renderSubject('{{activity_subject}}', `${'a'.repeat(254)}😀😀`);
	expect(subject).toBe('a'.repeat(254));
	expect(subject).not.toMatch(/[\uD800-\uDBFF]$/);
	// A name of emoji only: 127 whole emoji (254 code units), not 127½.
	const emoji = renderSubject('{{activity_subject}}', '🎉'.repeat(200));
	expect(emoji).toBe('🎉'.repeat(127));
	expect(emoji.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
	// When the cut falls between two pairs nothing is lost needlessly.
	expect(cutAt(`${'a'.repeat(253)}😀😀`, MAX_SUBJECT_LENGTH)).toBe(`${'a'.repeat(253)}😀`);
	expect(cutAt('short 😀', MAX_SUBJECT_LENGTH)).toBe('short 😀');
});
