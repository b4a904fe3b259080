import {expect, test} from 'vitest';
import {DEFAULT_SUBJECT_TEMPLATE, renderSubject, templateUsesName} from './subject-template.js';

test('R10: the default template is the name itself', () => {
	expect(renderSubject(DEFAULT_SUBJECT_TEMPLATE, 'Call Ana')).toBe('Call Ana');
	expect(templateUsesName(DEFAULT_SUBJECT_TEMPLATE)).toBe(true);
});

test('R10: free text around the dynamic field; spaces inside the braces are tolerated', () => {
	expect(renderSubject('[Tickler] {{ activity_subject }}!', 'Quote')).toBe('[Tickler] Quote!');
});

test('R10: line breaks are removed, an empty value renders as nothing, output is truncated to 255', () => {
	expect(renderSubject('A\n{{activity_subject}}\r\nB', 'x\ny')).toBe('A x y B');
	expect(renderSubject('Follow up: {{activity_subject}}', '')).toBe('Follow up:');
	expect(renderSubject('{{activity_subject}}{{activity_subject}}', 'z'.repeat(200))).toHaveLength(255);
});

test('R10: a template without the dynamic field never carries renames', () => {
	expect(templateUsesName('Tickler reminder')).toBe(false);
	expect(renderSubject('Tickler reminder', 'ignored')).toBe('Tickler reminder');
	expect(renderSubject('$& {{activity_subject}}', '$1 $&')).toBe('$& $1 $&');
});
