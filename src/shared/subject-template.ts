/**
 * The activity subject template (R10). It may hold free text and the dynamic field
 * `{{activity_subject}}` (the reminder's name). Shared: the engine renders the Subject it sends with it,
 * and the settings page's live preview uses the very same function, so the preview cannot drift.
 */
export const DEFAULT_SUBJECT_TEMPLATE = '{{activity_subject}}';
const TOKEN = /\{\{\s*activity_subject\s*\}\}/g;
export const MAX_SUBJECT_LENGTH = 255;

/** R10: a local rename updates Subject only when the template uses the name. */
export function templateUsesName(template: string): boolean {
	return new RegExp(TOKEN.source).test(template);
}

/** Renders the Subject: line breaks removed, an empty value renders as nothing, at most 255 characters (cutAt). */
export function renderSubject(template: string, name: string): string {
	const value = name.replaceAll(/[\r\n]+/g, ' ');
	const rendered = template.replaceAll(TOKEN, () => value).replaceAll(/[\r\n]+/g, ' ');
	return cutAt(rendered.trim(), MAX_SUBJECT_LENGTH);
}

/**
 * At most `max` UTF-16 code units — Salesforce counts a surrogate pair (an emoji, a rare kanji) as two
 * characters (Salesforce Help 005166849; for field lengths UNCONFIRMED, docs/local-org.md) — and never half
 * of a pair: a cut that would split one drops the whole character.
 */
export function cutAt(text: string, max: number): string {
	if (text.length <= max) return text;
	const last = text.charCodeAt(max - 1);
	return text.slice(0, last >= 0xd8_00 && last <= 0xdb_ff ? max - 1 : max);
}
