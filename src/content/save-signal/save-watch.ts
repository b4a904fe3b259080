/**
 * Change signals (issue 14, R13): the rep saving a record in this Salesforce tab makes a change to one of
 * their Tasks likely, so the worker is told at once — it decides whether that is worth a sync (rate-limited,
 * R21). No API request, no session, nothing read from the record: only "a save was seen on this host".
 * Every page-shape dependency fails safe: if Salesforce changes its markup, no signal is sent and the
 * schedule (every ten minutes in Salesforce) brings the change instead.
 *
 * - Lightning: a success toast. Lightning confirms a record save with a toast (Salesforce docs, "Display
 *   toasts to provide feedback to a user following an action, such as after a record is created";
 *   lightning/toast "implements the toast blueprint in the Salesforce Lightning Design System"), whose SLDS
 *   markup is `.slds-notify_toast` with the `.slds-theme_success` theme (SLDS Toast blueprint;
 *   docs/salesforce-facts.md §8.1). That the record save's own toast uses this markup in the light DOM
 *   is UNCONFIRMED (docs/local-org.md). One MutationObserver (child lists only), whose callback does
 *   nothing but arm a timer: at most one `querySelector` per DEBOUNCE_MS however busy the page is.
 * - Classic: the save is a form POST answered by a redirect to the record (Post/Redirect/Get), so the page
 *   loads through a same-origin redirect from a page of the same host — read once from the Navigation Timing
 *   entry (`redirectCount`, W3C Navigation Timing Level 2; docs/salesforce-facts.md §8.2, UNCONFIRMED for Salesforce Classic).
 */
import {callBackground} from '@/shared/messages.js';
import {isContextValid} from '../orphan-guard.js';
import {isLightningHost} from '@/shared/task-page-url.js';
import {SUCCESS_TOAST_SELECTOR} from '../selectors.js';

const DEBOUNCE_MS = 250;

/**
 * Calls `onSave` once per success toast that appears under `root`. Returns the teardown. Exported for the
 * unit tests and the bench's overhead measurement.
 */
export function watchSuccessToasts(onSave: () => void, doc: Document = document, debounceMs = DEBOUNCE_MS) {
	const win = doc.defaultView ?? window;
	let timer: number | undefined;
	let seen: Element | undefined;
	let seenText: string | null = null;
	const check = (): void => {
		timer = undefined;
		const toast = doc.querySelector(SUCCESS_TOAST_SELECTOR) ?? undefined;
		if (toast === undefined || (toast === seen && toast.textContent === seenText)) return;
		seen = toast;
		seenText = toast.textContent;
		onSave();
	};

	const observer = new MutationObserver(() => {
		timer ??= win.setTimeout(check, debounceMs);
	});
	observer.observe(doc.body, {childList: true, subtree: true});
	return () => {
		observer.disconnect();
		if (timer !== undefined) win.clearTimeout(timer);
	};
}

/** Classic: this page was reached by a same-origin redirect from a page of this host (a form's save). */
export function loadedAfterSave(doc: Document = document, perf: Performance = performance): boolean {
	const entry = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
	if (entry === undefined || entry.type !== 'navigate' || entry.redirectCount < 1) return false;
	try {
		return new URL(doc.referrer).origin === doc.location.origin;
	} catch {
		return false;
	}
}

/** Wires the signals for this page; called once by content-script.ts on every Salesforce page it runs on. */
export function startChangeSignals(): void {
	const host = location.hostname;
	let stop = (): void => undefined;
	const signal = (): void => {
		// After an extension update this script is orphaned: stop watching, say nothing (engineering guide §2).
		if (!isContextValid()) {
			stop();
			return;
		}

		callBackground('salesforceSaveSeen', {host}).catch(() => undefined);
	};

	if (isLightningHost(host)) stop = watchSuccessToasts(signal);
	else if (loadedAfterSave()) signal();
}
