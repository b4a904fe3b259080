/**
 * Every Salesforce DOM selector the content script uses (engineering guide convention 12), each checked
 * against the saved pages in fixtures/ by selectors.test.ts. The lint rule scripts/eslint/no-inline-selectors.js
 * refuses a selector written anywhere else in src/content. Every use fails safe:
 * a Salesforce markup change moves the badge to a corner, names the object instead of the record, or
 * sends no save signal — it never breaks the page or Tickler.
 */

/**
 * The record header, to place the badge and "Remind me" just below it so they never cover the header's
 * actions (R24). Placement falls back to a fixed corner when no header matches.
 */
export const RECORD_HEADER_SELECTORS = [
	// Lightning Experience record home: the highlights panel (LWC, synthetic shadow reaches the light DOM).
	'records-highlights2',
	'.slds-page-header_record-home',
	// Salesforce Classic detail page title block.
	'.bPageTitle',
] as const;

export function findRecordHeader(root: ParentNode): Element | undefined {
	for (const selector of RECORD_HEADER_SELECTORS) {
		const element = root.querySelector(selector);
		if (element !== null) return element;
	}

	return undefined;
}

/**
 * R34: where the page shows the record's name, to prefill "Follow up: <name>" (remind-me/record-name.ts).
 * UNCONFIRMED against a live org (docs/local-org.md): `records-highlights2` is the Lightning highlights
 * panel the badge already relies on; its `h1` holds the primary field, read the same way by public
 * userscripts in the code index (`records-highlights2 lightning-formatted-text`,
 * `h1.slds-page-header__title`, the older SLDS page header). Classic's title block is
 * `.bPageTitle .pageDescription`.
 */
export const RECORD_NAME_SELECTORS = [
	'records-highlights2 h1 lightning-formatted-text',
	'records-highlights2 h1',
	'.slds-page-header_record-home h1',
	'h1.slds-page-header__title',
	'.bPageTitle .pageDescription',
] as const;

/**
 * R24: the record's fields as Salesforce draws them, which the badge's open card must not cover
 * (task-badge/card-place.ts): Lightning's field blocks and label/value pairs, Classic's detail table cells.
 */
export const RECORD_FIELD_SELECTORS = ['dt', 'dd', '.slds-form-element', '.detailList td'] as const;

/**
 * The page's own fields and controls: HTML's controls plus the record fields above. Light DOM only:
 * controls inside closed shadow roots are not found (an UNCONFIRMED limit for pages whose components use
 * native shadow DOM).
 */
export const PAGE_CONTROLS = `input, select, textarea, button, a[href], [role="button"], [contenteditable="true"], label, ${RECORD_FIELD_SELECTORS.join(', ')}`;

/**
 * Issue 14 (R13): the SLDS success toast Lightning shows after a save (docs/salesforce-facts.md §8.1), which
 * save-signal/save-watch.ts watches for.
 */
export const SUCCESS_TOAST_SELECTOR = '.slds-notify_toast.slds-theme_success';
