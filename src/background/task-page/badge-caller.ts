/**
 * Whose badge question this is (R38). A content script runs beside a Salesforce page whose own script
 * can move the address at will; the worker therefore answers a content script only about the Task in
 * the address of the frame that asked — read from the message's sender, which the page cannot forge —
 * and draws any request it spends from that tab's allowance (badge-allowance.ts). The extension's own pages
 * (settings, tests through them) are not driven by a page and may ask about any Task.
 */
import {to18} from '@/shared/record-ids.js';
import {detectTaskPage} from '@/shared/task-page-url.js';

export type BadgeCaller = {kind: 'own-page'} | {kind: 'tab'; tabId: number};

/** The slice of `runtime.MessageSender` this needs. */
export type BadgeSender = {
	url?: string | undefined;
	frameId?: number | undefined;
	tab?: {id?: number | undefined; url?: string | undefined} | undefined;
};

export class NotThisTabsTaskError extends Error {
	override name = 'InvalidMessageError';
	constructor() {
		super('Only the Task in the tab’s own address has a badge');
	}
}

/**
 * The content script's caller, after checking that `input` is the Task in the sender frame's address;
 * throws NotThisTabsTaskError otherwise. The content script runs in the top frame only (manifest), so a
 * sub-frame's message is refused too.
 */
export function tabCaller(input: {host: string; taskId: string}, sender: BadgeSender): BadgeCaller {
	if (sender.frameId !== undefined && sender.frameId !== 0) throw new NotThisTabsTaskError();
	// The tab's address, not `sender.url`: in Chromium the sender's frame URL stays the one the document
	// loaded with, while `tab.url` follows Lightning's history.pushState (seen in badge-sync.e2e.ts; Tickler
	// has host access to Salesforce tabs, so `tab.url` is filled in without the `tabs` permission).
	const address = sender.tab?.url ?? sender.url;
	const page = address === undefined ? undefined : detectTaskPage(address);
	if (
		page === undefined ||
		page.host !== input.host.toLowerCase() ||
		to18(page.taskId) !== to18(input.taskId) ||
		sender.tab?.id === undefined
	) {
		throw new NotThisTabsTaskError();
	}

	return {kind: 'tab', tabId: sender.tab.id};
}
