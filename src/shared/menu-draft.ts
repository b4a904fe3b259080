/**
 * R51: the reminder "Remind me about this" proposes — made by the worker from the rep's right-click, read once
 * by the popup, which opens its add form filled with it. Nothing is saved until the rep saves that form.
 *
 * It travels through `storage.session` (extension pages only; content scripts cannot read it by default), so a
 * web page can neither write a draft nor read one. It expires: a draft the popup never opened (the browser
 * could not open it) must not surprise the rep at their next click on the toolbar button.
 */
import {MAX_DETAILS_LENGTH, MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';
import {isSalesforceId} from './record-ids.js';

export const MENU_DRAFT_KEY = 'tickler:menu-draft';
/** How long a draft waits for the popup: the popup opens at once, or in a window within a second or two. */
export const MENU_DRAFT_TTL_MS = 2 * 60 * 1000;

/** R33/R34: on a Salesforce record page of the synced org, the reminder is about that record. */
export type MenuDraftAbout = {recordId: string; field: 'whoId' | 'whatId'; recordName: string};

export type MenuDraft = {
	name: string;
	/** The address the rep pointed at (the link, or the page), kept in the reminder's details. */
	details: string;
	about?: MenuDraftAbout;
	/** Local time the worker made it. */
	at: number;
};

/** `text` cut to `max` UTF-16 units, never between the two halves of an emoji. */
function withinLimit(text: string, max: number): string {
	const cut = text.slice(0, max);
	return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A draft as stored, or undefined for anything else (an old shape, an expired one, nothing). */
export function readMenuDraft(stored: unknown, now: number): MenuDraft | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const {name, details, about, at} = stored as Record<string, unknown>;
	if (typeof name !== 'string' || typeof details !== 'string' || typeof at !== 'number') return undefined;
	if (now - at > MENU_DRAFT_TTL_MS || at > now + 60_000) return undefined;
	const draft: MenuDraft = {
		name: withinLimit(name, MAX_NAME_LENGTH),
		details: details.slice(0, MAX_DETAILS_LENGTH),
		at,
	};
	if (typeof about === 'object' && about !== null) {
		const {recordId, field, recordName} = about as Record<string, unknown>;
		if (isSalesforceId(recordId) && (field === 'whoId' || field === 'whatId') && typeof recordName === 'string') {
			draft.about = {recordId, field, recordName};
		}
	}

	return draft;
}
