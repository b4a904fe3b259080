/**
 * R34: the record's name as the page shows it, to prefill "Follow up: <name>". Fail-safe: undefined when
 * nothing matches, and the control then names the object instead. Where the page shows the name is
 * RECORD_NAME_SELECTORS (selectors.ts); Lightning's tab title `<Name> | <Object> | Salesforce` is the
 * fallback.
 */
import {remindMeName} from '@/shared/copy.js';
import {MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';
import {cutAt} from '@/shared/subject-template.js';
import {RECORD_NAME_SELECTORS} from '../selectors.js';

export function readRecordName(doc: Document, object: string): string | undefined {
	for (const selector of RECORD_NAME_SELECTORS) {
		const text = doc.querySelector(selector)?.textContent.replaceAll(/\s+/g, ' ').trim();
		if (text) return cutAt(text, MAX_NAME_LENGTH);
	}

	const title = new RegExp(`^(.+?) \\| ${object} \\| Salesforce$`).exec(doc.title)?.[1]?.trim();
	return title === undefined || title === '' ? undefined : cutAt(title, MAX_NAME_LENGTH);
}

/**
 * The name the form starts with, "Follow up: <name>" in the rep's language (R46), within the length a name may have — cut on a whole
 * character (a page's text may hold emoji: never half of a surrogate pair), so the rep can save it as it is.
 */
export function prefilledName(recordName: string): string {
	return cutAt(remindMeName(recordName), MAX_NAME_LENGTH);
}

/** How often, and for how long, an opened form looks again for a record name the page had not drawn yet. */
const LOOK_AGAIN_EVERY_MS = 250;
const LOOK_AGAIN_FOR_MS = 10_000;

/**
 * R34: Lightning draws a record's header after its page has loaded, so a rep who opens the form at once gets the
 * object's name. Looks again for a while, as long as `stillWanted()`, and hands over the record's name the first
 * time the page shows it. Polling, not a MutationObserver: a Lightning page mutates constantly, and a poll costs
 * the same whatever the page does.
 */
export function whenRecordNameShows(
	doc: Document,
	object: string,
	stillWanted: () => boolean,
	onName: (name: string) => void,
): void {
	const startedAt = Date.now();
	const look = (): void => {
		if (!stillWanted()) return;
		const name = readRecordName(doc, object);
		if (name !== undefined) onName(name);
		else if (Date.now() - startedAt < LOOK_AGAIN_FOR_MS) setTimeout(look, LOOK_AGAIN_EVERY_MS);
	};
	setTimeout(look, LOOK_AGAIN_EVERY_MS);
}
