/**
 * R34: the record's name as the page shows it, to prefill "Follow up: <name>". Fail-safe: undefined when
 * nothing matches, and the control then names the object instead. Where the page shows the name is
 * RECORD_NAME_SELECTORS (selectors.ts); Lightning's tab title `<Name> | <Object> | Salesforce` is the
 * fallback.
 */
import {RECORD_NAME_SELECTORS} from '../selectors.js';

export function readRecordName(doc: Document, object: string): string | undefined {
	for (const selector of RECORD_NAME_SELECTORS) {
		const text = doc.querySelector(selector)?.textContent.replaceAll(/\s+/g, ' ').trim();
		if (text) return text;
	}

	const title = new RegExp(`^(.+?) \\| ${object} \\| Salesforce$`).exec(doc.title)?.[1]?.trim();
	return title === '' ? undefined : title;
}
