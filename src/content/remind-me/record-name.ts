/**
 * R34: the record's name as the page shows it, to prefill "Follow up: <name>". Fail-safe: undefined when
 * nothing matches, and the control then names the object instead. Where the page shows the name is
 * RECORD_NAME_SELECTORS (selectors.ts); Lightning's tab title `<Name> | <Object> | Salesforce` is the
 * fallback.
 */
import {REMIND_ME_COPY} from '@/shared/copy.js';
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
 * The name the form starts with, "Follow up: <name>", within the length a name may have — cut on a whole
 * character (a page's text may hold emoji: never half of a surrogate pair), so the rep can save it as it is.
 */
export function prefilledName(recordName: string): string {
	return cutAt(REMIND_ME_COPY.prefix + recordName, MAX_NAME_LENGTH);
}
