/**
 * Who sent a message, as the router checked it (R27). Read from the `runtime.MessageSender` the browser fills
 * in, which the page beside a content script cannot forge. Every handler is told its caller
 * (message-rules.ts): one of the extension's own pages, or the content script in a tab — it runs only on
 * Salesforce pages (manifest `content_scripts.matches`), in the top frame.
 */

/** The popup, the settings page or the All reminders page: not driven by any web page. */
export type OwnPage = {kind: 'own-page'};

/**
 * The content script in tab `tabId`. `url` is the tab's address: in Chromium the sender's frame URL stays the
 * one the document loaded with, while `tab.url` follows Lightning's history.pushState (seen in
 * badge-sync.e2e.ts; Tickler has host access to Salesforce tabs, so `tab.url` is filled in without the `tabs`
 * permission). `frameId` 0 is the top frame.
 */
export type TabCaller = {kind: 'tab'; tabId: number; url: string | undefined; frameId: number};

export type Caller = OwnPage | TabCaller;

/** The slice of `runtime.MessageSender` the router reads. */
export type Sender = {
	id?: string | undefined;
	url?: string | undefined;
	frameId?: number | undefined;
	tab?: {id?: number | undefined; url?: string | undefined} | undefined;
};

/** This extension: its id and the base URL of its own pages (`chrome-extension://<id>/`). */
export type Self = {id: string; pagesBaseUrl: string};

/**
 * The caller behind a message this extension sent: its own page, a tab's content script, or undefined for
 * anything else (a frame of this extension outside any tab and not one of its pages).
 */
export function callerOf(sender: Sender, self: Self): Caller | undefined {
	if (sender.url?.startsWith(self.pagesBaseUrl) === true) return {kind: 'own-page'};
	const tabId = sender.tab?.id;
	if (tabId === undefined) return undefined;
	return {kind: 'tab', tabId, url: sender.tab?.url ?? sender.url, frameId: sender.frameId ?? 0};
}
