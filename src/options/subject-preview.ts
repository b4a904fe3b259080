/**
 * The live preview of the activity subject template (R10). It mirrors the engine's renderSubject
 * (src/background/sync/template.ts), which UI code may not import; src/background/subject-preview-parity.test.ts
 * keeps the two in step.
 */
const TOKEN = /\{\{\s*activity_subject\s*\}\}/g;
const MAX_SUBJECT_LENGTH = 255;

export function previewSubject(template: string, name: string): string {
	const value = name.replaceAll(/[\r\n]+/g, ' ');
	return template
		.replaceAll(TOKEN, () => value)
		.replaceAll(/[\r\n]+/g, ' ')
		.trim()
		.slice(0, MAX_SUBJECT_LENGTH);
}

export function usesName(template: string): boolean {
	return new RegExp(TOKEN.source).test(template);
}
