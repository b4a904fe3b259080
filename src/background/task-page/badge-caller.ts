/**
 * Whose badge question this is (R38). A content script runs beside a Salesforce page whose own script can
 * move the address at will; the worker therefore answers a content script only about the Task in the
 * address of the tab that asked — read from the message's sender, which the page cannot forge
 * (messaging/caller.ts) — and draws any request it spends from that tab's allowance (badge-allowance.ts).
 * The extension's own pages (settings, tests through them) are not driven by a page and may ask about any
 * Task. message-rules.ts applies this check to every getTaskBadge from a tab, in its top frame only.
 */
import {to18} from '@/shared/record-ids.js';
import {detectTaskPage} from '@/shared/task-page-url.js';
import type {TabCaller} from '../messaging/caller.js';

export class NotThisTabsTaskError extends Error {
	override name = 'InvalidMessageError';
	constructor() {
		super('Only the Task in the tab’s own address has a badge');
	}
}

/** Whether `input` is the Task in the asking tab's address (a 15-character id matches its 18-character form). */
export function isTaskInTabAddress(input: {host: string; taskId: string}, tab: TabCaller): boolean {
	const page = tab.url === undefined ? undefined : detectTaskPage(tab.url);
	return page !== undefined && page.host === input.host.toLowerCase() && to18(page.taskId) === to18(input.taskId);
}
