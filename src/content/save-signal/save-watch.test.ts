// @vitest-environment happy-dom
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {SUCCESS_TOAST_SELECTOR} from '../selectors.js';
import {loadedAfterSave, watchSuccessToasts} from './save-watch.js';

beforeEach(() => {
	document.body.replaceChildren();
});

afterEach(() => {
	vi.useRealTimers();
});

/** The SLDS toast blueprint (docs/salesforce-facts.md §8.1), as the local org's Lightning-like page draws it. */
function showToast(theme: 'success' | 'error', text: string): HTMLElement {
	const container = document.createElement('div');
	container.className = 'slds-notify_container';
	const toast = document.createElement('div');
	toast.className = `slds-notify slds-notify_toast slds-theme_${theme}`;
	toast.setAttribute('role', 'status');
	toast.textContent = text;
	container.append(toast);
	document.body.append(container);
	return container;
}

const settle = async (ms: number) => {
	await Promise.resolve(); // MutationObserver callbacks are microtasks
	await vi.advanceTimersByTimeAsync(ms);
};

test('R13 (issue 14): a success toast after a save signals once, after the debounce', async () => {
	vi.useFakeTimers();
	const onSave = vi.fn();
	const stop = watchSuccessToasts(onSave, document, 250);
	showToast('success', 'Task "Call Acme" was saved.');
	await settle(100);
	expect(onSave).not.toHaveBeenCalled();
	await settle(200);
	expect(onSave).toHaveBeenCalledTimes(1);
	// The page keeps changing while the same toast is up: no second signal.
	for (let index = 0; index < 20; index++) document.body.append(document.createElement('span'));
	await settle(1000);
	expect(onSave).toHaveBeenCalledTimes(1);
	// A second save shows a new toast: a second signal (the worker rate-limits, R21).
	document.querySelector('.slds-notify_container')?.remove();
	showToast('success', 'Task "Call Acme" was saved.');
	await settle(300);
	expect(onSave).toHaveBeenCalledTimes(2);
	stop();
	showToast('success', 'Task "Other" was saved.');
	await settle(1000);
	expect(onSave).toHaveBeenCalledTimes(2);
});

test('R21 (issue 14): an error toast, or a page that churns without a toast, sends nothing (fails safe)', async () => {
	vi.useFakeTimers();
	const onSave = vi.fn();
	const stop = watchSuccessToasts(onSave, document, 250);
	showToast('error', 'We hit a snag.');
	for (let index = 0; index < 200; index++) document.body.append(document.createElement('div'));
	await settle(1000);
	expect(onSave).not.toHaveBeenCalled();
	expect(document.querySelector(SUCCESS_TOAST_SELECTOR)).toBeNull();
	stop();
});

function navigation(entry: Partial<PerformanceNavigationTiming> | undefined): Performance {
	return {getEntriesByType: () => (entry === undefined ? [] : [entry])} as unknown as Performance;
}

test('R13 (issue 14): Classic — a page reached by a same-origin redirect from this host is a save (Post/Redirect/Get)', () => {
	const doc = {
		referrer: 'https://acme.my.salesforce.com/00T000000000001',
		location: new URL('https://acme.my.salesforce.com/00T000000000001'),
	} as unknown as Document;
	expect(loadedAfterSave(doc, navigation({type: 'navigate', redirectCount: 1}))).toBe(true);
	expect(loadedAfterSave(doc, navigation({type: 'navigate', redirectCount: 0}))).toBe(false);
	expect(loadedAfterSave(doc, navigation({type: 'reload', redirectCount: 1}))).toBe(false);
	expect(loadedAfterSave(doc, navigation(undefined))).toBe(false);
	const fromElsewhere = {referrer: 'https://login.salesforce.com/', location: doc.location} as unknown as Document;
	expect(loadedAfterSave(fromElsewhere, navigation({type: 'navigate', redirectCount: 1}))).toBe(false);
	const noReferrer = {referrer: '', location: doc.location} as unknown as Document;
	expect(loadedAfterSave(noReferrer, navigation({type: 'navigate', redirectCount: 1}))).toBe(false);
});
