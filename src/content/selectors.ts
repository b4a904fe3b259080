/**
 * Where Tickler's UI goes on a Salesforce record page (engineering guide convention 12), with saved-fixture
 * expectations in selectors.test.ts: the record header, used only to place the badge (and "Remind me") just
 * below it so it never covers the header's actions (R24). Placement falls back to a fixed corner when no
 * header matches, so a Salesforce markup change moves the badge, never breaks it. The other page-shape
 * selectors live with their feature: the save toast in save-signal/save-watch.ts, the record's name in
 * remind-me/record-name.ts.
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

export type BadgePlacement = {top: number; right: number} | {bottom: number; right: number};

const GAP = 6;
const EDGE = 16;

/**
 * Where the fixed-position badge goes: just under the record header's right end when a header is on
 * screen near the top, else the bottom-right corner (clear of the header, global nav and actions).
 */
export function placeBadge(header: Element | undefined, viewportWidth: number): BadgePlacement {
	if (header !== undefined) {
		const rect = header.getBoundingClientRect();
		if (rect.height > 0 && rect.bottom > 0 && rect.bottom < 400) {
			return {top: Math.round(rect.bottom + GAP), right: Math.max(EDGE, Math.round(viewportWidth - rect.right))};
		}
	}

	return {bottom: EDGE, right: EDGE};
}
