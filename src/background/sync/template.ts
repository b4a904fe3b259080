/**
 * The activity subject template (R10). It may hold free text and the dynamic field
 * `{{activity_subject}}` (the reminder's name).
 */
export const DEFAULT_SUBJECT_TEMPLATE = '{{activity_subject}}';
const TOKEN = /\{\{\s*activity_subject\s*\}\}/g;
export const MAX_SUBJECT_LENGTH = 255;

/** R10: a local rename updates Subject only when the template uses the name. */
export function templateUsesName(template: string): boolean {
	return new RegExp(TOKEN.source).test(template);
}

/** Renders the Subject: line breaks removed, an empty value renders as nothing, at most 255 characters. */
export function renderSubject(template: string, name: string): string {
	const value = name.replaceAll(/[\r\n]+/g, ' ');
	const rendered = template.replaceAll(TOKEN, () => value).replaceAll(/[\r\n]+/g, ' ');
	return rendered.trim().slice(0, MAX_SUBJECT_LENGTH);
}
