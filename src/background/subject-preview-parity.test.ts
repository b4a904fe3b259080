import {expect, test} from 'vitest';
import {previewSubject, usesName} from '@/options/subject-preview.js';
import {renderSubject, templateUsesName} from './sync/template.js';

// The settings page's live preview (R10) must say exactly what the engine will send as the Subject.
test.each([
	['{{activity_subject}}', 'Call Ana'],
	['Tickler: {{ activity_subject }}', 'Call Ana'],
	['No name here', 'Call Ana'],
	['{{activity_subject}}', 'line\nbreak\r\nname'],
	['  {{activity_subject}}  ', ''],
	['{{activity_subject}} {{activity_subject}}', 'x'.repeat(200)],
	['Multi\nline {{activity_subject}}', '<b>html</b>'],
])('R10: preview %j with %j equals the engine’s Subject', (template, name) => {
	expect(previewSubject(template, name)).toBe(renderSubject(template, name));
	expect(usesName(template)).toBe(templateUsesName(template));
});
