/**
 * R34: the record's name as the page shows it, to prefill "Follow up: <name>". Fail-safe: undefined when
 * nothing matches, and the control then names the object instead. Selectors are UNCONFIRMED against a
 * live org (docs/local-org.md): `records-highlights2` is the Lightning highlights panel the badge already
 * relies on (selectors.ts); its `h1` holds the primary field, read the same way by public userscripts in
 * the code index (`records-highlights2 lightning-formatted-text`, `h1.slds-page-header__title`). Classic's
 * title block is `.bPageTitle .pageDescription`. Lightning's tab title `<Name> | <Object> | Salesforce` is
 * the fallback.
 */
import {REMIND_ME_COPY} from '@/shared/copy.js';
import {MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';
import {cutAt} from '@/shared/subject-template.js';

export const RECORD_NAME_SELECTORS = [
	'records-highlights2 h1 lightning-formatted-text',
	'records-highlights2 h1',
	'.slds-page-header_record-home h1',
	'h1.slds-page-header__title',
	'.bPageTitle .pageDescription',
] as const;

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
