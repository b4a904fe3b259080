/**
 * R51: what "Remind me about this" proposes, from what the rep pointed at. Pure. The name is the first of:
 * the selected text, the link's text, the page's title, the address itself — whitespace folded (a Task's
 * Subject is one line, R10) and cut to the name limit at a word where it can be, never mid-character. The
 * address (the link's, or the page's) goes into the details, so the rep can find the page again.
 */
import {MAX_NAME_LENGTH} from '@/shared/store/reminder-validation.js';

export type MenuClick = {
	selectionText?: string | undefined;
	linkUrl?: string | undefined;
	/** The link's text: Firefox gives it; in Chrome the worker reads it from the page the rep clicked. */
	linkText?: string | undefined;
	pageUrl?: string | undefined;
	pageTitle?: string | undefined;
};

function oneLine(text: string | undefined): string {
	return (text ?? '').replaceAll(/\s+/g, ' ').trim();
}

/** Cut to `max` UTF-16 units without splitting a surrogate pair, at the last space when one is near the end. */
export function cutName(text: string, max = MAX_NAME_LENGTH): string {
	if (text.length <= max) return text;
	let cut = text.slice(0, max - 1);
	if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
	const space = cut.lastIndexOf(' ');
	if (space > max * 0.6) cut = cut.slice(0, space);
	return `${cut.trimEnd()}…`;
}

/** A readable stand-in for an address with no words: its host and path, without the scheme. */
function addressName(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
	} catch {
		return url;
	}
}

export function menuDraftText(click: MenuClick): {name: string; details: string} {
	const address = click.linkUrl ?? click.pageUrl ?? '';
	const words = [click.selectionText, click.linkUrl === undefined ? undefined : click.linkText, click.pageTitle]
		.map(oneLine)
		.find(text => text !== '');
	return {name: cutName(words ?? oneLine(addressName(address))), details: address};
}
